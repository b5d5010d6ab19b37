package model

import "strconv"

// Measure says what kind of quantity a metric is.
type Measure string

const (
	MeasureLevel  Measure = "level"  // an amount: 37.3亿元
	MeasureChange Measure = "change" // a growth or fall: 增长0.6% → 0.6, 下降5.9% → -5.9
	MeasureShare  Measure = "share"  // a proportion: 占比32%
)

// Status says whether a figure is done, aimed at or expected.
type Status string

const (
	StatusActual   Status = "actual"
	StatusTarget   Status = "target"
	StatusForecast Status = "forecast"
)

// Metric is one quantity a report states.
type Metric struct {
	// Section is the label path of the sections holding it ("一/(一)",
	// "加强政府自身建设/96", "一/1/进展情况"); empty in a preamble.
	Section string `json:"section"`
	// Indicator is what is measured, in simplified Chinese.
	Indicator string `json:"indicator"`
	// IndicatorID is the catalogue id when the indicator is a standard one.
	IndicatorID string  `json:"indicator_id,omitempty"`
	Value       float64 `json:"value"`
	// ValueMax is the upper end of a range (5-8%); zero when not a range.
	ValueMax float64 `json:"value_max,omitempty"`
	// Unknown is true for placeholders like "x" or "XX": no value is given.
	Unknown bool   `json:"unknown,omitempty"`
	Unit    string `json:"unit"`
	// BaseValue is Value times the unit's multiplier in BaseUnit
	// (1.5万亿元 → 1.5e12 元); % stays %.
	BaseValue float64 `json:"base_value"`
	BaseUnit  string  `json:"base_unit"`
	Measure   Measure `json:"measure"`
	Period    string  `json:"period,omitempty"`
	Status    Status  `json:"status"`
	Qualifier string  `json:"qualifier,omitempty"`
	// Source is the sentence the metric came from.
	Source string `json:"source"`
}

// ValueText writes the value as a plain decimal, never with an exponent:
// "1.5", "-5.9", "26349"; a range as "5~8" ("~" so a negative bound reads
// clearly); "x" when the report gives a placeholder. Every table, export
// and comparison writes values through it.
func (m Metric) ValueText() string {
	if m.Unknown {
		return "x"
	}
	v := strconv.FormatFloat(m.Value, 'f', -1, 64)
	if m.ValueMax != 0 {
		v += "~" + strconv.FormatFloat(m.ValueMax, 'f', -1, 64)
	}
	return v
}
