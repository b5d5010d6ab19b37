// Package seeds gives tests the seed reports in ../shared/seeds, beside
// the module, and their hand-made answers in ../shared/gold. Tests that
// need them skip, with a message, where they are absent.
package seeds

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// shared is ../shared seen from the module root, found from this file so
// that tests in every package, at any depth, agree on it.
var shared = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
}()

// Dir holds the seed reports.
func Dir() string { return filepath.Join(shared, "seeds") }

// GoldDir holds the expected outlines and metrics.
func GoldDir() string { return filepath.Join(shared, "gold") }

// Paths lists the seed reports in name order; it skips tb when there are
// none.
func Paths(tb testing.TB) []string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(Dir(), "*.txt"))
	if len(paths) == 0 {
		tb.Skipf("no seed reports in %s: skipping", Dir())
	}
	return paths
}

// Path is the seed whose name starts with prefix and "_" ("000"); it
// skips tb when there is none.
func Path(tb testing.TB, prefix string) string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(Dir(), prefix+"_*.txt"))
	if len(paths) != 1 {
		tb.Skipf("seed %s not found in %s: skipping", prefix, Dir())
	}
	return paths[0]
}

// Read returns a seed file's bytes, failing tb when it cannot be read.
func Read(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// Parse runs parse over every seed (path and bytes), failing tb on an
// error. It is generic so that packages the parser imports can use it too.
func Parse[T any](tb testing.TB, parse func(path string, data []byte) (T, error)) []T {
	tb.Helper()
	var out []T
	for _, p := range Paths(tb) {
		r, err := parse(p, Read(tb, p))
		if err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		out = append(out, r)
	}
	return out
}
