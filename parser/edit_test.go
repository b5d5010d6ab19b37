package parser

import (
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"baogao/model"
)

// sortSpans must order spans exactly as a stable sort by start does,
// whether or not its two runs come sorted.
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
	}
}

// applyEditsReference is applyEdits as first written: a search per span
// position and a stable sort of all spans.
func applyEditsReference(text string, edits []edit, spans []model.Span) (string, []model.Span) {
	if len(edits) == 0 {
		return text, spans
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	last := 0
	kept := edits[:0]
	for _, e := range edits {
		if e.start < last {
			continue
		}
		kept = append(kept, e)
		last = e.end
	}
	edits = kept
	cum := make([]int, len(edits)+1)
	for i, e := range edits {
		cum[i+1] = cum[i] + len(e.repl) - (e.end - e.start)
	}
	newPos := func(p int, isEnd bool) int {
		k := sort.Search(len(edits), func(i int) bool { return edits[i].end > p })
		if k < len(edits) && edits[k].start < p {
			if isEnd {
				return edits[k].start + cum[k] + len(edits[k].repl)
			}
			return edits[k].start + cum[k]
		}
		return p + cum[k]
	}
	var out []model.Span
	for _, s := range spans {
		s.Start, s.End = newPos(s.Start, false), newPos(s.End, true)
		out = append(out, s)
	}
	last = 0
	for _, e := range edits {
		b.WriteString(text[last:e.start])
		start := b.Len()
		b.WriteString(e.repl)
		out = append(out, model.Span{Start: start, End: b.Len(), Kind: e.kind.model(), Original: text[e.start:e.end]})
		last = e.end
	}
	b.WriteString(text[last:])
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return b.String(), out
}

// applyEdits must give what the reference gives, for sorted and unsorted
// edits and spans, overlapping edits and long spans.
func TestApplyEditsMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for round := 0; round < 3000; round++ {
		text := strings.Repeat("abcdefghij", 1+rng.Intn(8))
		var edits []edit
		for i := rng.Intn(30); i > 0; i-- {
			s := rng.Intn(len(text) + 1)
			e := s + rng.Intn(4)
			if e > len(text) {
				e = len(text)
			}
			edits = append(edits, edit{start: s, end: e, repl: strings.Repeat("x", rng.Intn(3)), kind: kindSpace})
		}
		if rng.Intn(2) == 0 {
			sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
		}
		var spans []model.Span
		for i := rng.Intn(30); i > 0; i-- {
			s := rng.Intn(len(text) + 1)
			e := s + rng.Intn(len(text)-s+1)
			if rng.Intn(3) > 0 {
				e = s + rng.Intn(min(6, len(text)-s+1))
			}
			spans = append(spans, model.Span{Start: s, End: e, Kind: model.SpanPinyin, Original: fmt.Sprint(i)})
		}
		if rng.Intn(3) > 0 {
			sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
		}
		wantText, want := applyEditsReference(text, slices.Clone(edits), slices.Clone(spans))
		gotText, got := applyEdits(text, slices.Clone(edits), slices.Clone(spans))
		if gotText != wantText || !slices.Equal(got, want) {
			t.Fatalf("applyEdits(%q, %v, %v) = %q %v, want %q %v", text, edits, spans, gotText, got, wantText, want)
		}
	}
}

// Spans built once after several stages must be those applyEdits gives
// run stage by stage.
func TestBuildSpansMatchesStageByStage(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for round := 0; round < 3000; round++ {
		text := strings.Repeat("abcdefghij", 1+rng.Intn(8))
		n := normalized{text: text}
		var want []model.Span
		for range 1 + rng.Intn(len(n.stages)) {
			var edits []edit
			for i := rng.Intn(12); i > 0; i-- {
				s := rng.Intn(len(n.text) + 1)
				e := min(s+rng.Intn(4), len(n.text))
				edits = append(edits, edit{start: s, end: e, repl: strings.Repeat("x", rng.Intn(3)), kind: spanKind(rng.Intn(len(spanKinds)))})
			}
			text, want = applyEdits(text, slices.Clone(edits), want)
			n.applyNoHan(edits)
		}
		n.buildSpans()
		if n.text != text || !slices.Equal(n.spans, want) {
			t.Fatalf("round %d: staged %q %v, want %q %v", round, n.text, n.spans, text, want)
		}
	}
}

// normalize appends edits to an array a pool keeps from report to report:
// what a report normalizes to must not depend on what came before it.
func TestNormalizeReusesEditsCleanly(t *testing.T) {
	var texts []decoded
	for _, f := range seedFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := decode(f, data)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, d)
	}
	first := make([]normalized, len(texts))
	for i, d := range texts {
		first[i] = normalize(d)
	}
	for round := range 2 {
		for k := range texts {
			i := k
			if round == 0 {
				i = len(texts) - 1 - k
			}
			if got := normalize(texts[i]); !reflect.DeepEqual(got, first[i]) {
				t.Fatalf("seed %d normalizes otherwise after others (round %d)", i, round)
			}
		}
	}
}

// A reading may run to 24 bytes before its last rune and closing
// parenthesis, no further.
func TestPinyinReadingLength(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"国(ā" + strings.Repeat("a", 23) + ")家", "国家"},
		{"国(ā" + strings.Repeat("a", 24) + ")家", "国(ā" + strings.Repeat("a", 24) + ")家"},
		{"国(" + strings.Repeat("a", 23) + "ā)家", "国家"},
		{"国()家", "国()家"},
		{"国(guó", "国(guó"},
	} {
		if got, _ := applyEdits(tt.in, pinyinEdits(tt.in), nil); got != tt.want {
			t.Errorf("pinyinEdits(%q) makes %q, want %q", tt.in, got, tt.want)
		}
	}
}
