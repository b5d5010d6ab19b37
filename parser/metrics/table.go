package metrics

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"baogao/hanzi"
	"baogao/model"
)

// Tables. A report's table of indicators (附表, or a table on a web page)
// reaches the extractor as rows, one per line, its cells separated by
// tabs: a header row that names the columns ("指标名称 单位 完成值 同比增长
// (%)"), then a row per indicator. A row's figures have no sentence around
// them: the header says what each column holds.

// column is what a header cell says its column holds.
type column struct {
	role   colRole
	period string // the column's period: 1-6月, 上半年, 2023年
	status model.Status
}

type colRole uint8

const (
	colOther  colRole = iota
	colName           // the indicator
	colUnit           // the unit of the row's levels
	colLevel          // an amount, in the row's unit
	colChange         // a growth rate, in %
	colShare          // a share, in %
)

// IsTableRow reports a line of cells: two tabs at least. Such a line is
// neither a heading nor a sentence.
func IsTableRow(line string) bool { return strings.Count(line, "\t") >= 2 }

// splitTableRows cuts text into the runs of its lines that are table rows
// and the rest, which is returned with each row blanked to an empty line
// (so the sentence scanner neither reads rows nor joins what they parted).
func splitTableRows(text string) (rest string, tables [][]string) {
	var b strings.Builder
	var table []string
	for line := range strings.SplitSeq(text, "\n") {
		if IsTableRow(line) {
			table = append(table, line)
			b.WriteString("\n")
			continue
		}
		if table != nil {
			tables, table = append(tables, table), nil
		}
		b.WriteString(line)
		b.WriteString("\n")
	}
	if table != nil {
		tables = append(tables, table)
	}
	return strings.TrimSuffix(b.String(), "\n"), tables
}

// tableMetrics gives the metrics of a table's rows, the first of which is
// its header; a table without one (its first row holds a figure) or
// without an indicator column gives none.
func tableMetrics(rows []string, ctx Context) []model.Metric {
	header := cellsOf(rows[0])
	cols := make([]column, len(header))
	named := false
	for i, h := range header {
		if _, ok := cellNumber(h); ok && !strings.ContainsAny(h, "年月") {
			return nil // a figure in the first row: no header
		}
		cols[i] = headerColumn(h, i, ctx)
		named = named || cols[i].role == colName
	}
	if !named {
		return nil
	}
	// A change column without a period of its own is over the levels'.
	for i := range cols {
		if cols[i].role == colLevel && cols[i].period != "" {
			for k := range cols {
				if cols[k].role == colChange && cols[k].period == "" {
					cols[k].period = cols[i].period
				}
			}
			break
		}
	}
	var out []model.Metric
	for _, row := range rows[1:] {
		out = append(out, rowMetrics(cellsOf(row), cols)...)
	}
	return out
}

// cellsOf splits a row at its tabs, trimming each cell.
func cellsOf(row string) []string {
	cells := strings.Split(row, "\t")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return cells
}

// headerColumn reads what the header cell h of column i names. The first
// column names the indicator unless it says otherwise.
func headerColumn(h string, i int, ctx Context) column {
	h = hanzi.Fold(h)
	c := column{status: model.StatusActual}
	if ctx.Kind == model.KindPlans {
		c.status = model.StatusTarget
	}
	switch {
	case containsAny(h, "目标", "计划", "预期", "预计"):
		c.status = model.StatusTarget
		if strings.Contains(h, "预计") {
			c.status = model.StatusForecast
		}
	case containsAny(h, "完成", "实际", "执行"):
		c.status = model.StatusActual
	}
	switch {
	case containsAny(h, "单位"):
		c.role = colUnit
	case containsAny(h, "指标", "项目", "名称") || i == 0 && !containsAny(h, "增", "%", "比重", "占"):
		c.role = colName
	case containsAny(h, "增长", "增速", "增幅", "同比", "比上年", "±"):
		c.role = colChange
	case containsAny(h, "比重", "占比"):
		c.role = colShare
	case containsAny(h, "值", "量", "额", "数", "完成", "实际", "目标", "计划", "预期", "预计", "年", "月"):
		c.role = colLevel
	}
	rs := []rune(h)
	for i := range rs {
		if p, _, ok := matchPeriod(rs, i, len(rs)); ok {
			c.period = p
			break
		}
	}
	if c.period == "" {
		c.period = reHeaderYear.FindString(h) // a column of a year: 2024年
	}
	return c
}

var reHeaderYear = regexp.MustCompile(`\d{4}年`)

// rowMetrics gives the metrics of one row.
func rowMetrics(cells []string, cols []column) []model.Metric {
	name, unitText := "", ""
	for i, c := range cols {
		if i >= len(cells) {
			break
		}
		switch c.role {
		case colName:
			name = cells[i]
		case colUnit:
			unitText = cells[i]
		}
	}
	name, inName := splitUnit(hanzi.Fold(name))
	if unitText == "" {
		unitText = inName
	}
	if !twoHan(name) {
		return nil
	}
	ind, known := model.LookupIndicator(name)
	source := strings.Join(slices.DeleteFunc(slices.Clone(cells), func(c string) bool { return c == "" }), " ")
	var out []model.Metric
	for i, c := range cols {
		if i >= len(cells) || c.role < colLevel {
			continue
		}
		v, ok := cellNumber(cells[i])
		if !ok {
			continue
		}
		m := model.Metric{Indicator: name, Value: v, Period: c.period, Status: c.status, Source: source}
		if known {
			m.IndicatorID = ind.ID
		}
		switch c.role {
		case colLevel:
			m.Measure = model.MeasureLevel
			if u, ok := parseUnit([]rune(unitText), 0); ok && u.end == len([]rune(unitText)) {
				m.Unit, m.BaseUnit, m.BaseValue = u.text, u.base, roundSig(v*u.mult)
				if u.kind == unitRatio {
					m.Measure = model.MeasureShare
				}
			} else {
				continue // a level needs its unit
			}
		case colChange:
			m.Measure, m.Unit, m.BaseUnit, m.BaseValue = model.MeasureChange, "%", "%", v
		case colShare:
			m.Measure, m.Unit, m.BaseUnit, m.BaseValue = model.MeasureShare, "%", "%", v
		}
		out = append(out, m)
	}
	return out
}

// splitUnit cuts a unit in brackets off an indicator's name:
// "地区生产总值（亿元）" → "地区生产总值", "亿元".
func splitUnit(name string) (string, string) {
	name = strings.TrimSpace(name)
	if !strings.HasSuffix(name, ")") {
		return name, ""
	}
	open := strings.LastIndex(name, "(")
	if open < 0 {
		return name, ""
	}
	return strings.TrimSpace(name[:open]), name[open+1 : len(name)-1]
}

// cellNumber reads a cell that is a number and nothing else: "256.3",
// "-2.3", "+5", "1,234.5".
func cellNumber(cell string) (float64, bool) {
	s := strings.ReplaceAll(hanzi.Fold(cell), ",", "")
	s = strings.TrimPrefix(s, "+")
	s = strings.TrimSuffix(s, "%")
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil && s != ""
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
