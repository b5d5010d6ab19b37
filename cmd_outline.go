package main

import (
	"fmt"
	"io"
)

func runOutline(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "baogao: outline: not implemented yet")
	return 2
}
