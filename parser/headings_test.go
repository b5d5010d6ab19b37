package parser

import (
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
