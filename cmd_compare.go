package main

import (
	"fmt"
	"io"
)

func runCompare(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "baogao: compare: not implemented yet")
	return 2
}
