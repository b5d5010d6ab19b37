package parser

import (
	"strings"
	"testing"
)

// wrapAt breaks a paragraph into lines of at most cols columns, as a PDF
// page does (ideographs two columns, ASCII one).
func wrapAt(p string, cols int) []string {
	var lines []string
	line, w := "", 0
	for _, r := range p {
		rw := 2
		if r < 0x80 {
			rw = 1
		}
		if w+rw > cols {
			lines = append(lines, line)
			line, w = "", 0
		}
		line += string(r)
		w += rw
	}
	return append(lines, line)
}

// TestJoinWrappedLines checks that lines a PDF wrapped at its page width
// are joined again whatever that width, and that short lines of web text
// that merely do not end a sentence are left alone.
func TestJoinWrappedLines(t *testing.T) {
	paras := []string{
		"今年以来，全区上下坚持稳中求进工作总基调，经济运行呈现稳中向好态势，主要指标好于预期，为完成全年目标打下坚实基础。",
		"上半年，全区实现地区生产总值98.6亿元，同比增长5.9%，增速居全市第二位；一般公共预算收入完成12.3亿元，增长4.2%。",
		"坚持项目为王，全力以赴抓招商、抓项目、抓投资，新签约亿元以上项目18个，新开工重大项目12个，完成投资31.2亿元。",
	}
	// A document laid out to the national standard indents each
	// paragraph by two ideographs (often written as U+3000) and sets 28
	// ideographs to a line: 56 columns.
	type layout struct {
		cols   int
		indent string
	}
	for _, l := range []layout{{40, ""}, {50, ""}, {56, ""}, {64, ""}, {56, "\u3000\u3000"}, {50, "    "}} {
		cols := l.cols
		var b strings.Builder
		b.WriteString("一、上半年工作情况\n")
		for _, p := range paras {
			b.WriteString(strings.Join(wrapAt(l.indent+p, cols), "\n") + "\n")
		}
		b.WriteString("二、下半年工作打算\n继续努力。\n")
		r, err := Parse("pdf.txt", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Sections) != 2 {
			t.Fatalf("%d columns: %d parts", cols, len(r.Sections))
		}
		if got, want := r.Sections[0].Text, strings.Join(paras, "\n"); got != want || len(r.Sections[0].Children) != 0 {
			t.Errorf("%d columns, indent %q: text\n%q\nwant\n%q", cols, l.indent, got, want)
		}
	}

	web := "一、主要工作\n坚持服务大局，主动刀刃向内\n全区上下坚持稳中求进。\n坚持项目为王，咬定奋斗目标\n新签约项目18个。\n坚持城建惠民，破除堵点难点\n新建道路12公里。\n"
	if got := wrapWidth(appendJoinLines(nil, web)); got != 0 {
		t.Errorf("web text: wrap width %d, want none", got)
	}
}

// TestJoinMidClause checks breaks that a short line cannot explain away:
// a next line that opens with a comma or a percentage goes on a sentence.
func TestJoinMidClause(t *testing.T) {
	text := "一、上半年工作情况\n今年以来，全区规上工业增加值增长\n7.5%，固定资产投资增长9.1%\n，社会消费品零售总额增长6.2%。\n实施城市更新项目18个，完成老旧小区改造42个，\n惠及居民1.3万户。\n坚持服务大局，主动刀刃向内\n2023年，全区上下坚持稳中求进。\n"
	r, err := Parse("mid.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := "今年以来，全区规上工业增加值增长7.5%，固定资产投资增长9.1%，社会消费品零售总额增长6.2%。"
	if len(r.Sections) != 1 || !strings.HasPrefix(r.Sections[0].Text, want) {
		t.Fatalf("sections %d, text %q; want it to open with %q", len(r.Sections), r.Sections[0].Text, want)
	}
	if want := "\n实施城市更新项目18个，完成老旧小区改造42个，惠及居民1.3万户。"; !strings.Contains(r.Sections[0].Text, want) {
		t.Errorf("a line ending in a comma was not joined: %q", r.Sections[0].Text)
	}
	if strings.Contains(r.Sections[0].Text, "向内2023") {
		t.Errorf("a line before a year was joined: %q", r.Sections[0].Text)
	}
}

func TestMidClause(t *testing.T) {
	for next, want := range map[string]bool{
		"，社会消费品零售总额":  true,
		"7.5%，固定资产投资": true,
		"0.4个百分点。":    true,
		"2023年，全区":    false,
		"1-9月，全区":     false,
		"全区上下坚持稳中求进。": false,
		"12.5亿元":      false,
	} {
		if got := midClause(next); got != want {
			t.Errorf("midClause(%q) = %v, want %v", next, got, want)
		}
	}
}
