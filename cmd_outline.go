package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"baogao/model"
	"baogao/parser"
)

const outlineUsage = `Usage: baogao outline [--format tsv|json] [FILE|DIR|-]...

Prints each report's section tree, one section a line: kind TAB label TAB
title, two spaces of indent per level, titles in simplified Chinese. With
several reports, a "# path" line comes before each. json gives the full
tree with body text, metadata and repaired spans.

Flags:
      --format FORMAT  tsv (default) or json
  -h, --help           show this help
`

func runOutline(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("outline", flag.ContinueOnError)
	format := fs.String("format", "tsv", "")
	inputs, code, stop := parseArgs(fs, args, outlineUsage, stdout, stderr)
	if stop {
		return code
	}
	if *format != "tsv" && *format != "json" {
		return usageError(stderr, "outline", fmt.Sprintf("unknown format %q (want tsv or json)", *format))
	}
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	load := parser.LoadTrees // the tsv outline prints no metrics
	if *format == "json" {
		load = parser.Load
	}
	reports, errs := load(inputs, stdin)
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
