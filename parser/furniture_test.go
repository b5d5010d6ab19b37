package parser

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSiteFurniture lists web page lines that are not report text, and
// report lines built from the same words that must stay.
func TestSiteFurniture(t *testing.T) {
	furniture := []string{
		"首页 > 政务公开 > 计划总结",
		"首頁 > 政務公開",
		"当前位置：首页 > 信息公开",
		"您现在的位置: 首页",
		"字体：[大 中 小]",
		"【字体：大 中 小】",
		"【打印本页】【关闭窗口】",
		"【打印本頁】 【關閉窗口】",
		"打印 | 关闭",
		"分享到：",
		"主办单位：青石区人民政府办公室  版权所有",
		"版權所有：某某市人民政府",
		"苏ICP备12345678号",
		"视力保护色 默认",
	}
	for _, line := range furniture {
		if !siteFurniture(line, siteWords.any(line)) {
			t.Errorf("%q is site furniture", line)
		}
	}
	text := []string{
		"大",
		"中小企业",
		"加大力度",
		"打印产业",
		"关闭落后产能企业12家",
		"放大优势，缩小差距",
		"二、下半年工作打算",
		"进一步找准位置，明确方向",
		"首页设计大赛",
	}
	for _, line := range text {
		if siteFurniture(line, siteWords.any(line)) {
			t.Errorf("%q is report text", line)
		}
	}
}

// TestContentsLines lists the lines of a table of contents, which leave
// the text, and report lines that look a little like them.
func TestContentsLines(t *testing.T) {
	for line, want := range map[string]bool{
		"目  录": true,
		"目錄":   true,
		"一、2022年工作回顾……………………1":     true,
		"（一）经济发展............. 12":  true,
		"三、加强政府自身建设·········· 8":   true,
		"第一部分 发展回顾 ------------ 3": true,
		"目标任务":        false,
		"目录管理":        false,
		"地区生产总值增长5.5": false,
		"实施2023-2025": false,
		"形成“一核……”格局":  false,
		"全年完成……12":    false,
	} {
		if got := contentsLine(line); got != want {
			t.Errorf("contentsLine(%q) = %v, want %v", line, got, want)
		}
	}
	r, err := Parse("toc.txt", []byte("目  录\n一、工作回顾……………………1\n二、工作安排……………………5\n\n一、工作回顾\n经济运行稳中向好。\n二、工作安排\n继续努力。\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sections) != 2 || r.Sections[0].Text != "经济运行稳中向好。" {
		t.Errorf("with a table of contents: %d parts, first %+v", len(r.Sections), r.Sections[0])
	}
}

// TestFurnitureLeavesReport checks that a page's furniture leaves neither
// the outline nor the text.
func TestFurnitureLeavesReport(t *testing.T) {
	page := "首页 > 政务公开\n青石区2023年上半年工作总结\n发布时间：2023-07-20  来源：区政府办\n字体：[大 中 小]\n" +
		"今年以来，各项工作稳步推进。\n一、上半年工作情况\n经济运行稳中向好。\n二、下半年工作打算\n继续努力。\n" +
		"分享到：\n【打印本页】【关闭窗口】\n主办单位：青石区人民政府办公室  版权所有\n"
	r, err := Parse("page.txt", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sections) != 2 || r.Sections[0].Title != "上半年工作情况" {
		t.Fatalf("parts %v", r.Sections)
	}
	all := r.Preamble
	for _, s := range r.Sections {
		all += s.Text
	}
	for _, junk := range []string{"首页", "字体", "打印", "版权所有", "分享"} {
		if strings.Contains(all, junk) {
			t.Errorf("%q left in the text: %q", junk, all)
		}
	}
}

// Furniture and space edits found on one text and applied at once must
// make the text and spans that applying them one stage after another
// makes, whenever furnitureSpaceEdits says they can.
func TestFurnitureSpaceEditsMatchTwoStages(t *testing.T) {
	pool := []string{
		"发布时间：2020-07-05  来源：青石区统计局", "第 3 页", "- 12 -", "【打印本页】【关闭窗口】",
		"角 (二)加快项目建设", "0 2020 年全区生产总值", "  一、主要工作", "\u3000\u3000全年增长 0.5%，",
		"长三角 G60 科创走廊", "国(guó)家 统计  局", "", "  ", "完成投资 12 亿元。  ", "1.2  项目建设",
	}
	rng := rand.New(rand.NewSource(4))
	combined := 0
	for round := 0; round < 3000; round++ {
		var lines []string
		for range 1 + rng.Intn(8) {
			lines = append(lines, pool[rng.Intn(len(pool))])
		}
		text := strings.Join(lines, "\n")
		if rng.Intn(2) == 0 {
			text += "\n"
		}
		staged := func(together bool) normalized {
			n := normalized{text: text}
			// Spans carried from before: readings, and runes made
			// over anywhere but at a line break.
			n.applyNoHan(pinyinEdits(n.text))
			var over []edit
			for i, r := range n.text {
				if r != '\n' && (i*7+round)%5 == 0 {
					over = append(over, edit{start: i, end: i + utf8.RuneLen(r), repl: string(r), kind: kindMojibake})
				}
			}
			n.apply(over)
			furn, _ := furnitureEdits(n.text)
			blanks := blanksIn(n.text, true)
			if edits, ok := furnitureSpaceEdits(nil, n.text, prepareEdits(furn), blanks); together {
				if !ok {
					return normalized{}
				}
				combined++
				n.apply(edits)
			} else {
				n.apply(furn)
				n.applyNoHan(spaceEdits(n.text, blanks))
			}
			n.buildSpans()
			return n
		}
		want, got := staged(false), staged(true)
		if got.text == "" && got.spans == nil {
			continue
		}
		if got.text != want.text || !slices.Equal(got.spans, want.spans) {
			t.Fatalf("%q:\nat once     %q %v\nstage-wise %q %v", text, got.text, got.spans, want.text, want.spans)
		}
	}
	if combined < 1000 {
		t.Errorf("only %d of 3000 texts took the edits at once", combined)
	}
	// A space edit right after a furniture edit: a span carried to the
	// start of the indented line would order otherwise.
	text := "国(guó)家\n第 3 页\n  \u0101统计(tǒng)"
	furn, _ := furnitureEdits(text)
	if _, ok := furnitureSpaceEdits(nil, text, furn, blanksIn(text, true)); ok {
		t.Errorf("furnitureSpaceEdits(%q) took a space edit right after a furniture edit", text)
	}
}
