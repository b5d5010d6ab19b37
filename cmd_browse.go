package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"syscall"

	"github.com/charmbracelet/x/term"

	"baogao/cells"
	"baogao/model"
	"baogao/parser"
	"baogao/samples"
	"baogao/ui"
)

const browseUsage = `Usage: baogao [--ambiguous-wide[=true|false]] [FILE|DIR|-]...

Browse reports; with no arguments, the embedded samples.
When standard output is not a terminal, prints the outline instead.

Flags:
  --ambiguous-wide   draw ambiguous-width characters (“”…—①) two cells wide
                     (default: the locale decides; env BAOGAO_AMBIGUOUS_WIDE=1/0)
  -h, --help         show this help
`

func runBrowse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("baogao", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, browseUsage) }
	var wideFlag optionalBool
	fs.Var(&wideFlag, "ambiguous-wide", "")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			fmt.Fprint(stdout, browseUsage)
			return 0
		}
		return 2
	}

	wide := wideFlag.setWidth()

	var reports []*model.Report
	if fs.NArg() == 0 {
		for _, f := range samples.All() {
			r, err := parser.Parse(f.Name, f.Data)
			if err != nil {
				fmt.Fprintf(stderr, "baogao: %s: %v\n", f.Name, err)
				continue
			}
			reports = append(reports, r)
		}
	} else {
		var errs []error
		reports, errs = parser.Load(fs.Args(), stdin)
		for _, err := range errs {
			fmt.Fprintf(stderr, "baogao: %v\n", err)
		}
	}
	if len(reports) == 0 {
		fmt.Fprintln(stderr, "baogao: no report loaded")
		return 1
	}

	out, isFile := stdout.(*os.File)
	if !isFile || !term.IsTerminal(out.Fd()) {
		printOutline(stdout, reports, len(reports) > 1)
		return 0
	}
	reexecForWidth(wide, stderr)
	in := stdin
	if f, ok := stdin.(*os.File); ok && !term.IsTerminal(f.Fd()) {
		// The reports came from a pipe: read keys from the terminal.
		if tty, err := os.Open("/dev/tty"); err == nil {
			defer tty.Close()
			in = tty
		}
	}
	if err := ui.Run(reports, ui.Options{AmbiguousWide: &wide, NoColor: os.Getenv("NO_COLOR") != "", Input: in, Output: stdout}); err != nil {
		fmt.Fprintf(stderr, "baogao: %v\n", err)
		return 1
	}
	return 0
}

// reexecForWidth restarts the program when bubbletea's renderer would count
// ambiguous-width characters differently from the layout. The renderer
// (charmbracelet/x/ansi) reads RUNEWIDTH_EASTASIAN once, at start-up, so
// the only way to change its mind is a fresh process with that variable.
func reexecForWidth(wide bool, stderr io.Writer) {
	if ui.RendererWide() == wide || os.Getenv("BAOGAO_REEXEC") != "" {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		return
	}
	env := append(os.Environ(), "BAOGAO_REEXEC=1", "RUNEWIDTH_EASTASIAN="+map[bool]string{true: "1", false: "0"}[wide])
	if err := syscall.Exec(exe, os.Args, env); err != nil {
		fmt.Fprintf(stderr, "baogao: cannot restart for ambiguous width (%v); layout may shift\n", err)
	}
}

// optionalBool is a boolean flag that knows whether it was given.
type optionalBool struct{ set, value bool }

// setWidth decides whether ambiguous-width characters take two cells (the
// terminal's guess, then $BAOGAO_AMBIGUOUS_WIDE, then the
// --ambiguous-wide flag b), makes it the default and returns it.
func (b optionalBool) setWidth() bool {
	wide := cells.Detect()
	if v, err := strconv.ParseBool(os.Getenv("BAOGAO_AMBIGUOUS_WIDE")); err == nil {
		wide = v
	}
	if b.set {
		wide = b.value
	}
	cells.SetDefault(wide)
	return wide
}

func (b *optionalBool) String() string   { return strconv.FormatBool(b.value) }
func (b *optionalBool) IsBoolFlag() bool { return true }
func (b *optionalBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	b.set, b.value = true, v
	return nil
}
