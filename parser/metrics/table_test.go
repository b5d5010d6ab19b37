package metrics

import (
	"testing"

	"baogao/model"
)

// TestTableMetrics reads tables of indicators: the header names the
// columns, each row is an indicator with its level and change.
func TestTableMetrics(t *testing.T) {
	A, L, C := model.StatusActual, model.MeasureLevel, model.MeasureChange
	table := "上半年主要指标完成情况如下。\n" +
		"指标名称\t单位\t1-6月完成值\t同比增长（%）\n" +
		"地区生产总值\t亿元\t256.3\t5.6\n" +
		"固定资产投资\t亿元\t132.5\t-2.3\n" +
		"城镇新增就业（万人）\t\t1.2\t3.0\n" +
		"合计\t\t\t\n"
	check(t, table, Context{}, []want{
		{"地区生产总值", 256.3, "亿元", L, "1-6月", A, ""},
		{"地区生产总值", 5.6, "%", C, "1-6月", A, ""},
		{"固定资产投资", 132.5, "亿元", L, "1-6月", A, ""},
		{"固定资产投资", -2.3, "%", C, "1-6月", A, ""},
		{"城镇新增就业", 1.2, "万人", L, "1-6月", A, ""},
		{"城镇新增就业", 3, "%", C, "1-6月", A, ""},
	})
	// A sentence after the table is read as a sentence, not as a row.
	got := Extract(table+"全年力争增长6%。", Context{})
	if len(got) != 7 || got[0].Value != 6 || got[0].Unit != "%" {
		t.Fatalf("table and sentence: %+v, want the sentence's 6%% first, then the six figures of the rows", got)
	}
	if got[1].IndicatorID != "gdp" {
		t.Errorf("GDP row: id %q", got[1].IndicatorID)
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
