package main

import (
	"fmt"
	"io"
)

func runExport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "baogao: export: not implemented yet")
	return 2
}
