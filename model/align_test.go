package model

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// sec builds a section of kind k; children follow.
func sec(k Kind, title string, children ...*Section) *Section {
	return &Section{Kind: k, Title: title, Children: children}
}

func rep(path string, sections ...*Section) *Report {
	return &Report{Path: path, Sections: sections}
}

const (
	ach  = KindAchievements
	prob = KindProblems
	plan = KindPlans
)

// checkOnce fails unless every section of r appears exactly once on the
// given side of the pairs, and nothing else appears there.
func checkOnce(t *testing.T, c Comparison, side string) {
	t.Helper()
	r := c.A
	if side == "B" {
		r = c.B
	}
	seen := map[*Section]int{}
	for _, p := range c.Pairs {
		s := p.A
		if side == "B" {
			s = p.B
		}
		if s != nil {
			seen[s]++
		}
	}
	want := 0
	if r != nil {
		r.Walk(func(s *Section, _ int) bool {
			want++
			if seen[s] != 1 {
				t.Errorf("side %s: section %q appears %d times, want 1", side, s.Title, seen[s])
			}
			return true
		})
	}
	if len(seen) != want {
		t.Errorf("side %s: %d distinct sections in pairs, report has %d", side, len(seen), want)
	}
}

// pairedWith returns the title B pairs with A's section titled a ("-" for a
// gap, "?" when a is absent).
func pairedWith(c Comparison, a string) string {
	for _, p := range c.Pairs {
		if p.A != nil && p.A.Title == a {
			if p.B == nil {
				return "-"
			}
			return p.B.Title
		}
	}
	return "?"
}

// A district's half-year review: two wrapper parts, chapters, lead items
// and an untitled problems paragraph. Sentences are made up.
func halfYearReport() *Report {
	return rep("a.txt",
		sec(ach, "上半年工作进展情况",
			sec(ach, "工业经济稳中向好,制造业增加值提升",
				sec(ach, "规上工业扩量提质"),
				sec(ach, "服务业加快发展"),
			),
			sec(ach, "重大项目加快推进",
				sec(ach, "招商引资成效明显"),
				sec(ach, "项目开工率提高"),
			),
			sec(ach, "生态环境持续改善"),
			sec(prob, "*"),
		),
		sec(plan, "下半年主要任务",
			sec(plan, "全力以赴稳增长,壮大实体经济"),
			sec(plan, "深入打好污染防治攻坚战"),
			sec(plan, "扎实办好民生实事"),
		),
	)
}

// A newspaper-style annual review: flat headings without numbers, many of
// them, then an outlook part.
func annualReport() *Report {
	return rep("b.txt",
		sec(ach, "坚持民生优先,办好惠民实事",
			sec(ach, "教育医疗水平提升"),
		),
		sec(ach, "坚持项目为王,招商引资再创新高",
			sec(ach, "项目开工上"),
			sec(ach, "招商签约上"),
		),
		sec(ach, "坚持工业强区,制造业提档升级"),
		sec(ach, "坚持从严治党,锤炼过硬作风"),
		sec(prob, "*"),
		sec(plan, "明年展望",
			sec(plan, "主要预期目标"),
			sec(plan, "聚焦生态修复,打赢蓝天碧水保卫战"),
			sec(plan, "聚焦实体经济,推动工业转型升级"),
		),
	)
}

func TestAlignEverySectionOnce(t *testing.T) {
	a, b := halfYearReport(), annualReport()
	tests := []struct {
		name string
		a, b *Report
	}{
		{"half-year vs annual", a, b},
		{"annual vs half-year", b, a},
		{"self", a, a},
		{"nil B", a, nil},
		{"nil A", nil, b},
		{"empty vs report", rep("e"), b},
		{"both empty", rep("e"), rep("f")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Align(tt.a, tt.b)
			checkOnce(t, c, "A")
			checkOnce(t, c, "B")
			for i, p := range c.Pairs {
				if p.A == nil && p.B == nil {
					t.Errorf("pair %d has neither side", i)
				}
				if p.A != nil && p.B != nil && p.A.Kind != p.B.Kind {
					t.Errorf("pair %d mixes kinds %v and %v", i, p.A.Kind, p.B.Kind)
				}
			}
		})
	}
}

func TestAlignPairsByKindThenTopic(t *testing.T) {
	c := Align(halfYearReport(), annualReport())
	tests := []struct{ a, want string }{
		// Wrapper parts are dissolved: chapters meet chapters.
		{"工业经济稳中向好,制造业增加值提升", "坚持工业强区,制造业提档升级"},
		{"重大项目加快推进", "坚持项目为王,招商引资再创新高"},
		// B's only ecology chapter is a plan: kinds never cross.
		{"生态环境持续改善", "-"},
		// The only problems paragraph on each side.
		{"*", "*"},
		// Wrappers pair with wrappers of the same kind.
		{"上半年工作进展情况", "-"},
		{"下半年主要任务", "明年展望"},
		{"全力以赴稳增长,壮大实体经济", "聚焦实体经济,推动工业转型升级"},
		{"深入打好污染防治攻坚战", "聚焦生态修复,打赢蓝天碧水保卫战"},
		{"扎实办好民生实事", "-"},
		// Children of paired chapters pair by topic too.
		{"招商引资成效明显", "招商签约上"},
		{"项目开工率提高", "项目开工上"},
	}
	for _, tt := range tests {
		if got := pairedWith(c, tt.a); got != tt.want {
			t.Errorf("%q pairs with %q, want %q", tt.a, got, tt.want)
		}
	}
}

func TestAlignDepthsAndOrder(t *testing.T) {
	a, b := halfYearReport(), annualReport()
	c := Align(a, b)
	depthA := map[*Section]int{}
	a.Walk(func(s *Section, d int) bool { depthA[s] = d; return true })
	depthB := map[*Section]int{}
	b.Walk(func(s *Section, d int) bool { depthB[s] = d; return true })
	var orderA []*Section
	for i, p := range c.Pairs {
		if p.A != nil {
			orderA = append(orderA, p.A)
			if p.DepthA != depthA[p.A] {
				t.Errorf("pair %d: DepthA = %d, want %d (%q)", i, p.DepthA, depthA[p.A], p.A.Title)
			}
			if p.Kind != p.A.Kind {
				t.Errorf("pair %d: Kind = %v, want A's %v", i, p.Kind, p.A.Kind)
			}
		}
		if p.B != nil && p.DepthB != depthB[p.B] {
			t.Errorf("pair %d: DepthB = %d, want %d (%q)", i, p.DepthB, depthB[p.B], p.B.Title)
		}
		if p.A == nil && p.Kind != p.B.Kind {
			t.Errorf("pair %d: gap on A but Kind = %v, want B's %v", i, p.Kind, p.B.Kind)
		}
	}
	// A reads in its own document order.
	i := 0
	a.Walk(func(s *Section, _ int) bool {
		if i < len(orderA) && orderA[i] != s {
			t.Errorf("A position %d: %q, want %q", i, orderA[i].Title, s.Title)
		}
		i++
		return true
	})
}

func TestAlignTitleBreaksTopicTie(t *testing.T) {
	a := rep("a", sec(ach, "交通路网更加完善"), sec(ach, "城市更新步伐加快"))
	// Both B chapters are urban–rural; titles decide, whatever the order.
	b := rep("b", sec(ach, "城市更新全面提速"), sec(ach, "交通路网提档升级"))
	c := Align(a, b)
	if got := pairedWith(c, "交通路网更加完善"); got != "交通路网提档升级" {
		t.Errorf("交通 chapter pairs with %q", got)
	}
	if got := pairedWith(c, "城市更新步伐加快"); got != "城市更新全面提速" {
		t.Errorf("城市 chapter pairs with %q", got)
	}
}

func TestAlignGapPlacement(t *testing.T) {
	// B's unmatched 安全 chapter sits between two matched ones: it must
	// show right after the pair of its preceding neighbour.
	a := rep("a", sec(ach, "制造业提质增效"), sec(ach, "污染防治见成效"))
	b := rep("b", sec(ach, "工业经济稳步增长"), sec(ach, "守牢安全生产底线"), sec(ach, "生态环境明显改善"))
	c := Align(a, b)
	var got []string
	for _, p := range c.Pairs {
		at, bt := "-", "-"
		if p.A != nil {
			at = p.A.Title
		}
		if p.B != nil {
			bt = p.B.Title
		}
		got = append(got, at+"|"+bt)
	}
	want := []string{"制造业提质增效|工业经济稳步增长", "-|守牢安全生产底线", "污染防治见成效|生态环境明显改善"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pairs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// metric builds a catalogue metric; base is the value on the base scale.
func metric(id, section string, value float64, unit string, base float64, baseUnit string, measure Measure, period string, status Status) Metric {
	return Metric{Section: section, Indicator: id + "名", IndicatorID: id, Value: value, Unit: unit,
		BaseValue: base, BaseUnit: baseUnit, Measure: measure, Period: period, Status: status}
}

func TestAlignMetricRows(t *testing.T) {
	a := &Report{Path: "a", Metrics: []Metric{
		metric("gdp", "", 6.7, "%", 6.7, "%", MeasureChange, "1-6月", StatusActual),
		metric("revenue", "", 37.3, "亿元", 37.3e8, "元", MeasureLevel, "上半年", StatusActual),
		metric("revenue", "", 0.6, "%", 0.6, "%", MeasureChange, "上半年", StatusActual),
		{Indicator: "某项自定义指标", Value: 3, Unit: "个", Measure: MeasureLevel, Status: StatusActual},
	}}
	a.Sections = []*Section{{Title: "一", Metrics: []Metric{
		metric("exports", "一", 12, "亿美元", 12e8, "美元", MeasureLevel, "1-5月", StatusActual),
		metric("investment", "一", 5, "%", 5, "%", MeasureChange, "", StatusActual),
		metric("loans", "一", 100, "亿元", 100e8, "元", MeasureLevel, "", StatusActual),
	}}}
	b := &Report{Path: "b", Metrics: []Metric{
		metric("gdp", "", 640, "亿元", 640e8, "元", MeasureLevel, "全年", StatusForecast),
		metric("gdp", "", 6, "%", 6, "%", MeasureChange, "全年", StatusForecast),
		metric("revenue", "", 3384, "万元", 3384e4, "元", MeasureLevel, "1-6月", StatusActual),
		metric("exports", "", 15, "亿美元", 15e8, "美元", MeasureLevel, "1-6月", StatusActual),
		metric("investment", "", 5.5, "%", 5.5, "%", MeasureChange, "全年", StatusActual),
		metric("loans", "", 3, "个百分点", 3, "个百分点", MeasureChange, "", StatusActual),
		metric("jobs", "", 1.2, "万人", 1.2e4, "人", MeasureLevel, "", StatusActual),
	}}
	c := Align(a, b)

	var ids []string
	for _, r := range c.Rows {
		ids = append(ids, r.IndicatorID)
	}
	// A's order, then B-only indicators; the indicator without an id is left out.
	if got, want := strings.Join(ids, ","), "gdp,revenue,exports,investment,loans,jobs"; got != want {
		t.Fatalf("rows %s, want %s", got, want)
	}
	row := func(id string) MetricRow {
		for _, r := range c.Rows {
			if r.IndicatorID == id {
				return r
			}
		}
		t.Fatalf("no row %s", id)
		return MetricRow{}
	}
	tests := []struct {
		id        string
		level     string // "ok value unit" or "-" for no difference
		change    string
		flags     Flags
		aEmpty    bool
		bEmpty    bool
		bPeriod   string
		bStatusIs Status
	}{
		// 6.7% (1-6月, actual) vs 6% (全年, forecast): flagged, not subtracted.
		{id: "gdp", level: "-", change: "-", flags: FlagPeriod | FlagStatus, bPeriod: "全年", bStatusIs: StatusForecast},
		// 37.3亿元 vs 3384万元, 上半年 = 1-6月: converted into A's unit.
		{id: "revenue", level: "36.9616 亿元", change: "-", bPeriod: "1-6月", bStatusIs: StatusActual},
		// 1-5月 vs 1-6月: flagged.
		{id: "exports", level: "-", change: "-", flags: FlagPeriod, bPeriod: "1-6月", bStatusIs: StatusActual},
		// Period stated on one side only: shown, marked.
		{id: "investment", level: "-", change: "-0.5 个百分点", flags: FlagPeriodUnstated, bPeriod: "全年", bStatusIs: StatusActual},
		// A states a level, B a change: no common measure, nothing to subtract.
		{id: "loans", level: "-", change: "-", bStatusIs: StatusActual},
		{id: "jobs", level: "-", change: "-", aEmpty: true, bStatusIs: StatusActual},
	}
	show := func(d Diff) string {
		if !d.OK {
			return "-"
		}
		return fmt.Sprintf("%g %s", math.Round(d.Value*1e6)/1e6, d.Unit)
	}
	for _, tt := range tests {
		r := row(tt.id)
		if got := show(r.LevelDiff); got != tt.level {
			t.Errorf("%s: level diff %s, want %s", tt.id, got, tt.level)
		}
		if got := show(r.ChangeDiff); got != tt.change {
			t.Errorf("%s: change diff %s, want %s", tt.id, got, tt.change)
		}
		if r.Flags != tt.flags {
			t.Errorf("%s: flags %q, want %q", tt.id, r.Flags, tt.flags)
		}
		if r.A.Empty() != tt.aEmpty || r.B.Empty() != tt.bEmpty {
			t.Errorf("%s: empty A=%v B=%v, want %v %v", tt.id, r.A.Empty(), r.B.Empty(), tt.aEmpty, tt.bEmpty)
		}
		if tt.bPeriod != "" && r.B.Period() != tt.bPeriod {
			t.Errorf("%s: B period %q, want %q", tt.id, r.B.Period(), tt.bPeriod)
		}
		if r.B.Status() != tt.bStatusIs {
			t.Errorf("%s: B status %q, want %q", tt.id, r.B.Status(), tt.bStatusIs)
		}
	}
	// One row holds both measures of a side.
	if r := row("gdp"); r.B.Level == nil || r.B.Level.Value != 640 || r.B.Change == nil || r.B.Change.Value != 6 {
		t.Errorf("gdp B side = %+v, want level 640 and change 6 together", r.B)
	}
}

func TestAlignMetricPick(t *testing.T) {
	m := func(section string, v float64, measure Measure, status Status) Metric {
		return metric("x", section, v, "%", v, "%", measure, "", status)
	}
	tests := []struct {
		name       string
		metrics    []Metric
		wantLevel  float64 // 0: none
		wantChange float64
	}{
		{"actual beats target even later", []Metric{m("", 8, MeasureChange, StatusTarget), m("一/1", 7, MeasureChange, StatusActual)}, 0, 7},
		{"actual beats forecast", []Metric{m("", 8, MeasureChange, StatusForecast), m("一", 7, MeasureChange, StatusActual)}, 0, 7},
		{"forecast beats target", []Metric{m("", 8, MeasureChange, StatusTarget), m("一", 7, MeasureChange, StatusForecast)}, 0, 7},
		{"shallow beats deep", []Metric{m("一/1/进展情况", 3, MeasureChange, StatusActual), m("二", 4, MeasureChange, StatusActual)}, 0, 4},
		{"first of equals", []Metric{m("一", 3, MeasureChange, StatusActual), m("二", 4, MeasureChange, StatusActual)}, 0, 3},
		{"a side keeps one status", []Metric{m("", 30, MeasureLevel, StatusActual), m("", 3, MeasureChange, StatusTarget)}, 30, 0},
		{"level beats share", []Metric{m("", 40, MeasureShare, StatusActual), m("一", 30, MeasureLevel, StatusActual)}, 30, 0},
		{"share when no level", []Metric{m("", 40, MeasureShare, StatusActual)}, 40, 0},
		{"known beats placeholder", []Metric{{IndicatorID: "x", Unknown: true, Measure: MeasureChange, Status: StatusActual}, m("一/1", 2, MeasureChange, StatusTarget)}, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Align(&Report{Metrics: tt.metrics}, nil)
			if len(c.Rows) != 1 {
				t.Fatalf("%d rows, want 1", len(c.Rows))
			}
			s := c.Rows[0].A
			var level, change float64
			if s.Level != nil {
				level = s.Level.Value
			}
			if s.Change != nil {
				change = s.Change.Value
			}
			if level != tt.wantLevel || change != tt.wantChange {
				t.Errorf("picked level %g change %g, want %g %g", level, change, tt.wantLevel, tt.wantChange)
			}
		})
	}
}

func TestNormPeriod(t *testing.T) {
	tests := []struct{ a, b string }{
		{"上半年", "1-6月"}, {"1—6月", "1-6月"}, {"1~6月", "1-6月"}, {"1至6月", "1-6月"}, {"全年", "1-12月"},
	}
	for _, tt := range tests {
		if normPeriod(tt.a) != normPeriod(tt.b) {
			t.Errorf("%q and %q should be one period", tt.a, tt.b)
		}
	}
	if normPeriod("1-5月") == normPeriod("1-6月") {
		t.Errorf("1-5月 and 1-6月 must differ")
	}
}

func TestFlags(t *testing.T) {
	f := FlagPeriod | FlagStatus
	if f.String() != "period,status" || f.Marks() != "期态" || !f.Blocking() {
		t.Errorf("flags %q %q %v", f.String(), f.Marks(), f.Blocking())
	}
	if FlagPeriodUnstated.Blocking() {
		t.Errorf("an unstated period alone must not block the difference")
	}
	b, _ := f.MarshalJSON()
	if string(b) != `["period","status"]` {
		t.Errorf("json %s", b)
	}
	if b, _ := Flags(0).MarshalJSON(); string(b) != `[]` {
		t.Errorf("json of no flags %s", b)
	}
}

func TestFigureAndDiffText(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{MetricSide{Level: &Metric{Value: 37.3, Unit: "亿元"}}.LevelText(), "37.3亿元"},
		{MetricSide{Change: &Metric{Value: 6.7, Unit: "%"}}.ChangeText(), "+6.7%"},
		{MetricSide{Change: &Metric{Value: -5.9, Unit: "%"}}.ChangeText(), "-5.9%"},
		{MetricSide{Change: &Metric{Value: 6, Unit: "%", Qualifier: "左右"}}.ChangeText(), "6%左右"},
		{MetricSide{Level: &Metric{Value: 100, Unit: "家", Qualifier: "突破"}}.LevelText(), "突破100家"},
		{MetricSide{Level: &Metric{Value: 5, ValueMax: 8, Unit: "%"}}.LevelText(), "5~8%"},
		{MetricSide{Level: &Metric{Unknown: true, Unit: "亿元"}}.LevelText(), "x亿元"},
		{MetricSide{}.LevelText(), ""},
		{Diff{OK: true, Value: 3.4600000001, Unit: "亿元"}.Text(), "+3.46亿元"},
		{Diff{OK: true, Value: -0.5, Unit: "个百分点"}.Text(), "-0.5个百分点"},
		{Diff{OK: true, Value: -0.001, Unit: "%"}.Text(), "+0%"},
		{Diff{Value: 3}.Text(), ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: %q, want %q", i, tt.got, tt.want)
		}
	}
}
