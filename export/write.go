package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"baogao/cells"
	"baogao/model"
)

// Formats a section can be written in; tsv and csv write its metric table.
var SectionFormats = []string{"txt", "md", "json", "tsv", "csv"}

// MetricFormats a metric table can be written in.
var MetricFormats = []string{"tsv", "csv", "md", "json"}

// MetricColumns are the metric table's columns, as in the gold files.
var MetricColumns = []string{"section", "indicator", "value", "unit", "measure", "period", "status", "qualifier"}

// SectionMetrics is the metric table of s: its own metrics then its
// descendants', in document order — the table a reader expects under a
// chapter whose figures sit in its tasks.
func SectionMetrics(s *model.Section) []model.Metric {
	var ms []model.Metric
	s.Walk(0, func(x *model.Section, _ int) bool {
		ms = append(ms, x.Metrics...)
		return true
	})
	return ms
}

// WriteSection writes s in format: txt is model.SectionText plus a final
// newline; md has a heading per section by depth, its paragraphs, then the
// metric table; json is the section subtree as model.Section JSON (in the
// report's own script, so it parses back into the same tree); tsv and csv
// are the metric table. sc is the display script for txt and md. r may be
// nil; it is accepted so formats can name the report later.
func WriteSection(w io.Writer, r *model.Report, s *model.Section, format string, sc model.Script) error {
	switch format {
	case "txt", "text":
		_, err := io.WriteString(w, model.SectionText(s, sc)+"\n")
		return err
	case "md", "markdown":
		return writeSectionMarkdown(w, s, sc)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	case "tsv", "csv":
		return WriteMetrics(w, SectionMetrics(s), format)
	}
	return fmt.Errorf("unknown section format %q (want %s)", format, strings.Join(SectionFormats, ", "))
}

// SectionString is WriteSection into a string.
func SectionString(r *model.Report, s *model.Section, format string, sc model.Script) (string, error) {
	var b strings.Builder
	err := WriteSection(&b, r, s, format, sc)
	return b.String(), err
}

func writeSectionMarkdown(w io.Writer, s *model.Section, sc model.Script) error {
	var b strings.Builder
	s.Walk(0, func(x *model.Section, depth int) bool {
		if h := x.Heading(); h != "" && h != "*" {
			b.WriteString(strings.Repeat("#", min(depth+1, 6)))
			b.WriteString(" ")
			b.WriteString(mdInline(model.Convert(h, sc), false))
			b.WriteString("\n\n")
		}
		for _, p := range strings.Split(x.Text, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				b.WriteString(mdInline(model.Convert(p, sc), true))
				b.WriteString("\n\n")
			}
		}
		return true
	})
	if ms := SectionMetrics(s); len(ms) > 0 {
		b.WriteString(markdownTable(metricRows(ms, sc)))
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

// mdInline keeps report text from being read as Markdown markup where it
// would change meaning: a leading "#", "-", "+", ">" or "1." and any "*",
// "_", "`", "|", "<" or backslash. A paragraph (para) also keeps a
// leading "12." from starting a numbered list.
func mdInline(s string, para bool) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '*', '_', '`', '|', '<', '[', ']':
			b.WriteByte('\\')
		case '#', '-', '+', '>':
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	out := b.String()
	if !para {
		return out
	}
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && (out[j] == '.' || out[j] == ')') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

// WriteMetrics writes a metric table in format (tsv, csv, md or json).
// Values are plain decimals; a range is written "lo~hi" and an unknown
// value ("x", "XX" in the report) as "x". json writes the full
// model.Metric objects, which carry these columns under the same names.
func WriteMetrics(w io.Writer, ms []model.Metric, format string) error {
	switch format {
	case "tsv":
		var b strings.Builder
		for _, row := range metricRows(ms, model.ScriptOriginal) {
			for i, c := range row {
				if i > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(tsvField(c))
			}
			b.WriteByte('\n')
		}
		_, err := io.WriteString(w, b.String())
		return err
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.WriteAll(metricRows(ms, model.ScriptOriginal)); err != nil {
			return err
		}
		return cw.Error()
	case "md", "markdown":
		_, err := io.WriteString(w, markdownTable(metricRows(ms, model.ScriptOriginal)))
		return err
	case "json":
		if ms == nil {
			ms = []model.Metric{}
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(ms)
	}
	return fmt.Errorf("unknown table format %q (want %s)", format, strings.Join(MetricFormats, ", "))
}

// MetricsString is WriteMetrics into a string.
func MetricsString(ms []model.Metric, format string) (string, error) {
	var b strings.Builder
	err := WriteMetrics(&b, ms, format)
	return b.String(), err
}

// metricRows is the header and one row per metric, text in script sc.
func metricRows(ms []model.Metric, sc model.Script) [][]string {
	rows := [][]string{MetricColumns}
	for _, m := range ms {
		rows = append(rows, []string{
			model.Convert(m.Section, sc),
			model.Convert(m.Indicator, sc),
			FormatValue(m),
			model.Convert(m.Unit, sc),
			string(m.Measure),
			model.Convert(m.Period, sc),
			string(m.Status),
			model.Convert(m.Qualifier, sc),
		})
	}
	return rows
}

// FormatValue writes a metric's value as the tables do: model.Metric.ValueText.
func FormatValue(m model.Metric) string { return m.ValueText() }

// tsvField keeps a field on one line and in one column.
func tsvField(s string) string { return oneLine.Replace(s) }

var oneLine = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

// markdownTable lays rows out as a Markdown table whose columns line up in
// a terminal: every cell is padded to its column's width in cells, so CJK
// text (two cells a character) aligns with ASCII. The value column is
// right-aligned. rows[0] is the header.
func markdownTable(rows [][]string) string {
	if len(rows) == 0 {
		return ""
	}
	n := len(rows[0])
	esc := make([][]string, len(rows))
	widths := make([]int, n)
	for i := range widths {
		widths[i] = 3 // the separator's "---"
	}
	for i, row := range rows {
		esc[i] = make([]string, n)
		for j := 0; j < n && j < len(row); j++ {
			c := strings.ReplaceAll(tsvField(row[j]), "|", `\|`)
			esc[i][j] = c
			widths[j] = max(widths[j], cells.Width(c))
		}
	}
	right := func(j int) bool { return j < len(rows[0]) && rows[0][j] == "value" }
	var b strings.Builder
	line := func(row []string) {
		b.WriteString("|")
		for j, c := range row {
			pad := strings.Repeat(" ", widths[j]-cells.Width(c))
			b.WriteString(" ")
			if right(j) {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	line(esc[0])
	b.WriteString("|")
	for j, wd := range widths {
		if right(j) {
			b.WriteString(" " + strings.Repeat("-", wd-1) + ": |")
		} else {
			b.WriteString(" " + strings.Repeat("-", wd) + " |")
		}
	}
	b.WriteString("\n")
	for _, row := range esc[1:] {
		line(row)
	}
	return b.String()
}
