package ui

import (
	"path/filepath"
	"testing"

	"baogao/internal/seeds"
	"baogao/model"
	"baogao/parser"
)

// fixtureReport is a hand-built report in the shape the parser produces:
// parts → chapters → lead sentences, all kinds, metrics, CJK punctuation,
// ambiguous-width characters (“”…—①) and an emoji. The sentences are
// written for this test.
func fixtureReport() *model.Report {
	m := func(ind string, v float64, unit string, ms model.Measure, period string, st model.Status) model.Metric {
		return model.Metric{Indicator: ind, Value: v, Unit: unit, Measure: ms, Period: period, Status: st, BaseValue: v}
	}
	lead1 := &model.Section{Label: "", Title: "工业经济稳中有进。", Style: "lead", Kind: model.KindAchievements,
		Text: "规模以上工业增加值完成412.6亿元，同比增长6.7%；“专精特新”企业新增37家……①新能源②新材料③生物医药三大产业集群加快成形🎉。",
		Metrics: []model.Metric{
			m("规模以上工业增加值", 412.6, "亿元", model.MeasureLevel, "上半年", model.StatusActual),
			m("规模以上工业增加值", 6.7, "%", model.MeasureChange, "上半年", model.StatusActual),
		}}
	lead2 := &model.Section{Title: "消費市場持續回暖。", Style: "lead", Kind: model.KindAchievements,
		Text: "社會消費品零售總額達到286.3億元，增長8.1%——其中網絡零售額增長21.4%。",
		Metrics: []model.Metric{
			m("社会消费品零售总额", 286.3, "亿元", model.MeasureLevel, "1-5月", model.StatusActual),
			m("社会消费品零售总额", 8.1, "%", model.MeasureChange, "1-5月", model.StatusActual),
			m("网络零售额", 21.4, "%", model.MeasureChange, "1-5月", model.StatusActual),
		}}
	ch1 := &model.Section{Label: "(一)", Title: "经济运行总体平稳", Style: "cn-paren", Kind: model.KindAchievements,
		Text: "面对复杂严峻的外部环境，全区上下坚持稳中求进工作总基调，主要指标保持在合理区间。", Children: []*model.Section{lead1, lead2}}
	ch2 := &model.Section{Label: "(二)", Title: "城乡建设步伐加快", Style: "cn-paren", Kind: model.KindAchievements,
		Text:    "完成固定资产投资153.2亿元，新开工重点项目28个，“城市更新”三年行动顺利推进。",
		Metrics: []model.Metric{m("固定资产投资", 153.2, "亿元", model.MeasureLevel, "", model.StatusActual)}}
	problems := &model.Section{Title: "*", Style: "keyword", Kind: model.KindProblems,
		Text: "在肯定成绩的同时，我们也清醒地认识到：创新能力还不够强，部分企业经营困难，民生领域还有不少短板……"}
	part1 := &model.Section{Label: "一", Title: "上半年主要工作完成情况", Style: "cn-dun", Kind: model.KindAchievements,
		Children: []*model.Section{ch1, ch2, problems}}
	var items []*model.Section
	for i, t := range []string{"持续扩大有效投资", "着力优化营商环境", "切实保障改善民生"} {
		items = append(items, &model.Section{Label: string(rune('1' + i)), Title: t, Style: "arabic-dot", Kind: model.KindPlans,
			Text:    "确保全年完成" + t + "目标任务，力争增长7%左右（预计）。",
			Metrics: []model.Metric{m("地区生产总值", 7, "%", model.MeasureChange, "全年", model.StatusTarget)}})
	}
	part2 := &model.Section{Label: "二", Title: "下半年工作打算", Style: "cn-dun", Kind: model.KindPlans,
		Text: "下半年，我们将紧扣目标不放松，重点抓好以下工作：", Children: items}
	r := &model.Report{
		Path: "fixture.txt", Encoding: "utf-8",
		Meta:     model.Meta{Title: "某区2024年上半年国民经济和社会发展计划执行情况的报告", Date: "2024-07-15", Source: "区发展和改革委员会"},
		Sections: []*model.Section{part1, part2},
	}
	// Text and offsets as the parser would give them, with one repaired span.
	off := 0
	r.Walk(func(s *model.Section, _ int) bool {
		s.Offset = off
		r.Text += s.Heading() + "\n" + s.Text + "\n"
		off = len(r.Text)
		return true
	})
	start := lead2.Offset + len(lead2.Heading()+"\n")
	r.Spans = []model.Span{{Start: start, End: start + len("社會消費品"), Kind: model.SpanMojibake, Original: "ㄉ鐣"}}
	return r
}

// seedReports parses every seed, skipping the test when they are absent.
func seedReports(t testing.TB) []*model.Report {
	t.Helper()
	return seeds.Parse(t, func(p string, data []byte) (*model.Report, error) { return parser.Parse(filepath.Base(p), data) })
}
