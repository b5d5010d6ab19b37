package model_test

import (
	"testing"

	"baogao/internal/seeds"
	"baogao/model"
	"baogao/parser"
)

// loadSeed parses the seed whose name starts with prefix ("000").
func loadSeed(t testing.TB, prefix string) *model.Report {
	t.Helper()
	p := seeds.Path(t, prefix)
	r, err := parser.Parse(p, seeds.Read(t, p))
	if err != nil {
		t.Fatalf("parse %s: %v", p, err)
	}
	return r
}

// needCatalogueMetrics skips while the metric extractor has not landed: a
// stub parser yields no catalogue metrics at all. Once any appear, the
// seed tests run in full.
func needCatalogueMetrics(t *testing.T, rs ...*model.Report) {
	t.Helper()
	for _, r := range rs {
		n := 0
		for _, m := range r.AllMetrics() {
			if m.IndicatorID != "" {
				n++
			}
		}
		if n == 0 {
			t.Fatalf("%s: parser gives no catalogue metrics", r.Path)
		}
	}
}

func rowByID(c model.Comparison, id string) (model.MetricRow, int) {
	var row model.MetricRow
	n := 0
	for _, r := range c.Rows {
		if r.IndicatorID == id {
			row = r
			n++
		}
	}
	return row, n
}

func TestSeedCompare000With004(t *testing.T) {
	a, b := loadSeed(t, "000"), loadSeed(t, "004")
	needCatalogueMetrics(t, a, b)
	c := model.Align(a, b)

	for _, id := range []string{"gdp", "budget-revenue", "fixed-investment"} {
		r, n := rowByID(c, id)
		if n != 1 {
			t.Errorf("%s: %d rows, want exactly 1", id, n)
			continue
		}
		if r.A.Empty() || r.B.Empty() {
			t.Errorf("%s: A empty=%v B empty=%v, want both stated", id, r.A.Empty(), r.B.Empty())
		}
	}

	gdp, _ := rowByID(c, "gdp")
	if gdp.A.Change == nil || gdp.A.Change.Value != 6.7 {
		t.Errorf("gdp A change = %+v, want 6.7%%", gdp.A.Change)
	}
	if gdp.B.Change == nil || gdp.B.Change.Value != 6 {
		t.Errorf("gdp B change = %+v, want 6%%", gdp.B.Change)
	}
	if gdp.A.Change != nil && gdp.B.Change != nil {
		if gdp.A.Change.Period != "1-6月" || gdp.B.Change.Period != "全年" {
			t.Errorf("gdp periods %q vs %q, want 1-6月 vs 全年", gdp.A.Change.Period, gdp.B.Change.Period)
		}
		if gdp.Flags&model.FlagPeriod == 0 || gdp.ChangeDiff.OK {
			t.Errorf("gdp: flags %q, diff ok=%v; want the period flagged and no difference", gdp.Flags, gdp.ChangeDiff.OK)
		}
	}

	rev, _ := rowByID(c, "budget-revenue")
	for _, side := range []struct {
		name string
		m    *model.Metric
		want float64
	}{{"A", rev.A.Level, 37.3}, {"B", rev.B.Level, 33.84}} {
		if side.m == nil || side.m.Value != side.want || side.m.Unit != "亿元" {
			t.Errorf("budget-revenue %s level = %+v, want %g亿元", side.name, side.m, side.want)
		}
	}
}

func TestSeedCompareTraditionalWithSimplified(t *testing.T) {
	a, b := loadSeed(t, "001"), loadSeed(t, "002")
	needCatalogueMetrics(t, a, b)
	for _, r := range []*model.Report{a, b} {
		ids := map[string]bool{}
		for _, m := range r.AllMetrics() {
			if m.IndicatorID != "" {
				ids[m.IndicatorID] = true
			}
		}
		if len(ids) < 5 {
			t.Errorf("%s yields only %d catalogue indicators, too few to align 5", r.Path, len(ids))
		}
	}
	c := model.Align(a, b)
	var both []string
	for _, r := range c.Rows {
		if !r.A.Empty() && !r.B.Empty() {
			both = append(both, r.Indicator)
		}
	}
	if len(both) < 5 {
		t.Errorf("seed 001 (traditional) vs 002 (simplified): %d indicators aligned %v, want at least 5", len(both), both)
	}
}

func TestSeedPairingShowsEverySectionOnce(t *testing.T) {
	prefixes := []string{"000", "001", "002", "003", "004"}
	reports := make([]*model.Report, len(prefixes))
	for i, p := range prefixes {
		reports[i] = loadSeed(t, p)
	}
	for i, a := range reports {
		for j, b := range reports {
			c := model.Align(a, b)
			for _, side := range []struct {
				name string
				r    *model.Report
				get  func(model.SectionPair) *model.Section
			}{
				{"A", a, func(p model.SectionPair) *model.Section { return p.A }},
				{"B", b, func(p model.SectionPair) *model.Section { return p.B }},
			} {
				seen := map[*model.Section]int{}
				for _, p := range c.Pairs {
					if s := side.get(p); s != nil {
						seen[s]++
					}
				}
				total := 0
				side.r.Walk(func(s *model.Section, _ int) bool {
					total++
					if seen[s] != 1 {
						t.Errorf("%s vs %s, side %s: section %q shown %d times", prefixes[i], prefixes[j], side.name, s.Heading(), seen[s])
					}
					return true
				})
				if len(seen) != total {
					t.Errorf("%s vs %s, side %s: %d sections shown, report has %d", prefixes[i], prefixes[j], side.name, len(seen), total)
				}
			}
		}
	}
}

func BenchmarkAlignSeeds(b *testing.B) {
	rs := []*model.Report{loadSeed(b, "000"), loadSeed(b, "002")}
	b.ResetTimer()
	for b.Loop() {
		model.Align(rs[0], rs[1])
	}
}
