package parser

import (
	"strings"
	"testing"
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
