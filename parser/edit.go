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
	return applyPrepared(text, prepareEdits(edits), spans)
}

// prepareEdits sorts edits by start, stably, and drops those that overlap
// an earlier one, in place: it returns the edits applyEdits applies.
func prepareEdits(edits []edit) []edit {
	if !sort.SliceIsSorted(edits, func(i, j int) bool { return edits[i].start < edits[j].start }) {
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	}
	return dropOverlaps(edits)
}

// applyPrepared is applyEdits for edits prepareEdits returned.
func applyPrepared(text string, edits []edit, spans []model.Span) (string, []model.Span) {
	if len(edits) == 0 {
		return text, spans
	}
	var b strings.Builder
	b.Grow(len(text))
	// cum[k] is the length change made by the first k edits; ends are
	// sorted because edits are sorted and do not overlap.
	cum := make([]int, len(edits)+1)
	for i, e := range edits {
		cum[i+1] = cum[i] + len(e.repl) - (e.end - e.start)
	}
	mapSpans(spans, edits, cum)
	// The span of edit j starts where the text before it ends up.
	added := make([]model.Span, len(edits), len(edits)+len(edits)/2) // room for later stages
	for j, e := range edits {
		start := e.start + cum[j]
		added[j] = model.Span{Start: start, End: start + len(e.repl), Kind: e.kind, Original: text[e.start:e.end]}
	}
	last := 0
	for _, e := range edits {
		b.WriteString(text[last:e.start])
		b.WriteString(e.repl)
		last = e.end
	}
	b.WriteString(text[last:])
	return b.String(), mergeSpans(spans, added)
}

// mapSpans maps the carried spans, in place, onto the text edits make:
// an offset inside an edited range goes to the range's start, or to its
// end for a span's end. cum[k] is the length change of the first k edits.
// Spans come sorted by start, so one cursor finds, for every start, the
// first edit ending after it, and a short walk on from there does for the
// end; a span that starts before the one before it sends the cursor back.
func mapSpans(spans []model.Span, edits []edit, cum []int) {
	k, last := 0, 0
	for i := range spans {
		sp := &spans[i]
		if sp.Start < last {
			k = 0
		}
		last = sp.Start
		for k < len(edits) && edits[k].end <= sp.Start {
			k++
		}
		j := k
		for j < len(edits) && edits[j].end <= sp.End {
			j++
		}
		if k < len(edits) && edits[k].start < sp.Start {
			sp.Start = edits[k].start + cum[k]
		} else {
			sp.Start += cum[k]
		}
		if j < len(edits) && edits[j].start < sp.End {
			sp.End = edits[j].start + cum[j] + len(edits[j].repl)
		} else {
			sp.End += cum[j]
		}
	}
}

// dropOverlaps drops, in place, the sorted edits that overlap an earlier
// one: the earlier edit wins. Edits without overlaps, the usual case, are
// returned as they are rather than copied onto themselves.
func dropOverlaps(edits []edit) []edit {
	last := 0
	for i, e := range edits {
		if e.start < last {
			kept := edits[:i]
			for _, e := range edits[i+1:] {
				if e.start >= last {
					kept = append(kept, e)
					last = e.end
				}
			}
			return kept
		}
		last = e.end
	}
	return edits
}

// mergeSpans lists the carried and added spans sorted by start, stably,
// carried ones first. It merges from the back into carried's array when it
// has room (and leaves room for the next stage when it has not); when a
// list comes unsorted it sorts them all.
func mergeSpans(carried, added []model.Span) []model.Span {
	n, m := len(carried), len(added)
	if n == 0 {
		if !spansSorted(added) {
			return sortSpans(added, 0)
		}
		return added
	}
	out := carried
	if cap(out) < n+m {
		out = make([]model.Span, n, n+m+(n+m)/2)
		copy(out, carried)
	}
	out = out[:n+m]
	if !spansSorted(carried) || !spansSorted(added) {
		copy(out[n:], added)
		return sortSpans(out, n)
	}
	// From the back: on equal starts the added span goes after.
	i, w := n-1, n+m-1
	for j := m - 1; j >= 0; w-- {
		if i >= 0 && out[i].Start > added[j].Start {
			out[w] = out[i]
			i--
		} else {
			out[w] = added[j]
			j--
		}
	}
	return out
}

func spansSorted(s []model.Span) bool {
	for i := 1; i < len(s); i++ {
		if s[i].Start < s[i-1].Start {
			return false
		}
	}
	return true
}

// sortSpans sorts spans by start, stably. The first k (the carried spans)
// and the rest (the new ones) usually come sorted each, and then a merge
// does what a stable sort would.
func sortSpans(out []model.Span, k int) []model.Span {
	less := func(a, b model.Span) bool { return a.Start < b.Start }
	sorted := func(s []model.Span) bool {
		for i := 1; i < len(s); i++ {
			if less(s[i], s[i-1]) {
				return false
			}
		}
		return true
	}
	carried, added := out[:k], out[k:]
	switch {
	case len(carried) == 0 || len(added) == 0 || !less(added[0], carried[len(carried)-1]):
		if sorted(carried) && sorted(added) {
			return out
		}
	case sorted(carried) && sorted(added):
		merged := make([]model.Span, 0, len(out))
		i, j := 0, 0
		for i < len(carried) && j < len(added) {
			if less(added[j], carried[i]) {
				merged = append(merged, added[j])
				j++
			} else {
				merged = append(merged, carried[i])
				i++
			}
		}
		merged = append(merged, carried[i:]...)
		return append(merged, added[j:]...)
	}
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}
