package ui

import (
	"math"
	"strings"

	"baogao/model"
)

// chartRow is one indicator of the change-rate chart.
type chartRow struct {
	row  model.MetricRow
	a, b *model.Metric // changes in %, nil when the side states none
}

// chartRows keeps the indicators with a known change in % on either side:
// only rates share one scale (个百分点 and counts would not).
func chartRows(rows []model.MetricRow) []chartRow {
	rate := func(m *model.Metric) *model.Metric {
		if m == nil || m.Unknown || m.Unit != "%" {
			return nil
		}
		return m
	}
	var out []chartRow
	for _, r := range rows {
		a, b := rate(r.A.Change), rate(r.B.Change)
		if a != nil || b != nil {
			out = append(out, chartRow{row: r, a: a, b: b})
		}
	}
	return out
}

// barBlock draws bars. It is an ambiguous-width character, so a bar of n
// cells is n / width(█) blocks: bars stay exact in both modes, only
// coarser where █ takes two cells.
const barBlock = "█"

// chartView draws the change rates of A and B per indicator as horizontal
// bars from a common zero axis ("|"): two lines per indicator, the label
// on the first, A's bar then B's, each with its value and the row's flag
// marks. Exactly h lines of w cells.
func (v *CompareModel) chartView(w, h int) []string {
	m := v.measure
	rows := chartRows(v.c.Rows)
	title := " 增速对比 A/B (%) · 同一零轴 · g 返回"
	out := []string{v.styles.PaneTitleOn.Render(m.Pad(title, w))}
	if len(rows) == 0 {
		out = append(out, v.styles.Dim.Render(m.Pad(" 两份报告没有可对比的增速", w)))
	}

	labelW := 4
	maxPos, maxNeg := 0.0, 0.0
	for _, r := range rows {
		labelW = max(labelW, m.Width(model.Convert(r.row.Indicator, v.script)))
		for _, x := range []*model.Metric{r.a, r.b} {
			if x == nil {
				continue
			}
			maxPos = math.Max(maxPos, x.Value)
			maxNeg = math.Max(maxNeg, -x.Value)
		}
	}
	const markW, valueW = 3, 12 // " A ", "+12.5% 期态"
	labelW = min(labelW, max(6, w/4))
	barW := max(2, w-labelW-markW-1-1-valueW) // 1 for the axis, 1 before the value
	negW := 0
	if maxNeg > 0 {
		negW = int(math.Round(float64(barW) * maxNeg / (maxNeg + maxPos)))
	}
	posW := barW - negW
	scale := math.Max(maxPos, maxNeg)
	if maxPos > 0 && maxNeg > 0 {
		// Both directions share the cells in proportion, so one scale fits both.
		scale = (maxPos + maxNeg) / float64(barW)
	} else if scale > 0 {
		scale /= float64(barW)
	}

	block := m.Width(barBlock)
	bar := func(x *model.Metric) (neg, pos string) {
		if x == nil || scale == 0 {
			return strings.Repeat(" ", negW), strings.Repeat(" ", posW)
		}
		n := int(math.Round(math.Abs(x.Value) / scale))
		blocks := strings.Repeat(barBlock, n/block)
		if x.Value < 0 {
			return m.PadLeft(blocks, negW), strings.Repeat(" ", posW)
		}
		return strings.Repeat(" ", negW), m.Pad(blocks, posW)
	}
	styleA := v.styles.Kind[model.KindPlans]
	styleB := v.styles.Kind[model.KindAchievements]

	var lines []string
	for _, r := range rows {
		for i, side := range []struct {
			mark string
			x    *model.Metric
		}{{" A ", r.a}, {" B ", r.b}} {
			label := ""
			if i == 0 {
				label = model.Convert(r.row.Indicator, v.script)
			}
			neg, pos := bar(side.x)
			st := styleA
			if i == 1 {
				st = styleB
			}
			value := ""
			if side.x != nil {
				value = model.MetricSide{Change: side.x}.ChangeText()
			} else {
				value = "—"
			}
			if i == 1 {
				value += " " + r.row.Flags.Marks()
			}
			line := m.Pad(label, labelW) + side.mark + st.Render(neg) + "|" + st.Render(pos) + " " + m.Pad(value, valueW)
			lines = append(lines, line)
		}
	}
	for i := v.chartOffset; i < len(lines) && len(out) < h; i++ {
		out = append(out, m.Fit(lines[i], w))
	}
	for len(out) < h {
		out = append(out, strings.Repeat(" ", w))
	}
	return out[:h]
}
