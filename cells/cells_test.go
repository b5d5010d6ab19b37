package cells

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"baogao/internal/seeds"
)

func TestWidth(t *testing.T) {
	tests := []struct {
		s            string
		narrow, wide int
	}{
		{"", 0, 0},
		{"abc", 3, 3},
		{"报告", 4, 4},
		{"，。", 4, 4},               // full-width punctuation is wide in both modes
		{"“好”", 4, 6},              // curly quotes are ambiguous
		{"、", 2, 2},                // 、 is wide (W), not ambiguous
		{"…—", 2, 4},               // ellipsis and em dash are ambiguous
		{"①②", 2, 4},               // circled digits are ambiguous
		{"🎉", 2, 2},                // emoji
		{"e\u0301", 1, 1},          // combining mark
		{"\x1b[31m红\x1b[0m", 2, 2}, // SGR sequences count zero
		{"\x1b]8;;http://x\x07链\x1b]8;;\x07", 2, 2}, // OSC 8 hyperlink
		{"37.3亿元", 8, 8},
	}
	for _, tt := range tests {
		if got := New(false).Width(tt.s); got != tt.narrow {
			t.Errorf("narrow Width(%q) = %d, want %d", tt.s, got, tt.narrow)
		}
		if got := New(true).Width(tt.s); got != tt.wide {
			t.Errorf("wide Width(%q) = %d, want %d", tt.s, got, tt.wide)
		}
	}
}

func TestTruncatePad(t *testing.T) {
	m := New(false)
	tests := []struct {
		s     string
		w     int
		trunc string
		pad   string
		left  string
	}{
		{"abc", 5, "abc", "abc  ", "  abc"},
		{"报告全文", 5, "报告…", "报告…", "报告…"},
		{"报告全文", 4, "报…", "报… ", " 报…"}, // narrow …
		{"报告", 4, "报告", "报告", "报告"},
		{"报告", 3, "报…", "报…", "报…"},
		{"a报告", 4, "a报…", "a报…", "a报…"},
		{"abc", 0, "", "", ""},
	}
	for _, tt := range tests {
		if got := m.Truncate(tt.s, tt.w, "…"); got != tt.trunc {
			t.Errorf("Truncate(%q,%d) = %q, want %q", tt.s, tt.w, got, tt.trunc)
		}
		if got := m.Pad(tt.s, tt.w); got != tt.pad {
			t.Errorf("Pad(%q,%d) = %q, want %q", tt.s, tt.w, got, tt.pad)
		}
		if got := m.PadLeft(tt.s, tt.w); got != tt.left {
			t.Errorf("PadLeft(%q,%d) = %q, want %q", tt.s, tt.w, got, tt.left)
		}
	}
	// A wide character that would straddle the edge is replaced by a space.
	if got := m.Pad("报告", 3); m.Width(got) != 3 {
		t.Errorf("Pad width = %d", m.Width(got))
	}
	if got := m.Pad("a报告", 4); got != "a报…" {
		t.Errorf("got %q", got)
	}
	if got := New(true).Pad("“数”", 4); got != "“…" || New(true).Width(got) != 4 {
		t.Errorf("wide Pad = %q", got)
	}
}

func TestFit(t *testing.T) {
	m := New(false)
	tests := []struct {
		s    string
		w    int
		want string
	}{
		{"ab", 4, "ab  "},
		{"\x1b[1m报告\x1b[0m", 3, "\x1b[1m报\x1b[0m "},
		{"\x1b[1m报告\x1b[0m", 4, "\x1b[1m报告\x1b[0m"},
		{"\x1b[1mabc\x1b[0mdef", 4, "\x1b[1mabc\x1b[0md"},
	}
	for _, tt := range tests {
		if got := m.Fit(tt.s, tt.w); got != tt.want {
			t.Errorf("Fit(%q,%d) = %q, want %q", tt.s, tt.w, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name string
		s    string
		w    int
		wide bool
		want []string
	}{
		{"plain", "一二三四五六", 6, false, []string{"一二三", "四五六"}},
		{"comma pushed with previous char", "一二三，四五", 6, false, []string{"一二", "三，四", "五"}},
		{"full stop never starts a line", "甲乙丙。丁", 6, false, []string{"甲乙", "丙。丁"}},
		{"opening quote never ends a line", "甲乙“丙丁”", 6, false, []string{"甲乙", "“丙丁”"}},
		{"opening paren never ends a line", "甲乙（丙）", 6, false, []string{"甲乙", "（丙）"}},
		{"number and unit together", "收入达37.3亿元增长", 10, false, []string{"收入达", "37.3亿元增", "长"}},
		{"percent together", "增长了6.7%左右", 8, false, []string{"增长了", "6.7%左右"}},
		{"percent then comma", "增长6.7%，好", 8, false, []string{"增长", "6.7%，好"}},
		{"range with month", "1-5月累计", 6, false, []string{"1-5月", "累计"}},
		{"latin words", "the GDP grew fast", 8, false, []string{"the GDP", "grew", "fast"}},
		{"hard break kept", "一二\n\n三", 10, false, []string{"一二", "", "三"}},
		{"ellipsis narrow", "甲乙……丙", 6, false, []string{"甲乙……", "丙"}},
		{"ellipsis wide", "甲乙……丙", 6, true, []string{"甲", "乙……", "丙"}},
		{"long latin cut", "abcdefghij", 4, false, []string{"abcd", "efgh", "ij"}},
		{"emoji with ZWJ stays whole", "甲👨\u200d👩乙", 4, false, []string{"甲", "👨\u200d👩", "乙"}},
		{"ideographic indent kept", "\u3000\u3000甲乙", 4, false, []string{"\u3000\u3000", "甲乙"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New(tt.wide).Wrap(tt.s, tt.w)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Wrap(%q,%d) = %q, want %q", tt.s, tt.w, got, tt.want)
			}
		})
	}
}

var numberUnit = regexp.MustCompile(`[0-9]+(\.[0-9]+)?(%|亿元|万元|亿|万)`)

// checkWrap verifies the line-breaking rules on one wrapped paragraph.
func checkWrap(t *testing.T, m Measurer, para string, w int) {
	t.Helper()
	lines := m.Wrap(para, w)
	for i, l := range lines {
		if m.Width(l) > w {
			t.Fatalf("w=%d line %d is %d cells: %q", w, i, m.Width(l), l)
		}
		if i > 0 && l != "" {
			r, _ := utf8.DecodeRuneInString(l)
			prevLast, _ := utf8.DecodeLastRuneInString(lines[i-1])
			// Only a unit wider than the line may be cut where the rules forbid.
			if isNoStart(r) && m.Width(lines[i-1]) < w-2 {
				t.Errorf("w=%d line %d starts with %q: %q / %q", w, i, r, lines[i-1], l)
			}
			if isNoEnd(prevLast) && m.Width(lines[i-1]) < w-2 {
				t.Errorf("w=%d line %d ends with %q: %q", w, i-1, prevLast, lines[i-1])
			}
		}
	}
	joined := strings.Join(lines, "")
	if strip := func(s string) string { return strings.ReplaceAll(s, " ", "") }; strip(joined) != strip(para) {
		t.Fatalf("w=%d wrapping lost text:\n%q\n%q", w, para, joined)
	}
	if w >= 12 {
		for _, tok := range numberUnit.FindAllString(para, -1) {
			if !strings.Contains(strings.Join(lines, "\n"), tok) {
				t.Errorf("w=%d number %q split across lines", w, tok)
			}
		}
	}
}

func TestWrapRulesSentences(t *testing.T) {
	paras := []string{
		"全年完成地区生产总值1234.5亿元，同比增长6.7%；一般公共预算收入37.3亿元，增长3.2个百分点。",
		"我们清醒地认识到，发展中还存在不少困难和问题：“三大攻坚战”任务艰巨……必须高度重视！",
		"（一）坚持稳中求进——推动高质量发展①②③，确保1-5月累计完成投资89.2亿元。",
		"新建5G基站1200个🎉，引进project X等重点项目《规划纲要》「试点」『示范』。",
	}
	for _, wide := range []bool{false, true} {
		m := New(wide)
		for _, p := range paras {
			for w := 4; w <= 40; w++ {
				checkWrap(t, m, p, w)
			}
		}
	}
}

func TestWrapSeeds(t *testing.T) {
	for _, f := range seeds.Paths(t) {
		text := strings.ReplaceAll(string(seeds.Read(t, f)), "\r", "")
		if !utf8.ValidString(text) {
			continue // non-UTF-8 seeds are the parser's business
		}
		for _, wide := range []bool{false, true} {
			m := New(wide)
			for _, para := range strings.Split(text, "\n") {
				for _, w := range []int{13, 37, 78} {
					checkWrap(t, m, strings.ReplaceAll(para, "\t", " "), w)
				}
			}
		}
	}
}

func BenchmarkWrap(b *testing.B) {
	p := strings.Repeat("全年完成地区生产总值1234.5亿元，同比增长6.7%；“三大攻坚战”任务艰巨……", 40)
	m := New(true)
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		m.Wrap(p, 77)
	}
}
