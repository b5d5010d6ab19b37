package main

import (
	"fmt"
	"io"
)

func runMetrics(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "baogao: metrics: not implemented yet")
	return 2
}
