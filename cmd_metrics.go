package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"baogao/export"
	"baogao/model"
	"baogao/parser"
)

const metricsUsage = `Usage: baogao metrics [--format tsv|csv|json] [FILE|DIR|-]...

Lists every figure the reports state, one row per metric: section,
indicator, value, unit, measure (level, change, share), period, status
(actual, target, forecast), qualifier, then indicator_id (the catalogue id
of a standard indicator), base_value and base_unit (1.5万亿元 → 1500000000000
元) and source (the sentence it came from). With several inputs a file
column comes first. A DIR reads every file in it; - reads stdin.

Flags:
  -f, --format FORMAT  tsv, csv or json (default tsv)
  -h, --help           show this help
`

var metricsColumns = []string{"section", "indicator", "value", "unit", "measure", "period", "status", "qualifier",
	"indicator_id", "base_value", "base_unit", "source"}

// metricRecord is one metric as the json format writes it.
type metricRecord struct {
	File string `json:"file,omitempty"`
	model.Metric
}

func runMetrics(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("metrics", flag.ContinueOnError)
	var format string
	fset.StringVar(&format, "format", "tsv", "")
	fset.StringVar(&format, "f", "tsv", "")
	inputs, code, stop := parseArgs(fset, args, metricsUsage, stdout, stderr)
	if stop {
		return code
	}
	switch format {
	case "tsv", "csv", "json":
	default:
		return usageError(stderr, "metrics", fmt.Sprintf("unknown format %q (want tsv, csv or json)", format))
	}
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	reports, errs := parser.Load(inputs, stdin)
	for _, err := range errs {
		fmt.Fprintf(stderr, "baogao metrics: %v\n", metricsOneLine(err.Error()))
	}
	withFile := len(reports) > 1 || len(inputs) > 1
	if err := writeMetricTable(stdout, reports, format, withFile); err != nil {
		fmt.Fprintf(stderr, "baogao metrics: %v\n", err)
		return 1
	}
	if len(errs) > 0 {
		return 1
	}
	return 0
}

func writeMetricTable(w io.Writer, reports []*model.Report, format string, withFile bool) error {
	if format == "json" {
		recs := []metricRecord{}
		for _, r := range reports {
			for _, m := range r.AllMetrics() {
				rec := metricRecord{Metric: m}
				if withFile {
					rec.File = r.Path
				}
				recs = append(recs, rec)
			}
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(recs)
	}
	header := metricsColumns
	if withFile {
		header = append([]string{"file"}, header...)
	}
	rows := [][]string{header}
	for _, r := range reports {
		for _, m := range r.AllMetrics() {
			row := metricRow(m)
			if withFile {
				row = append([]string{r.Path}, row...)
			}
			rows = append(rows, row)
		}
	}
	if format == "csv" {
		cw := csv.NewWriter(w)
		if err := cw.WriteAll(rows); err != nil {
			return err
		}
		return cw.Error()
	}
	var b strings.Builder
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(metricsOneLine(strings.ReplaceAll(c, "\t", " ")))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func metricRow(m model.Metric) []string {
	return []string{m.Section, m.Indicator, export.FormatValue(m), m.Unit, string(m.Measure), m.Period,
		string(m.Status), m.Qualifier, m.IndicatorID, formatBase(m), m.BaseUnit, m.Source}
}

// formatBase writes a base value as a plain decimal: 1.5e12 → 1500000000000.
func formatBase(m model.Metric) string {
	if m.Unknown {
		return "x"
	}
	return strconv.FormatFloat(m.BaseValue, 'f', -1, 64)
}

// metricsOneLine keeps a message or field on one line.
func metricsOneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
