package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"baogao/model"
	"baogao/parser"
)

func runOutline(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("outline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "tsv", "output format: tsv or json")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: baogao outline [--format tsv|json] [FILE|DIR|-]...")
		fmt.Fprintln(stderr, "Prints each report's section tree: kind, label and title, two spaces of indent per level.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if *format != "tsv" && *format != "json" {
		fmt.Fprintf(stderr, "baogao outline: unknown format %q (want tsv or json)\n", *format)
		return 2
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	reports, errs := parser.Load(inputs, stdin)
	for _, err := range errs {
		fmt.Fprintln(stderr, "baogao:", err)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if len(reports) == 1 && len(inputs) == 1 {
			enc.Encode(reports[0])
		} else {
			enc.Encode(reports)
		}
	} else {
		printOutline(stdout, reports, len(inputs) > 1 || len(reports) > 1)
	}
	if len(errs) > 0 {
		return 1
	}
	return 0
}

// printOutline writes reports in the gold outline format; with several
// reports, a "# path" line comes before each.
func printOutline(w io.Writer, reports []*model.Report, withPaths bool) {
	for _, r := range reports {
		if withPaths {
			fmt.Fprintf(w, "# %s\n", r.Path)
		}
		model.WriteOutline(w, r)
	}
}
