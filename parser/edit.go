package parser

import (
	"sort"
	"strings"

	"baogao/model"
)

// An edit replaces text[start:end] with repl. Every normalization stage
// expresses its changes as edits so the spans recorded by earlier stages can
// be carried through to the final text.
type edit struct {
	start, end int
	repl       string
	kind       model.SpanKind
}

// applyEdits applies non-overlapping edits to text, maps the earlier spans
// onto the new text, and records one new span per edit.
func applyEdits(text string, edits []edit, spans []model.Span) (string, []model.Span) {
	if len(edits) == 0 {
		return text, spans
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	kept := edits[:0]
	for _, e := range edits {
		if e.start < last { // overlapping: the earlier edit wins
			continue
		}
		kept = append(kept, e)
		last = e.end
	}
	edits = kept
	// cum[k] is the length change made by the first k edits; ends are
	// sorted because edits are sorted and do not overlap.
	cum := make([]int, len(edits)+1)
	for i, e := range edits {
		cum[i+1] = cum[i] + len(e.repl) - (e.end - e.start)
	}
	// newPos maps an offset in text to the output; an offset inside an
	// edited range maps to the range's start, or its end for span ends.
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
	out := make([]model.Span, 0, len(spans)+len(edits))
	for _, s := range spans {
		s.Start, s.End = newPos(s.Start, false), newPos(s.End, true)
		out = append(out, s)
	}
	last = 0
	for _, e := range edits {
		b.WriteString(text[last:e.start])
		start := b.Len()
		b.WriteString(e.repl)
		out = append(out, model.Span{Start: start, End: b.Len(), Kind: e.kind, Original: text[e.start:e.end]})
		last = e.end
	}
	b.WriteString(text[last:])
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return b.String(), out
}
