package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"baogao/cells"
	"baogao/internal/seeds"
	"baogao/model"
)

// compareFixture is two made-up reports: A simplified, B traditional, with
// ambiguous-width characters (“”…—①), an emoji, long paragraphs, gaps on
// both sides and catalogue metrics (one negative change).
func compareFixture() model.Comparison {
	ch := func(id, name string, v float64, period string, st model.Status) model.Metric {
		return model.Metric{IndicatorID: id, Indicator: name, Value: v, Unit: "%", BaseValue: v, BaseUnit: "%",
			Measure: model.MeasureChange, Period: period, Status: st}
	}
	lv := func(id, name string, v float64, unit string, mult float64) model.Metric {
		return model.Metric{IndicatorID: id, Indicator: name, Value: v, Unit: unit, BaseValue: v * mult, BaseUnit: "元",
			Measure: model.MeasureLevel, Period: "1-6月", Status: model.StatusActual}
	}
	long := strings.Repeat("全区上下紧扣“稳中求进”总基调，①抓项目②促消费③优服务……各项工作取得新进展🎉。", 6)
	a := &model.Report{Path: "a.txt", Meta: model.Meta{Title: "某区上半年工作报告"},
		Metrics: []model.Metric{
			ch("gdp", "地区生产总值", 6.7, "1-6月", model.StatusActual),
			lv("budget-revenue", "一般公共预算收入", 37.3, "亿元", 1e8),
			ch("fixed-investment", "固定资产投资", -2.5, "1-6月", model.StatusActual),
			ch("retail-sales", "社会消费品零售总额", 8.1, "1-6月", model.StatusActual),
		},
		Sections: []*model.Section{
			{Label: "一", Title: "上半年工作进展情况", Kind: model.KindAchievements, Children: []*model.Section{
				{Label: "(一)", Title: "工业经济稳中向好", Kind: model.KindAchievements, Text: long},
				{Label: "(二)", Title: "生态环境持续改善——蓝天碧水", Kind: model.KindAchievements, Text: "空气质量优良天数比例提高。"},
				{Title: "*", Kind: model.KindProblems, Text: "我们也清醒地认识到，发展不平衡不充分的问题仍然突出。"},
			}},
			{Label: "二", Title: "下半年主要任务", Kind: model.KindPlans, Children: []*model.Section{
				{Label: "(一)", Title: "全力以赴稳增长", Kind: model.KindPlans, Text: "确保完成全年目标。"},
			}},
		}}
	b := &model.Report{Path: "b.txt", Meta: model.Meta{Title: "某縣上半年工作報告"},
		Metrics: []model.Metric{
			ch("gdp", "地區生產總值", 6, "全年", model.StatusForecast),
			lv("budget-revenue", "一般公共預算收入", 3384, "万元", 1e4),
			ch("fixed-investment", "固定資產投資", 4.4, "1-6月", model.StatusActual),
		},
		Sections: []*model.Section{
			{Label: "一", Title: "上半年工作回顧", Kind: model.KindAchievements, Children: []*model.Section{
				{Label: "(一)", Title: "製造業提檔升級", Kind: model.KindAchievements, Text: "工業經濟保持平穩。"},
				{Label: "(二)", Title: "民生實事辦好辦實", Kind: model.KindAchievements, Text: long},
				{Title: "*", Kind: model.KindProblems, Text: "困難和挑戰依然不少。"},
			}},
			{Label: "二", Title: "下半年工作打算", Kind: model.KindPlans, Children: []*model.Section{
				{Label: "(一)", Title: "推動工業轉型升級", Kind: model.KindPlans, Text: "加快技術改造。"},
			}},
		}}
	return model.Align(a, b)
}

func sizedCompare(t *testing.T, wide bool, w, h int) CompareModel {
	t.Helper()
	v := NewCompare(compareFixture(), Options{AmbiguousWide: &wide})
	next, _ := v.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(CompareModel)
}

func pressCompare(t *testing.T, v CompareModel, keys ...string) CompareModel {
	t.Helper()
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		case "pgdown":
			msg = tea.KeyPressMsg{Code: tea.KeyPgDown}
		case "end":
			msg = tea.KeyPressMsg{Code: tea.KeyEnd}
		case "tab":
			msg = tea.KeyPressMsg{Code: tea.KeyTab}
		default:
			r := []rune(k)[0]
			msg = tea.KeyPressMsg{Code: r, Text: k}
		}
		next, _ := v.Update(msg)
		v = next.(CompareModel)
	}
	return v
}

// checkCompareScreen asserts the browser's width rule: h lines, each exactly w
// cells under the given ambiguous-width mode.
func checkCompareScreen(t *testing.T, lines []string, wide bool, w, h int) {
	t.Helper()
	m := cells.New(wide)
	if len(lines) != h {
		t.Fatalf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := m.Width(l); got != w {
			t.Errorf("line %d is %d cells, want %d: %q", i, got, w, cells.Strip(l))
		}
	}
}

func TestCompareWidthRule(t *testing.T) {
	sizes := [][2]int{{80, 24}, {160, 50}, {200, 60}}
	states := []struct {
		name string
		keys []string
	}{
		{"pairs", nil},
		{"scrolled", []string{"pgdown", "down", "down"}},
		{"end", []string{"end"}},
		{"metrics focus", []string{"tab", "down"}},
		{"traditional", []string{"t", "t"}},
		{"chart", []string{"g"}},
		{"chart scrolled", []string{"g", "end"}},
	}
	for _, wide := range []bool{false, true} {
		for _, sz := range sizes {
			for _, st := range states {
				t.Run(fmt.Sprintf("wide=%v/%dx%d/%s", wide, sz[0], sz[1], st.name), func(t *testing.T) {
					v := pressCompare(t, sizedCompare(t, wide, sz[0], sz[1]), st.keys...)
					checkCompareScreen(t, v.Lines(), wide, sz[0], sz[1])
				})
			}
		}
	}
}

func TestCompareTooSmall(t *testing.T) {
	for _, wide := range []bool{false, true} {
		v := sizedCompare(t, wide, 30, 5)
		checkCompareScreen(t, v.Lines(), wide, 30, 5)
	}
}

// Scrolling moves A and B together: a pair starts on the same screen line
// on both sides, before and after scrolling.
func TestCompareScrollsInSync(t *testing.T) {
	v := sizedCompare(t, false, 80, 24)
	wa, _ := columns(80)
	m := cells.New(false)
	check := func(v CompareModel) {
		t.Helper()
		lines := v.Lines()
		top := v.Offset()
		for y := 1; y <= v.pairsHeight(); y++ {
			i := top + y - 1
			if i >= len(v.lines) {
				break
			}
			l := cells.Strip(lines[y])
			left := m.Truncate(l, wa, "")
			right := strings.TrimPrefix(l[len(left):], Separator)
			if i == v.pairStart[v.lines[i].pair] {
				// First line of a pair: each side shows its heading or the gap mark.
				p := v.c.Pairs[v.lines[i].pair]
				for _, side := range []struct {
					text string
					s    *model.Section
				}{{left, p.A}, {right, p.B}} {
					want := gapText
					if side.s != nil {
						want = side.s.Kind.Badge()
					}
					if !strings.Contains(side.text, want) {
						t.Errorf("offset %d line %d: side %q lacks %q", top, y, side.text, want)
					}
				}
			}
		}
	}
	check(v)
	before := v.Offset()
	v = pressCompare(t, v, "pgdown")
	if v.Offset() <= before {
		t.Fatalf("pgdown did not scroll: offset %d", v.Offset())
	}
	check(v)
	v = pressCompare(t, sizedCompare(t, false, 80, 24), "n", "n")
	if v.Offset() != v.pairStart[2] {
		t.Errorf("n twice should put the third pair at the top: offset %d, pairs start at %v", v.Offset(), v.pairStart)
	}
	check(v)
}

func TestCompareChartBars(t *testing.T) {
	for _, wide := range []bool{false, true} {
		v := pressCompare(t, sizedCompare(t, wide, 100, 30), "g")
		if !v.Chart() {
			t.Fatal("g did not open the chart")
		}
		lines := v.Lines()
		m := cells.New(wide)
		byLabel := map[string][]string{}
		var axis []int
		for i, l := range lines {
			p := cells.Strip(l)
			if !strings.Contains(p, "|") || i == 0 {
				continue
			}
			axis = append(axis, m.Width(p[:strings.Index(p, "|")]))
			if strings.Contains(p, " A ") {
				label := strings.TrimSpace(p[:strings.Index(p, " A ")])
				byLabel[label] = append(byLabel[label], p)
				byLabel[label] = append(byLabel[label], cells.Strip(lines[i+1]))
			}
		}
		// One zero axis for every bar.
		for _, x := range axis {
			if x != axis[0] {
				t.Errorf("wide=%v: axis at cells %v, want one column", wide, axis)
				break
			}
		}
		// Rows: gdp, fixed-investment, retail-sales (budget revenue has no rate).
		if len(byLabel) != 3 {
			t.Fatalf("wide=%v: chart labels %v, want 3 indicators", wide, labelsOf(byLabel))
		}
		blocks := func(s string) int { return strings.Count(s, barBlock) }
		gdp := byLabel["地区生产总值"]
		if len(gdp) != 2 || blocks(gdp[0]) <= blocks(gdp[1]) {
			t.Errorf("wide=%v: gdp A (6.7) should be longer than B (6): %q", wide, gdp)
		}
		if !strings.Contains(gdp[1], "期态") {
			t.Errorf("wide=%v: gdp B line should carry the period and status flags: %q", wide, gdp[1])
		}
		fi := byLabel["固定资产投资"]
		if len(fi) == 2 {
			left := fi[0][:strings.Index(fi[0], "|")]
			if blocks(left) == 0 || strings.Contains(fi[0][strings.Index(fi[0], "|"):], barBlock) {
				t.Errorf("wide=%v: A's -2.5%% should be drawn left of the axis: %q", wide, fi[0])
			}
		}
		rs := byLabel["社会消费品零售总额"]
		if len(rs) != 2 || blocks(rs[1]) != 0 || !strings.Contains(rs[1], "—") {
			t.Errorf("wide=%v: B states no retail rate, want an empty bar and —: %q", wide, rs)
		}
	}
}

func labelsOf(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestCompareSeedsWidthRule(t *testing.T) {
	reports := seedReports(t)
	for _, wide := range []bool{false, true} {
		for i := 0; i+1 < len(reports); i++ {
			v := NewCompare(model.Align(reports[i], reports[i+1]), Options{AmbiguousWide: &wide, NoColor: true})
			v.SetSize(160, 50)
			for _, k := range [][]string{nil, {"pgdown", "pgdown"}, {"end"}, {"g"}} {
				v := pressCompare(t, v, k...)
				checkCompareScreen(t, v.Lines(), wide, 160, 50)
			}
		}
	}
}

func TestCompareOverlayCloses(t *testing.T) {
	a := New([]*model.Report{compareFixture().A}, Options{NoColor: true})
	a.width, a.height = 100, 30
	o := newCompareOverlay(&a, compareFixture().B)
	checkCompareScreen(t, o.view(&a, 100, 28), a.measure.Wide(), 100, 28)
	if done, _ := o.update(&a, tea.KeyPressMsg{Code: 'g', Text: "g"}); done || !o.m.Chart() {
		t.Errorf("g inside the overlay should open the chart, not close")
	}
	if done, _ := o.update(&a, tea.KeyPressMsg{Code: tea.KeyEscape}); !done {
		t.Errorf("esc should close the compare overlay")
	}
}

// TestCompareTmux is the end-to-end check: baogao compare at
// 160×50 in tmux, scrolling keeps A and B on the same pair, g shows the
// chart, q quits back to the shell.
func TestCompareTmux(t *testing.T) {
	bin := e2eBinary(t)
	a, b := seeds.Path(t, "000"), seeds.Path(t, "001")
	const w, h = 160, 50
	x := startShell(t, "cmp", w, h)
	x.literal("BAOGAO_AMBIGUOUS_WIDE=0 " + bin + " compare '" + a + "' '" + b + "'")
	x.keys("Enter")
	screen := x.waitFor("同步滚动")
	checkPane(t, screen, w, h)

	m := cells.New(false)
	wa, _ := columns(w)
	// pairTop checks that the first body row starts a pair on both sides:
	// a kind badge or the gap mark on the left and on the right.
	pairTop := func(screen string) {
		t.Helper()
		row := strings.Split(screen, "\n")[1]
		left := m.Truncate(row, wa, "")
		right := strings.TrimPrefix(row[len(left):], Separator)
		for _, side := range []string{left, right} {
			s := strings.TrimSpace(side)
			ok := strings.HasPrefix(s, gapText)
			for _, k := range model.Kinds {
				ok = ok || strings.HasPrefix(s, k.Badge()+" ")
			}
			if !ok {
				t.Errorf("first body row does not start a pair on both sides: %q | %q\n%s", left, right, screen)
				return
			}
		}
	}
	pairTop(screen)
	status := func(screen string) string {
		rows := strings.Split(strings.TrimSuffix(screen, "\n"), "\n")
		return rows[len(rows)-1]
	}
	before := status(screen)
	for range 3 {
		x.keys("n")
	}
	screen = x.waitFor("组 4/")
	checkPane(t, screen, w, h)
	pairTop(screen)
	if status(screen) == before {
		t.Errorf("n did not move: %q", status(screen))
	}
	x.keys("PageDown")
	time.Sleep(300 * time.Millisecond)
	checkPane(t, x.capture(), w, h)

	x.keys("g")
	screen = x.waitFor("增速对比")
	checkPane(t, screen, w, h)
	if !strings.Contains(screen, barBlock) {
		t.Errorf("chart shows no bars:\n%s", screen)
	}
	x.keys("g")
	x.waitGone("增速对比")

	x.quitToShell()
}
