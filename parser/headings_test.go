package parser

import (
	"math/rand"
	"strings"
	"testing"

	"baogao/hanzi"
)

// builder.add folds a paragraph's head only when the unfolded head holds a
// colon or a word of the problems pattern. That is exact only while
// folding makes none of those characters out of other ones.
func TestFoldPreimages(t *testing.T) {
	want := map[rune][]rune{
		':': {':', '：'},
		'：': nil,
		'到': {'到'},
		'在': {'在'},
		'和': {'和'},
		'不': {'不'},
		'足': {'足'},
	}
	got := map[rune][]rune{}
	for r := rune(0); r <= 0x10FFFF; r++ {
		if f := hanzi.FoldRune(r); want[f] != nil || f == '：' {
			got[f] = append(got[f], r)
		}
	}
	for target, pre := range want {
		if string(got[target]) != string(pre) {
			t.Errorf("runes folding to %q: %q, want %q", target, got[target], pre)
		}
	}
}

// scanHead must agree with the checks it stands for.
func TestScanHead(t *testing.T) {
	pieces := []string{"和", "不足", "和不足", "到", "在", ":", "：", "一", "工作", "。", "a", "\xff", " "}
	rng := rand.New(rand.NewSource(3))
	for round := 0; round < 20000; round++ {
		var b strings.Builder
		for k := rng.Intn(80); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		head := runePrefix(text, 64)
		want := colons.contains(head) || mayOwnProblems(runePrefix(head, 60))
		gotHead, got := scanHead(text)
		if gotHead != head || got != want {
			t.Fatalf("scanHead(%q) = %q, %v; want %q, %v", text, gotHead, got, head, want)
		}
	}
}
