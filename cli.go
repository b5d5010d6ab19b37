package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// parseArgs parses a subcommand's flags, which may stand before, between
// or after its positional arguments, and returns those arguments. --help
// prints usage to stdout and stops with 0; a bad flag prints one line to
// stderr and stops with 2.
func parseArgs(fset *flag.FlagSet, args []string, usage string, stdout, stderr io.Writer) (positional []string, code int, stop bool) {
	fset.SetOutput(io.Discard)
	for {
		if err := fset.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, usage)
				return nil, 0, true
			}
			return nil, usageError(stderr, fset.Name(), err.Error()), true
		}
		args = fset.Args()
		if len(args) == 0 {
			return positional, 0, false
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// usageError reports a misused command in one line and returns exit code 2.
func usageError(stderr io.Writer, cmd, msg string) int {
	fmt.Fprintf(stderr, "baogao %s: %s (see baogao %s --help)\n", cmd, msg, cmd)
	return 2
}
