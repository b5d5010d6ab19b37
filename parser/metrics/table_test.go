package metrics

import (
	"testing"

	"baogao/model"
)

// TestTableMetrics reads tables of indicators: the header names the
// columns, each row is an indicator with its level and change.
func TestTableMetrics(t *testing.T) {
	text := "上半年主要指标完成情况如下。\n" +
		"指标名称\t单位\t1-6月完成值\t同比增长（%）\n" +
		"地区生产总值\t亿元\t256.3\t5.6\n" +
		"固定资产投资\t亿元\t132.5\t-2.3\n" +
		"城镇新增就业（万人）\t\t1.2\t3.0\n" +
		"合计\t\t\t\n" +
		"全年力争增长6%。"
	type want struct {
		indicator string
		value     float64
		unit      string
		measure   model.Measure
		period    string
	}
	wants := []want{
		{"全年", 6, "%", model.MeasureChange, ""}, // the sentence after the table
		{"地区生产总值", 256.3, "亿元", model.MeasureLevel, "1-6月"},
		{"地区生产总值", 5.6, "%", model.MeasureChange, "1-6月"},
		{"固定资产投资", 132.5, "亿元", model.MeasureLevel, "1-6月"},
		{"固定资产投资", -2.3, "%", model.MeasureChange, "1-6月"},
		{"城镇新增就业", 1.2, "万人", model.MeasureLevel, "1-6月"},
		{"城镇新增就业", 3, "%", model.MeasureChange, "1-6月"},
	}
	got := Extract(text, Context{})
	if len(got) != len(wants) {
		t.Fatalf("%d metrics, want %d: %+v", len(got), len(wants), got)
	}
	for i, w := range wants {
		g := got[i]
		if i == 0 {
			if g.Value != w.value || g.Unit != w.unit {
				t.Errorf("sentence metric %+v, want %v%s", g, w.value, w.unit)
			}
			continue
		}
		if g.Indicator != w.indicator || g.Value != w.value || g.Unit != w.unit || g.Measure != w.measure || g.Period != w.period {
			t.Errorf("metric %d = %s %v %s %s %s, want %+v", i, g.Indicator, g.Value, g.Unit, g.Measure, g.Period, w)
		}
	}
	if got[1].IndicatorID != "gdp" || got[1].Status != model.StatusActual {
		t.Errorf("GDP row: id %q status %q", got[1].IndicatorID, got[1].Status)
	}

	// Target columns are targets; a table with no header gives nothing.
	plan := Extract("指标\t单位\t2024年目标\n地区生产总值\t亿元\t580\n", Context{})
	if len(plan) != 1 || plan[0].Status != model.StatusTarget || plan[0].Period != "2024年" {
		t.Errorf("target table: %+v", plan)
	}
	if got := Extract("地区生产总值\t亿元\t256.3\n固定资产投资\t亿元\t132.5\n", Context{}); len(got) != 0 {
		t.Errorf("a table without a header: %+v", got)
	}
}
