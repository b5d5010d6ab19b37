package main

import (
	"fmt"
	"io"
)

func runBrowse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "baogao: browse: not implemented yet")
	return 2
}
