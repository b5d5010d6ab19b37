package parser

import "testing"

func TestParagraphLead(t *testing.T) {
	tests := []struct {
		para, title string // title "" when the paragraph opens with no lead
	}{
		{"工业经济提质增效。规模以上工业增加值增长7.5%，新增规上企业12家。", "工业经济提质增效"},
		{"项目突破上,全年新开工项目32个，竣工项目18个，完成投资52亿元。", "项目突破上"},
		{"——坚持创新驱动，产业转型取得新突破。高新技术产业产值占比达48.6%。", "坚持创新驱动，产业转型取得新突破"},
		{"●工业生产稳步回升。1-9月，规上工业增加值增长9.1%。", "工业生产稳步回升"},
		{"■ 用工短缺。部分企业招工难问题突出，一线工人缺口较大。", "用工短缺"},
		{"【项目建设】全年签约项目18个，总投资36亿元。", "项目建设"},
		{"【项目建设】", ""},
		{"继续保持经济平稳增长，确保完成全年目标任务。重点抓好以下工作：", ""},
		{"第一产业稳中有进。粮食播种面积稳定在12万亩，生猪出栏增长8%。", "第一产业稳中有进"},
		{"一要抓好项目建设。全年新开工项目32个，竣工项目18个。", ""},
		{"今年以来经济稳步回升。规模以上工业增加值增长7.5%，新增企业12家。", ""},
		{"规模以上工业增加值增长7.5%。新增规上企业12家，完成投资52亿元。", ""},
		{"——在鹤鸣市第十五届人民代表大会第四次会议上", ""},
	}
	for _, tt := range tests {
		title, _, ok := paragraphLead(tt.para)
		if !ok {
			title = ""
		}
		if title != tt.title {
			t.Errorf("paragraphLead(%q) = %q, want %q", tt.para, title, tt.title)
		}
	}
}

func TestTrimBullet(t *testing.T) {
	for in, want := range map[string]string{
		"——坚持创新驱动":    "坚持创新驱动",
		"● 工业生产":      "工业生产",
		"★\u3000抓好项目": "抓好项目",
		"工业生产":        "工业生产",
		"-5%":         "-5%", // a minus is no bullet
	} {
		if got := trimBullet(in); got != want {
			t.Errorf("trimBullet(%q) = %q, want %q", in, got, want)
		}
	}
}
