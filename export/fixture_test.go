package export

import (
	"testing"

	"baogao/internal/seeds"
	"baogao/model"
	"baogao/parser"
)

// fixture is a hand-built report in the shape the parser produces: parts,
// chapters, lead sentences, numbered tasks with a 进展情况 paragraph, a
// headless problems paragraph and an unnumbered chapter. Its sentences are
// made up in the style of a work report.
func fixture() *model.Report {
	m := func(sec, ind string, v float64, unit string, meas model.Measure) model.Metric {
		return model.Metric{Section: sec, Indicator: ind, Value: v, Unit: unit, Measure: meas,
			Period: "上半年", Status: model.StatusActual, Source: ind + "。"}
	}
	lead1 := &model.Section{Title: "工业生产加快回升", Style: "lead", Kind: model.KindAchievements,
		Text:    "规模以上工业增加值增长6.1%。",
		Metrics: []model.Metric{m("一/(一)", "规模以上工业增加值", 6.1, "%", model.MeasureChange)}}
	lead2 := &model.Section{Title: "服务业稳步发展", Style: "lead", Kind: model.KindAchievements,
		Text: "商贸流通持续活跃。\n新开业商场两家。"}
	progress := &model.Section{Title: "进展情况", Style: "keyword", Kind: model.KindAchievements,
		Text: "已开工28个,完成投资45.2亿元。",
		Metrics: []model.Metric{
			m("一/(二)/1/进展情况", "开工项目", 28, "个", model.MeasureLevel),
			m("一/(二)/1/进展情况", "完成投资", 45.2, "亿元", model.MeasureLevel),
		}}
	task := &model.Section{Label: "1", Title: "重点项目开工", Style: "arabic-dot", Kind: model.KindPlans,
		Text: "计划开工30个。", Children: []*model.Section{progress}}
	one := &model.Section{Label: "一", Title: "上半年工作回顾", Style: "cn-dun", Kind: model.KindAchievements,
		Text: "全区经济运行总体平稳。",
		Children: []*model.Section{
			{Label: "(一)", Title: "产业发展稳中有进", Style: "cn-paren", Kind: model.KindAchievements,
				Children: []*model.Section{lead1, lead2}},
			{Label: "(二)", Title: "项目建设有力推进", Style: "cn-paren", Kind: model.KindAchievements,
				Children: []*model.Section{task}},
			{Title: "*", Style: "keyword", Kind: model.KindProblems,
				Text: "我们也清醒地看到,稳增长压力依然较大。"},
		}}
	two := &model.Section{Label: "二", Title: "下半年工作打算", Style: "cn-dun", Kind: model.KindPlans,
		Children: []*model.Section{
			{Label: "(一)", Title: "全力抓好项目建设", Style: "cn-paren", Kind: model.KindPlans, Text: "确保全年开工60个。"},
			{Label: "(二)", Title: "持续优化营商环境", Style: "cn-paren", Kind: model.KindPlans, Text: "深化\"放管服\"改革|一网通办。"},
			{Label: "(三)", Title: "着力保障改善民生", Style: "cn-paren", Kind: model.KindPlans, Text: "新增就业*5000人以上。",
				Metrics: []model.Metric{{Section: "二/(三)", Indicator: "新增就业", Value: 5000, Unit: "人",
					Measure: model.MeasureLevel, Period: "全年", Status: model.StatusTarget, Qualifier: "以上"}}},
		}}
	gov := &model.Section{Title: "加强政府自身建设", Style: "heading", Kind: model.KindPlans,
		Children: []*model.Section{{Label: "96", Title: "推进政务公开", Style: "arabic-dot", Kind: model.KindPlans, Text: "# 全面公开预算。"}}}
	return &model.Report{Path: "fixture.txt", Encoding: "utf-8", Sections: []*model.Section{one, two, gov}}
}

// seedReports parses every seed; it skips the test when the seeds are absent.
func seedReports(t testing.TB) []*model.Report {
	t.Helper()
	return seeds.Parse(t, func(p string, data []byte) (*model.Report, error) { return parser.Parse(p, data) })
}
