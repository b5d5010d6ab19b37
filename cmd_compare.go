package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"baogao/cells"
	"baogao/model"
	"baogao/parser"
	"baogao/ui"
)

const compareUsage = `Usage: baogao compare [--print] [--format text|tsv|json] A B

Puts two reports side by side (each a file, or - for stdin): sections
paired by kind and topic, and one row per catalogue indicator with both
reports' figures and their difference. A difference is left out, and the
row flagged, when the periods (1-5月 vs 1-6月), statuses (actual vs
target) or units do not match; 期? marks a period stated on one side only.

On a terminal the compare view opens (A left, B right, scrolling
together; g: bar chart of change rates; q quits). With --print, or when
stdout is not a terminal, the metric table and the section pairing are
printed.

Flags:
  -p, --print          print instead of opening the view
  -f, --format FORMAT  text (aligned columns), tsv or json (default text)
      --ambiguous-wide   in the view, draw ambiguous-width characters (“”…—①)
                         two cells wide (default: BAOGAO_AMBIGUOUS_WIDE, else locale)
  -h, --help           show this help
`

var compareFormats = []string{"text", "tsv", "json"}

func runCompare(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var print bool
	var format string
	fset := flag.NewFlagSet("compare", flag.ContinueOnError)
	for _, name := range []string{"print", "p"} {
		fset.BoolVar(&print, name, false, "")
	}
	for _, name := range []string{"format", "f"} {
		fset.StringVar(&format, name, "text", "")
	}
	var wideFlag optionalBool // from cmd_browse.go
	fset.Var(&wideFlag, "ambiguous-wide", "")
	usageErr := func(msg string) int { return usageError(stderr, "compare", msg) }
	files, code, stop := parseArgs(fset, args, compareUsage, stdout, stderr)
	if stop {
		return code
	}
	switch {
	case !slices.Contains(compareFormats, format):
		return usageErr(fmt.Sprintf("unknown format %q (want text, tsv or json)", format))
	case len(files) != 2:
		return usageErr(fmt.Sprintf("want two reports A and B, got %d", len(files)))
	case files[0] == "-" && files[1] == "-":
		return usageErr("only one of A and B can be - (stdin)")
	}

	var sides [2]*model.Report
	for i, f := range files {
		reports, errs := parser.Load([]string{f}, stdin)
		if len(errs) > 0 {
			fmt.Fprintf(stderr, "baogao compare: %v\n", errs[0])
			return 1
		}
		if len(reports) != 1 {
			fmt.Fprintf(stderr, "baogao compare: %s: want one report, found %d\n", f, len(reports))
			return 1
		}
		sides[i] = reports[0]
	}
	c := model.Align(sides[0], sides[1])

	if !print && cmpIsTerminal(stdout) {
		wide := wideFlag.setWidth()
		reexecForWidth(wide, stderr)
		in := stdin
		if f, ok := stdin.(*os.File); !ok || !cmpIsTerminal(f) || files[0] == "-" || files[1] == "-" {
			// A report came from a pipe: read keys from the terminal.
			if tty, err := os.Open("/dev/tty"); err == nil {
				defer tty.Close()
				in = tty
			}
		}
		opts := ui.Options{AmbiguousWide: &wide, NoColor: os.Getenv("NO_COLOR") != "", Input: in, Output: stdout}
		if err := ui.RunCompare(c, opts); err != nil {
			fmt.Fprintf(stderr, "baogao compare: %v\n", err)
			return 1
		}
		return 0
	}

	var err error
	switch format {
	case "json":
		err = writeCompareJSON(stdout, c)
	case "tsv":
		err = writeCompareTSV(stdout, c)
	default:
		err = writeCompareText(stdout, c)
	}
	if err != nil {
		fmt.Fprintf(stderr, "baogao compare: %v\n", err)
		return 1
	}
	return 0
}

// cmpIsTerminal reports whether w is a character device (a terminal).
func cmpIsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// cmpHeading is a section's heading as the pairing shows it; "" for a gap.
func cmpHeading(s *model.Section) string {
	if s == nil {
		return ""
	}
	h := s.Heading()
	if h == "" || h == "*" {
		return "(" + s.Kind.Badge() + ")"
	}
	return h
}

// --- text ---

func writeCompareText(w io.Writer, c model.Comparison) error {
	var b strings.Builder
	fmt.Fprintf(&b, "A: %s\nB: %s\n\n", cmpReportName(c.A), cmpReportName(c.B))

	b.WriteString("指标对照\n")
	header := []string{"指标", "A 数值", "A 增减", "A 期间", "A 状态", "B 数值", "B 增减", "B 期间", "B 状态", "差(数值)", "差(增减)", "标记"}
	rows := [][]string{header}
	for _, r := range c.Rows {
		rows = append(rows, []string{r.Indicator,
			r.A.LevelText(), r.A.ChangeText(), r.A.Period(), r.A.StatusLabel(),
			r.B.LevelText(), r.B.ChangeText(), r.B.Period(), r.B.StatusLabel(),
			r.LevelDiff.Text(), r.ChangeDiff.Text(), r.Flags.Marks()})
	}
	if len(c.Rows) == 0 {
		b.WriteString("(两份报告都没有目录中的指标)\n")
	} else {
		cmpColumns(&b, rows)
	}
	b.WriteString("标记: 期 期间不同  态 状态不同  位 单位不同  范 区间或未知  期? 仅一方注明期间\n\n")

	b.WriteString("章节对照\n")
	const maxHeading = 40
	rows = [][]string{{"类", "主题", "A", "B"}}
	for _, p := range c.Pairs {
		a, bh := "-", "-"
		if p.A != nil {
			a = strings.Repeat("  ", p.DepthA) + cells.Truncate(cmpHeading(p.A), maxHeading, "…")
		}
		if p.B != nil {
			bh = strings.Repeat("  ", p.DepthB) + cells.Truncate(cmpHeading(p.B), maxHeading, "…")
		}
		rows = append(rows, []string{p.Kind.Badge(), p.Topic.Label(), a, bh})
	}
	cmpColumns(&b, rows)
	_, err := io.WriteString(w, b.String())
	return err
}

func cmpReportName(r *model.Report) string {
	if r == nil {
		return "-"
	}
	if r.Meta.Title != "" && r.Meta.Title != r.Path {
		return r.Meta.Title + " (" + r.Path + ")"
	}
	return r.Path
}

// cmpColumns writes rows as columns padded with cells.Width, two spaces
// apart, the last column unpadded.
func cmpColumns(b *strings.Builder, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], cells.Width(cell))
		}
	}
	for _, row := range rows {
		var line strings.Builder
		for i, cell := range row {
			if i == len(row)-1 {
				line.WriteString(cell)
				break
			}
			line.WriteString(cell)
			line.WriteString(strings.Repeat(" ", widths[i]-cells.Width(cell)+2))
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}

// --- tsv ---

// writeCompareTSV writes two tables, each with its header, separated by a
// blank line: the metric rows, then the section pairs.
func writeCompareTSV(w io.Writer, c model.Comparison) error {
	var b strings.Builder
	b.WriteString("indicator_id\tindicator\ta_value\ta_change\ta_period\ta_status\tb_value\tb_change\tb_period\tb_status\tdiff_value\tdiff_change\tflags\n")
	for _, r := range c.Rows {
		fields := []string{r.IndicatorID, r.Indicator,
			r.A.LevelText(), r.A.ChangeText(), r.A.Period(), string(r.A.Status()),
			r.B.LevelText(), r.B.ChangeText(), r.B.Period(), string(r.B.Status()),
			r.LevelDiff.Text(), r.ChangeDiff.Text(), r.Flags.String()}
		b.WriteString(strings.Join(cmpCleanTSV(fields), "\t"))
		b.WriteByte('\n')
	}
	b.WriteString("\nkind\ttopic\ta_depth\ta_label\ta_title\tb_depth\tb_label\tb_title\n")
	for _, p := range c.Pairs {
		fields := []string{p.Kind.String(), p.Topic.String()}
		for _, side := range []struct {
			s     *model.Section
			depth int
		}{{p.A, p.DepthA}, {p.B, p.DepthB}} {
			if side.s == nil {
				fields = append(fields, "", "", "")
				continue
			}
			fields = append(fields, strconv.Itoa(side.depth), side.s.Label, side.s.Title)
		}
		b.WriteString(strings.Join(cmpCleanTSV(fields), "\t"))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func cmpCleanTSV(fields []string) []string {
	r := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	for i, f := range fields {
		fields[i] = r.Replace(f)
	}
	return fields
}

// --- json ---

type cmpJSONSection struct {
	Label string `json:"label"`
	Title string `json:"title"`
	Depth int    `json:"depth"`
}

type cmpJSONPair struct {
	Kind  model.Kind      `json:"kind"`
	Topic model.Topic     `json:"topic"`
	A     *cmpJSONSection `json:"a"`
	B     *cmpJSONSection `json:"b"`
}

type cmpJSONReport struct {
	Path  string `json:"path"`
	Title string `json:"title,omitempty"`
}

func writeCompareJSON(w io.Writer, c model.Comparison) error {
	side := func(s *model.Section, depth int) *cmpJSONSection {
		if s == nil {
			return nil
		}
		return &cmpJSONSection{Label: s.Label, Title: s.Title, Depth: depth}
	}
	report := func(r *model.Report) cmpJSONReport {
		if r == nil {
			return cmpJSONReport{}
		}
		return cmpJSONReport{Path: r.Path, Title: r.Meta.Title}
	}
	out := struct {
		A       cmpJSONReport     `json:"a"`
		B       cmpJSONReport     `json:"b"`
		Metrics []model.MetricRow `json:"metrics"`
		Pairs   []cmpJSONPair     `json:"pairs"`
	}{A: report(c.A), B: report(c.B), Metrics: c.Rows, Pairs: []cmpJSONPair{}}
	if out.Metrics == nil {
		out.Metrics = []model.MetricRow{}
	}
	for _, p := range c.Pairs {
		out.Pairs = append(out.Pairs, cmpJSONPair{Kind: p.Kind, Topic: p.Topic, A: side(p.A, p.DepthA), B: side(p.B, p.DepthB)})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
