// Command baogao is a terminal browser for Chinese government work reports.
package main

import (
	"fmt"
	"io"
	"os"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

const usage = `baogao — a terminal browser for Chinese government work reports

Usage:
  baogao [flags] [FILE|DIR|-]...        browse reports (the embedded samples when none given)
  baogao outline [--format tsv|json] [FILE|DIR|-]...
  baogao metrics [--format tsv|csv|json] [FILE|DIR|-]...
  baogao export --section PATH [--format txt|md|json|tsv|csv] [-o FILE] [--force] REPORT
  baogao compare [--print] [--format text|tsv|json] A B

Flags:
  -h, --help        show this help
  -v, --version     show the version

Run "baogao COMMAND --help" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "-h", "--help", "help":
			fmt.Fprint(stdout, usage)
			return 0
		case "-v", "--version", "version":
			fmt.Fprintln(stdout, "baogao", version)
			return 0
		case "outline":
			return runOutline(args[1:], stdin, stdout, stderr)
		case "metrics":
			return runMetrics(args[1:], stdin, stdout, stderr)
		case "export":
			return runExport(args[1:], stdin, stdout, stderr)
		case "compare":
			return runCompare(args[1:], stdin, stdout, stderr)
		}
	}
	return runBrowse(args, stdin, stdout, stderr)
}
