package parser

import (
	"math/rand"
	"slices"
	"sort"
	"testing"

	"baogao/model"
)

// sortSpans and mergeSpans must order spans exactly as a stable sort by
// start does, whether or not their two runs come sorted.
func TestSortSpansIsStableSort(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 2000; round++ {
		n := rng.Intn(12)
		spans := make([]model.Span, n)
		for i := range spans {
			spans[i] = model.Span{Start: rng.Intn(8), End: i} // End tells equal starts apart
		}
		k := 0
		if n > 0 {
			k = rng.Intn(n + 1)
		}
		if rng.Intn(2) == 0 { // mostly sorted runs, as applyEdits makes them
			sort.SliceStable(spans[:k], func(i, j int) bool { return spans[i].Start < spans[j].Start })
			sort.SliceStable(spans[k:], func(i, j int) bool { return spans[k+i].Start < spans[k+j].Start })
		}
		want := slices.Clone(spans)
		sort.SliceStable(want, func(i, j int) bool { return want[i].Start < want[j].Start })
		if got := sortSpans(slices.Clone(spans), k); !slices.Equal(got, want) {
			t.Fatalf("sortSpans(%v, %d) = %v, want %v", spans, k, got, want)
		}
		carried := func(i int) model.Span { return spans[i] }
		added := func(j int) model.Span { return spans[k+j] }
		if got := mergeSpans(k, carried, n-k, added); !slices.Equal(got, want) {
			t.Fatalf("mergeSpans(%v, %d) = %v, want %v", spans, k, got, want)
		}
	}
}
