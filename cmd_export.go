package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"baogao/export"
	"baogao/model"
	"baogao/parser"
)

const exportUsage = `Usage: baogao export --section PATH [--format txt|md|json|tsv|csv] [--script S] [-o FILE] [--force] REPORT

Writes one section of REPORT (a file, or - for stdin) to stdout or FILE.

PATH is a label path such as "二/(三)" or "一/1/进展情况" (full-width
parentheses and traditional characters are fine), or else a piece of a
section title. A PATH that matches several sections lists them and exits 1.

Formats: txt (the section as the reader shows it), md (Markdown with its
metric table), json (the section tree), tsv and csv (its metric table).

Flags:
  -s, --section PATH   the section to export (required)
  -f, --format FORMAT  txt, md, json, tsv or csv (default txt)
      --script S       txt and md in original (default), simplified or
                       traditional characters; json is always the original
  -o, --output FILE    write to FILE instead of stdout ("-" is stdout)
      --force          overwrite FILE if it exists
  -h, --help           show this help
`

type exportOptions struct {
	section, format, output string
	force                   bool
	script                  model.Script
}

func runExport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var opt exportOptions
	fset := flag.NewFlagSet("export", flag.ContinueOnError)
	for _, name := range []string{"section", "s"} {
		fset.StringVar(&opt.section, name, "", "")
	}
	for _, name := range []string{"format", "f"} {
		fset.StringVar(&opt.format, name, "txt", "")
	}
	for _, name := range []string{"output", "o"} {
		fset.StringVar(&opt.output, name, "", "")
	}
	fset.BoolVar(&opt.force, "force", false, "")
	script := fset.String("script", "original", "")
	usageErr := func(msg string) int { return usageError(stderr, "export", msg) }
	positional, code, stop := parseArgs(fset, args, exportUsage, stdout, stderr)
	if stop {
		return code
	}
	switch {
	case opt.section == "":
		return usageErr("--section PATH is required")
	case !slices.Contains(export.SectionFormats, opt.format):
		return usageErr(fmt.Sprintf("unknown format %q (want txt, md, json, tsv or csv)", opt.format))
	case len(positional) == 0:
		return usageErr("no REPORT given")
	case !parseScript(*script, &opt.script):
		return usageErr(fmt.Sprintf("unknown script %q (want original, simplified or traditional)", *script))
	case len(positional) > 1:
		return usageErr(fmt.Sprintf("one REPORT at a time (got %d)", len(positional)))
	}

	// Refuse early, before parsing, when the output exists; the write
	// (export.WriteFile) checks again without a race.
	if opt.output != "" && opt.output != "-" && !opt.force {
		if _, err := os.Lstat(opt.output); err == nil {
			fmt.Fprintf(stderr, "baogao export: %s exists (use --force to overwrite)\n", opt.output)
			return 1
		}
	}

	reports, errs := parser.Load(positional, stdin)
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "baogao export: %v\n", errs[0])
		return 1
	}
	return exportReport(reports[0], opt, stdout, stderr)
}

// exportReport finds the section and writes it; split from runExport so it
// can be tested on a hand-built report.
func exportReport(r *model.Report, opt exportOptions, stdout, stderr io.Writer) int {
	hits, err := export.Find(r, opt.section)
	if err != nil {
		fmt.Fprintf(stderr, "baogao export: %s: %v\n", r.Path, err)
		return 1
	}
	if len(hits) > 1 {
		fmt.Fprintf(stderr, "baogao export: %q matches %d sections; give one of these paths:\n", opt.section, len(hits))
		for _, s := range hits {
			fmt.Fprintf(stderr, "%s\t%s\n", export.Path(r, s), s.Heading())
		}
		return 1
	}
	var b strings.Builder
	if err := export.WriteSection(&b, r, hits[0], opt.format, opt.script); err != nil {
		fmt.Fprintf(stderr, "baogao export: %v\n", err)
		return 1
	}
	if opt.output == "" || opt.output == "-" {
		if _, err := io.WriteString(stdout, b.String()); err != nil {
			fmt.Fprintf(stderr, "baogao export: %v\n", err)
			return 1
		}
		return 0
	}
	if err := export.WriteFile(opt.output, []byte(b.String()), opt.force); err != nil {
		fmt.Fprintf(stderr, "baogao export: %v\n", err)
		return 1
	}
	return 0
}

func parseScript(name string, sc *model.Script) bool {
	switch name {
	case "original", "orig", "原文":
		*sc = model.ScriptOriginal
	case "simplified", "simp", "简体":
		*sc = model.ScriptSimplified
	case "traditional", "trad", "繁體", "繁体":
		*sc = model.ScriptTraditional
	default:
		return false
	}
	return true
}
