package parser

import (
	"strings"
	"testing"

	"baogao/hanzi"
	"baogao/model"
)

func TestMarkupEdits(t *testing.T) {
	tests := []struct {
		name, in, want string
		edits          func(string) []edit
	}{
		{"block tags break lines", "<p>一、工作情况</p><p>经济向好。<br/>投资增长。</p>", "\n一、工作情况\n\n经济向好。\n投资增长。\n", htmlEdits},
		{"inline tags go", `增长<span style="color:red">5.5%</span>，<b>稳</b>`, "增长5.5%，稳", htmlEdits},
		{"entities", "&ldquo;稳&rdquo;&nbsp;&nbsp;&#22269;&#x56fd;&amp;", "“稳”  国国&", htmlEdits},
		{"unknown entity stays", "A&B;C &zzz; 5&6", "A&B;C &zzz; 5&6", htmlEdits},
		{"scripts and comments go", "<script>var a = '<p>';</script><!-- x -->正文<style>p{}</style>", "正文", htmlEdits},
		{"table cells", "<table><tr><td>地区生产总值</td><td>523.6</td></tr></table>", "\n\n地区生产总值\t523.6\t\n\n", htmlEdits},
		{"plain text untouched", "PM2.5<35微克，a<b，《报告》", "PM2.5<35微克，a<b，《报告》", htmlEdits},
		{"heading marks", "# 标题\n## 一、工作情况\n###（一）经济", "标题\n一、工作情况\n（一）经济", markdownEdits},
		{"emphasis in pairs", "**（一）经济运行稳中向好。**上半年增长5%。\n2**3", "（一）经济运行稳中向好。上半年增长5%。\n2**3", markdownEdits},
		{"quotes, bullets and rules", "> 引言\n- 第一项\n* 第二项\n---\n-5%的降幅", "引言\n第一项\n第二项\n\n-5%的降幅", markdownEdits},
		{"links and images", "详见[通知](http://x.cn/a)。![图](a.png)完", "详见通知。完", markdownEdits},
		{"no number mark", "#1 工作", "#1 工作", markdownEdits},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, spans := applyEdits(tt.in, tt.edits(tt.in), nil)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, sp := range spans {
				if sp.Kind != model.SpanMarkup {
					t.Errorf("span of kind %q", sp.Kind)
				}
			}
		})
	}
}

func TestMayHoldMarkup(t *testing.T) {
	for s, want := range map[string][2]bool{
		"<p>正文</p>":      {true, false},
		"&nbsp;正文":       {true, false},
		"PM2.5<35，a&b":   {false, false},
		"## 一、工作":        {false, true},
		"正文\n# 标题":       {false, true},
		"**强调**":         {false, true},
		"普通的一行文字。":       {false, false},
		"[通知](http://x)": {false, true},
	} {
		if got := [2]bool{mayHoldHTML(s), mayHoldMarkdown(s)}; got != want {
			t.Errorf("%q: HTML, Markdown = %v, want %v", s, got, want)
		}
	}
}

// TestMarkupOutline parses a report pasted as HTML and one as Markdown:
// both give the outline the plain text gives, and the spans still point
// at what they replaced.
func TestMarkupOutline(t *testing.T) {
	plain := "一、上半年工作情况\n（一）经济运行稳中向好。上半年，全区地区生产总值增长5.5%。\n二、下半年工作打算\n（一）稳增长。确保全年增长6%。\n"
	inputs := map[string]string{
		"plain":    plain,
		"html":     "<html><body><p>一、上半年工作情况</p>\n<p>&nbsp;&nbsp;（一）经济运行稳中向好。上半年，全区地区生产总值增长5.5%。</p><p>二、下半年工作打算</p>\n<div><b>（一）稳增长。</b>确保全年增长6%。</div></body></html>",
		"markdown": "## 一、上半年工作情况\n\n**（一）经济运行稳中向好。**上半年，全区地区生产总值增长5.5%。\n\n## 二、下半年工作打算\n\n**（一）稳增长。**确保全年增长6%。\n",
	}
	outline := func(r *model.Report) string {
		var b strings.Builder
		for _, s := range r.Sections {
			s.Walk(0, func(x *model.Section, depth int) bool {
				b.WriteString(strings.Repeat("  ", depth) + x.Kind.String() + " " + x.Label + " " + x.Title + "\n")
				return true
			})
		}
		return b.String()
	}
	want := ""
	for _, name := range []string{"plain", "html", "markdown"} {
		r, err := Parse(name, []byte(inputs[name]))
		if err != nil {
			t.Fatal(err)
		}
		got := outline(r)
		if name == "plain" {
			want = got
			if strings.Count(want, "\n") != 4 {
				t.Fatalf("plain outline:\n%s", want)
			}
			continue
		}
		if got != want {
			t.Errorf("%s outline:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

// TestMarkupKeepsScript checks that the script score follows what markup
// removes: an image's traditional alt text goes with it.
func TestMarkupKeepsScript(t *testing.T) {
	r, err := Parse("img.md", []byte("![經濟發展區域報告圖表說明](x.png)\n一、经济\n经济运行。\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := hanzi.LooksTraditional(r.Text); r.Traditional != want {
		t.Errorf("Traditional = %v, want %v for %q", r.Traditional, want, r.Text)
	}
}

// TestTableRowsKeepCells checks that a table's cells stay apart, as a web
// page's table and as tab-separated text: its rows are the section's
// text, not headings, and each figure is a metric with its row's unit.
func TestTableRowsKeepCells(t *testing.T) {
	html := "<p>一、上半年经济运行情况</p><p>主要指标如下：</p><table>" +
		"<tr><th>指标名称</th><th>单位</th><th>1-6月</th><th>同比增长（%）</th></tr>" +
		"<tr><td>地区生产总值</td><td>亿元</td><td>256.3</td><td>5.6</td></tr>" +
		"<tr><td>固定资产投资</td><td> 亿元 </td><td>132.5</td><td>-2.3</td></tr></table>" +
		"<p>二、下半年工作打算</p><p>继续努力。</p>"
	text := "一、上半年经济运行情况\n主要指标如下：\n指标名称\t单位\t1-6月\t同比增长（%）\n地区生产总值 \t亿元\t256.3\t5.6\n固定资产投资\t 亿元\t132.5 \t-2.3\n二、下半年工作打算\n继续努力。\n"
	spaced := "一、上半年经济运行情况\n主要指标如下：\n指标名称      单位      1-6月      同比增长（%）\n地区生产总值    亿元    256.3    5.6\n固定资产投资\u3000\u3000亿元\u3000\u3000132.5\u3000\u3000-2.3\n二、下半年工作打算\n继续努力。\n"
	for name, data := range map[string]string{"page.html": html, "table.txt": text, "pdf.txt": spaced} {
		r, err := Parse(name, []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Sections) != 2 || len(r.Sections[0].Children) != 0 {
			t.Fatalf("%s: %d parts, first with %d children; want 2 and none", name, len(r.Sections), len(r.Sections[0].Children))
		}
		if want := "地区生产总值\t亿元\t256.3\t5.6\n固定资产投资\t亿元\t132.5\t-2.3"; !strings.Contains(r.Sections[0].Text, want) {
			t.Errorf("%s: text %q, want the rows %q", name, r.Sections[0].Text, want)
		}
		ms := r.Sections[0].Metrics
		if len(ms) != 4 || ms[0].Indicator != "地区生产总值" || ms[0].Unit != "亿元" || ms[0].Period != "1-6月" || ms[3].Value != -2.3 {
			t.Errorf("%s: metrics %+v", name, ms)
		}
	}
}

// TestSpacedRows lists lines a PDF laid out as table rows, with blanks,
// and lines with wide blanks that are not rows.
func TestSpacedRows(t *testing.T) {
	for line, want := range map[string]bool{
		"地区生产总值    亿元    256.3    5.6":          true,
		"固定资产投资\u3000\u3000亿元\u3000\u3000132.5": true,
		"指标  2022年  2023年":                      true,
		"市长  王建国":                               false,
		"云溪市人民政府  2023年7月":                      false,
		"地区 生产 总值 256.3":                        false,
		"各位代表  现在  我代表市人民政府":                    false,
	} {
		if got := spacedRow(line, blanksIn(line, true)); got != want {
			t.Errorf("spacedRow(%q) = %v, want %v", line, got, want)
		}
	}
}
