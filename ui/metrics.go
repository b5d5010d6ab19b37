package ui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"

	"baogao/model"
)

// metricColumn is a column of the metric table, in display order.
type metricColumn int

const (
	colIndicator metricColumn = iota
	colValue
	colChange
	colPeriod
	colStatus
	numMetricColumns
)

var metricColumnTitles = [numMetricColumns]string{"指标", "数值", "变化", "期间", "状态"}

// metricsModel is the metric table pane for the selected section (its own
// metrics and its descendants').
type metricsModel struct {
	table   table.Model
	sec     *model.Section
	metrics []model.Metric
	sortBy  metricColumn
	sortSet bool // false: document order
	reverse bool
	width   int
	height  int
	offset  int // first row shown
	script  model.Script
}

func newMetrics(st Styles) metricsModel {
	km := table.DefaultKeyMap()
	// g and G stay free for other views; space folds the tree.
	km.GotoTop = key.NewBinding(key.WithKeys("home"))
	km.GotoBottom = key.NewBinding(key.WithKeys("end"))
	km.PageDown = key.NewBinding(key.WithKeys("pgdown", "ctrl+f"))
	km.PageUp = key.NewBinding(key.WithKeys("pgup", "ctrl+b"))
	km.HalfPageUp = key.NewBinding(key.WithKeys("ctrl+u"))
	km.HalfPageDown = key.NewBinding(key.WithKeys("ctrl+d"))
	t := table.New(table.WithKeyMap(km), table.WithStyles(st.Table))
	return metricsModel{table: t}
}

// setSection loads the metrics of s and its descendants.
func (m *metricsModel) setSection(a *Model, s *model.Section, w, h int) {
	if s == m.sec && w == m.width && h == m.height && a.script == m.script {
		return
	}
	if s != m.sec {
		m.metrics = m.metrics[:0]
		if s != nil {
			s.Walk(0, func(x *model.Section, _ int) bool {
				m.metrics = append(m.metrics, x.Metrics...)
				return true
			})
		}
		m.table.SetCursor(0)
		m.offset = 0
	}
	m.sec, m.width, m.height, m.script = s, w, h, a.script
	m.refresh(a)
}

// sortNext cycles the sort column: document order, then each column.
func (m *metricsModel) sortNext(a *Model) {
	switch {
	case !m.sortSet:
		m.sortSet, m.sortBy = true, colIndicator
	case m.sortBy == numMetricColumns-1:
		m.sortSet = false
	default:
		m.sortBy++
	}
	m.refresh(a)
}

func (m *metricsModel) reverseOrder(a *Model) {
	m.reverse = !m.reverse
	m.refresh(a)
}

// widths shares w cells between the five columns (each followed by a
// one-cell gap); the indicator takes what the others leave.
func metricWidths(w int) [numMetricColumns]int {
	ws := [numMetricColumns]int{0, 12, 9, 8, 4}
	rest := w - 1 - (ws[1] + ws[2] + ws[3] + ws[4]) - int(numMetricColumns)
	if rest < 8 {
		ws = [numMetricColumns]int{0, 10, 7, 0, 4}
		rest = w - 1 - (ws[1] + ws[2] + ws[4]) - 4
	}
	ws[0] = max(4, rest)
	return ws
}

func (m *metricsModel) refresh(a *Model) {
	ms := append([]model.Metric(nil), m.metrics...)
	if m.sortSet {
		sort.SliceStable(ms, func(i, j int) bool { return lessMetric(ms[i], ms[j], m.sortBy) })
	}
	if m.reverse {
		for i, j := 0, len(ms)-1; i < j; i, j = i+1, j-1 {
			ms[i], ms[j] = ms[j], ms[i]
		}
	}
	ws := metricWidths(m.width)
	cols := make([]table.Column, 0, numMetricColumns)
	for c := range numMetricColumns {
		if ws[c] == 0 {
			continue
		}
		title := metricColumnTitles[c]
		if m.sortSet && m.sortBy == c {
			title += "↓"
			if m.reverse {
				title = metricColumnTitles[c] + "↑"
			}
		}
		// Pre-padded to exactly the column's width by cells, so the
		// table's own measuring has nothing to add or cut.
		cols = append(cols, table.Column{Title: a.measure.Pad(title, ws[c]), Width: ws[c]})
	}
	rows := make([]table.Row, 0, len(ms))
	for _, x := range ms {
		fields := metricFields(x, a.script)
		row := make(table.Row, 0, numMetricColumns)
		for c := range numMetricColumns {
			if ws[c] == 0 {
				continue
			}
			if c == colValue || c == colChange {
				row = append(row, a.measure.PadLeft(fields[c], ws[c]))
			} else {
				row = append(row, a.measure.Pad(fields[c], ws[c]))
			}
		}
		rows = append(rows, row)
	}
	m.table.SetRows(nil)
	m.table.SetColumns(cols)
	m.table.SetRows(rows)
	m.table.SetWidth(m.width)
	m.table.SetHeight(max(2, m.height))
}

// metricFields is one metric as the table shows it.
func metricFields(x model.Metric, sc model.Script) [numMetricColumns]string {
	var f [numMetricColumns]string
	f[colIndicator] = model.Convert(x.Indicator, sc)
	v := formatValue(x)
	if x.Measure == model.MeasureChange {
		f[colChange] = v
	} else {
		f[colValue] = v
	}
	f[colPeriod] = model.Convert(x.Period, sc)
	f[colStatus] = statusLabel(x.Status)
	return f
}

func formatValue(x model.Metric) string {
	s := x.ValueText()
	if x.Measure == model.MeasureChange && x.Value > 0 && !x.Unknown {
		s = "+" + s
	}
	return s + x.Unit
}

func statusLabel(s model.Status) string {
	switch s {
	case model.StatusTarget:
		return "目标"
	case model.StatusForecast:
		return "预计"
	case model.StatusActual:
		return "实际"
	}
	return string(s)
}

func lessMetric(a, b model.Metric, c metricColumn) bool {
	switch c {
	case colValue:
		// Changes sort after levels; levels by their base value.
		if (a.Measure == model.MeasureChange) != (b.Measure == model.MeasureChange) {
			return b.Measure == model.MeasureChange
		}
		return a.BaseValue > b.BaseValue
	case colChange:
		if (a.Measure == model.MeasureChange) != (b.Measure == model.MeasureChange) {
			return a.Measure == model.MeasureChange
		}
		return a.Value > b.Value
	case colPeriod:
		return a.Period < b.Period
	case colStatus:
		return a.Status < b.Status
	}
	return a.Indicator < b.Indicator
}

// follow scrolls so the table's cursor row is visible; sync calls it after
// every update, since View cannot keep state.
func (m *metricsModel) follow() {
	rows := max(1, m.height-1)
	cur := m.table.Cursor()
	if cur < m.offset {
		m.offset = cur
	}
	if cur >= m.offset+rows {
		m.offset = cur - rows + 1
	}
	m.offset = max(0, min(m.offset, len(m.table.Rows())-rows))
}

// view renders the table's header and visible rows, each line exactly w
// cells. The bubbles table holds rows, cursor and keys; the drawing is done
// here, with cells, because the table would measure CJK and ambiguous
// characters with a width function that may disagree with the terminal.
func (m *metricsModel) view(a *Model, w, h int) []string {
	lines := make([]string, 0, h)
	if len(m.metrics) == 0 {
		lines = append(lines, a.measure.Pad(" (no metrics in this section)", w))
	} else {
		var hb strings.Builder
		hb.WriteString(" ")
		for _, c := range m.table.Columns() {
			hb.WriteString(c.Title + " ")
		}
		lines = append(lines, a.styles.Heading.Render(a.measure.Pad(hb.String(), w)))
		rows := m.table.Rows()
		for i := m.offset; i < len(rows) && len(lines) < h; i++ {
			line := " " + strings.Join(rows[i], " ")
			line = a.measure.Pad(line, w)
			if i == m.table.Cursor() {
				if m.table.Focused() {
					line = a.styles.Selected.Render(line)
				} else {
					line = a.styles.SelectedBlur.Render(line)
				}
			}
			lines = append(lines, line)
		}
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines
}
