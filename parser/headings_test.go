package parser

import (
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

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
		want := true
		switch colon := colons.index(head); {
		case mayOwnProblems(runePrefix(head, 60)):
		case colon >= 0 && !atLeastRunes(head[:colon], 31):
			_, size := utf8.DecodeRuneInString(head[colon:])
			head = head[:colon+size]
		default:
			head, want = "", false
		}
		gotHead, got := scanHead(text)
		if gotHead != head || got != want {
			t.Fatalf("scanHead(%q) = %q, %v; want %q, %v", text, gotHead, got, head, want)
		}
	}
}

// builder.add reads the keyword and problems openings off the fold of
// scanHead's head alone: the answers must be those for the fold of the
// paragraph's first 64 runes.
func TestScanHeadFoldWindow(t *testing.T) {
	// Every other round without the problems words, so that colons
	// decide alone.
	plain := []string{"进展情况", "進展情況", "下一步打算", "的主要预期目标", "是", ":", "：", "，", "一", "工作", "。", " ", "a"}
	pieces := append([]string{"存在问题", "存在問題", "清醒地认识到", "和不足", "到", "在"}, plain...)
	rng := rand.New(rand.NewSource(5))
	for round := 0; round < 20000; round++ {
		pool := pieces
		if round%2 == 0 {
			pool = plain
		}
		var b strings.Builder
		for k := rng.Intn(40); k > 0; k-- {
			b.WriteString(pool[rng.Intn(len(pool))])
		}
		text := b.String()
		full := hanzi.Fold(runePrefix(text, 64))
		head, worth := scanHead(text)
		folded := ""
		if worth {
			folded = hanzi.Fold(head)
		}
		wantTitle, wantStart, _, wantOK := lexKeyword(text, full)
		title, start, _, ok := lexKeyword(text, folded)
		if title != wantTitle || start != wantStart || ok != wantOK || isProblems(folded) != isProblems(full) {
			t.Fatalf("%q: keyword %q %d %v, problems %v; from the whole head %q %d %v, %v",
				text, title, start, ok, isProblems(folded), wantTitle, wantStart, wantOK, isProblems(full))
		}
	}
}

// The numbering scanners must read what the patterns they replace read.
var (
	reCnDun     = regexp.MustCompile(`^([一二三四五六七八九十]{1,3})[、．.]\s*`)
	reCnParen   = regexp.MustCompile(`^[（(]([一二三四五六七八九十]{0,3})[)）]\s*`)
	reCnOrdinal = regexp.MustCompile(`^第([一二三四五六七八九十]{1,3})(方面|部分|章|节|節|篇)\s*[:：、.．]?\s*`)
	reArabic    = regexp.MustCompile(`^([0-9０-９]{1,3})([.．、)）])\s*`)
	reArParen   = regexp.MustCompile(`^[（(]([0-9０-９]{1,2})[)）]\s*`)
)

func TestNumberingScannersMatchPatterns(t *testing.T) {
	pieces := []string{"第", "一", "三", "十", "九", "四", "方面", "部分", "章", "节", "節", "篇", "方", "部",
		"、", "．", ".", ":", "：", "（", "(", ")", "）", "1", "2", "0", "9", " ", "\t", "\n", "\f", "\r", "\v",
		"\u3000", "年", "%", "x", "\xe4", "\xb8", "\xe4\xb8", "①", "１", "９", "\xef\xbc"}
	check := func(text string) {
		t.Helper()
		same := func(name string, got []int, ok bool, want []int) {
			t.Helper()
			if ok != (want != nil) || ok && !slices.Equal(got, want) {
				t.Fatalf("%s(%q) = %v, %v; pattern gives %v", name, text, got, ok, want)
			}
		}
		m1, ok := matchCnOrdinal(text)
		same("matchCnOrdinal", m1[:], ok, reCnOrdinal.FindStringSubmatchIndex(text))
		m2, ok := matchCnDun(text)
		same("matchCnDun", m2[:], ok, reCnDun.FindStringSubmatchIndex(text))
		m3, ok := matchCnParen(text)
		same("matchCnParen", m3[:], ok, reCnParen.FindStringSubmatchIndex(text))
		m4, ok := matchArabic(text)
		same("matchArabic", m4[:], ok, reArabic.FindStringSubmatchIndex(text))
		m5, ok := matchArParen(text)
		same("matchArParen", m5[:], ok, reArParen.FindStringSubmatchIndex(text))
	}
	for _, s := range []string{"第一方面 进展", "第十二章：总则", "一、总体情况", "十一.　", "（一）加强", "()", "(十)x", "1.5%", "12、工作", "(12)", "（3）", "123. a", "第一二三四方面"} {
		check(s)
	}
	rng := rand.New(rand.NewSource(4))
	for round := 0; round < 200000; round++ {
		var b strings.Builder
		for k := 1 + rng.Intn(8); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
}

// Wherever reProblems matches, problemsWords finds a word, and
// mayOwnProblems holds.
func TestProblemsPrefilter(t *testing.T) {
	pieces := []string{"清醒", "地", "认识", "看", "意识", "到", "在肯定成绩的同时", "但", "也", "同时", "还", "要", "存在", "着",
		"一些", "不少", "困难和", "问题", "不足", "短板", "问题和不足", "差距和不足", "我们", "，"}
	rng := rand.New(rand.NewSource(6))
	matched := 0
	for round := 0; round < 100000; round++ {
		var b strings.Builder
		for k := 1 + rng.Intn(6); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if reProblems.MatchString(s) {
			matched++
			if !problemsWords.any(s) || !mayOwnProblems(s) {
				t.Fatalf("%q matches reProblems but the prefilter says no", s)
			}
		}
	}
	if matched == 0 {
		t.Fatal("no generated text matched reProblems")
	}
}

// TestAtLeastRunes checks the shortcuts against a plain count, invalid
// bytes included (each is one rune, as range sees them).
func TestAtLeastRunes(t *testing.T) {
	for _, s := range []string{"", "a", "国", "ab国家\xff", "一二三四五六七八九十", "\xe4\xb8", strings.Repeat("国a", 30), strings.Repeat("\xff", 9)} {
		for n := -1; n <= 70; n++ {
			if got, want := atLeastRunes(s, n), utf8.RuneCountInString(s) >= n; got != want {
				t.Errorf("atLeastRunes(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// TestListMarkers checks arabic and decimal outline numbering, and the
// lines that look like it but are not headings.
func TestListMarkers(t *testing.T) {
	tests := []struct {
		line, style, label string
		ok                 bool
	}{
		{"1 主要工作成效", "decimal-1", "1", true},
		{"1.2 项目建设", "decimal-2", "1.2", true},
		{"2.10.3  招商引资", "decimal-3", "2.10.3", true},
		{"3 2024年工作计划", "decimal-1", "3", true},
		{"0 2020 年上半年政府工作报告", "", "", false},  // a page number
		{"1 地区生产总值 亿元 2856.3", "", "", false}, // a table row
		{"12 全区经济运行稳中向好。", "", "", false},     // a sentence
		{"1.5 亿元", "", "", false},
		{"1.0 版本", "", "", false},
		{"1.扩大有效投资", "arabic-dot", "1", true},
		{"12、工作", "arabic-dun", "12", true},
		{"3）改造提升社区卫生服务中心6家", "arabic-close", "3)", true},
		{"4) 建设普惠性幼儿园", "arabic-close", "4)", true},
		{"1.5%的增幅", "", "", false},
		{"2019年", "", "", false},
		{"(2)农业", "arabic-paren", "(2)", true},
		{"１．经济运行稳中向好", "arabic-dot", "1", true},
		{"１２、工作", "arabic-dun", "12", true},
		{"（３）惠民生", "arabic-paren", "(3)", true},
		{"５．５％的增幅", "", "", false},
		{"⑶ 稳就业", "arabic-paren", "(3)", true},
		{"⒉项目建设", "arabic-dot", "2", true},
		{"⑫完成", "circled", "⑫", true},
	}
	for _, tt := range tests {
		m, ok := lexMarker(tt.line)
		if ok != tt.ok || ok && (m.style != tt.style || m.label != tt.label) {
			t.Errorf("lexMarker(%q) = %q %q %v, want %q %q %v", tt.line, m.style, m.label, ok, tt.style, tt.label, tt.ok)
		}
	}
	r, err := Parse("decimal.txt", []byte("某县2023年工作总结\n1 主要工作成效\n1.1 经济运行\n全县地区生产总值增长6%。\n1.2 项目建设\n新开工项目12个。\n2 存在问题\n项目储备不足。\n3 2024年工作计划\n3.1 稳增长\n确保增长6%。\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range r.Sections {
		got = append(got, s.Label+" "+s.Title)
		for _, c := range s.Children {
			got = append(got, "  "+c.Label+" "+c.Title)
		}
	}
	want := []string{"1 主要工作成效", "  1.1 经济运行", "  1.2 项目建设", "2 存在问题", "3 2024年工作计划", "  3.1 稳增长"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("outline\n%q\nwant\n%q", got, want)
	}
}

func TestIsAppendix(t *testing.T) {
	for p, want := range map[string]bool{
		"名词解释":          true,
		"名詞解釋":          true,
		"附件1":           true,
		"附件１":           true,
		"附件：":           true,
		"附件：2023年重点项目表": true,
		"附表2 主要指标完成情况":  true,
		"附件所列项目已全部开工。":  false,
		"附件：各项目已按时开工，请查收。": false,
		"名词": false,
	} {
		if got := isAppendix(p); got != want {
			t.Errorf("isAppendix(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct{ rest, title, body string }{
		{"经济运行稳中向好。地区生产总值增长5.1%。", "经济运行稳中向好", "地区生产总值增长5.1%。"},
		{"上半年工作情况", "上半年工作情况", ""},
		{"上半年工作情况：", "上半年工作情况", ""},
		{"聚焦产业发展：全年新开工项目32个。", "聚焦产业发展", "全年新开工项目32个。"},
		{"坚持创新驱动，主要是：研发投入增长12%。", "坚持创新驱动，主要是：研发投入增长12%", ""},
		{"全面落实中央和省委省市各项决策部署推动经济社会高质量发展的主要做法：一是抓项目。", "全面落实中央和省委省市各项决策部署推动经济社会高质量发展的主要做法：一是抓项目", ""},
	}
	for _, tt := range tests {
		title, body := splitTitle(tt.rest)
		if title != tt.title || body != tt.body {
			t.Errorf("splitTitle(%q) = %q, %q; want %q, %q", tt.rest, title, body, tt.title, tt.body)
		}
	}
}
