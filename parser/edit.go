package parser

import (
	"slices"
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
	kind       spanKind
}

// spanKind is a model.SpanKind as a small number, which keeps edits, of
// which a report full of readings has thousands, a third smaller.
type spanKind uint8

const (
	kindPinyin spanKind = iota
	kindMojibake
	kindDebris
	kindSpace
	kindJoin
	kindMarkup
)

var spanKinds = [...]model.SpanKind{
	kindPinyin:   model.SpanPinyin,
	kindMojibake: model.SpanMojibake,
	kindDebris:   model.SpanDebris,
	kindSpace:    model.SpanSpace,
	kindJoin:     model.SpanJoin,
	kindMarkup:   model.SpanMarkup,
}

func (k spanKind) model() model.SpanKind { return spanKinds[k] }

// applyEdits applies non-overlapping edits to text, maps the earlier spans
// onto the new text, and records one new span per edit.
func applyEdits(text string, edits []edit, spans []model.Span) (string, []model.Span) {
	return applyPrepared(text, prepareEdits(edits), spans)
}

// prepareEdits sorts edits by start, stably, and drops those that overlap
// an earlier one, in place: it returns the edits applyEdits applies.
func prepareEdits(edits []edit) []edit {
	for i := 1; i < len(edits); i++ { // they nearly always come sorted
		if edits[i].start < edits[i-1].start {
			sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
			break
		}
	}
	return dropOverlaps(edits)
}

// applyPrepared is applyEdits for edits prepareEdits returned.
func applyPrepared(text string, edits []edit, spans []model.Span) (string, []model.Span) {
	if len(edits) == 0 {
		return text, spans
	}
	return applyText(text, edits), addSpans(slices.Grow(spans, len(edits)), text, edits)
}

// delta is how much e changes the text's length.
func (e *edit) delta() int { return len(e.repl) - (e.end - e.start) }

// applyText is the text prepared edits make of text.
func applyText(text string, edits []edit) string {
	if len(edits) == 0 {
		return text
	}
	size := len(text)
	for i := range edits {
		size += edits[i].delta()
	}
	var b strings.Builder
	b.Grow(size)
	last := 0
	for _, e := range edits {
		b.WriteString(text[last:e.start])
		if e.repl != "" { // most edits only remove
			b.WriteString(e.repl)
		}
		last = e.end
	}
	b.WriteString(text[last:])
	return b.String()
}

// addSpans maps spans onto the text prepared edits make of text and adds
// one span per edit, in spans' array, which must have room for them.
func addSpans(spans []model.Span, text string, edits []edit) []model.Span {
	mapSpans(spans, edits)
	n, m := len(spans), len(edits)
	out := spans[:n+m]
	// The span of an edit starts where the text before it ends up: at its
	// start moved by the length change cum of the edits before it. These
	// starts come sorted, as edits are sorted and do not overlap.
	cum := 0
	for i := range edits {
		cum += edits[i].delta()
	}
	added := func(j int) model.Span {
		e := &edits[j]
		cum -= e.delta() // now that of edits[:j], walking back from the end
		start := e.start + cum
		return model.Span{Start: start, End: start + len(e.repl), Kind: e.kind.model(), Original: text[e.start:e.end]}
	}
	if !spansSorted(spans) {
		for j := m - 1; j >= 0; j-- {
			out[n+j] = added(j)
		}
		return sortSpans(out, n)
	}
	// Merge from the back: on equal starts the added span goes after.
	i, w := n-1, n+m-1
	for j := m - 1; j >= 0; j-- {
		a := added(j)
		for ; i >= 0 && out[i].Start > a.Start; i, w = i-1, w-1 {
			out[w] = out[i]
		}
		out[w] = a
		w--
	}
	return out
}

// mapSpans maps the carried spans, in place, onto the text edits make:
// an offset inside an edited range goes to the range's start, or to its
// end for a span's end. Spans come sorted by start, so one cursor finds,
// for every start, the first edit ending after it, and a short walk on
// from there does for the end, each summing the length change of the
// edits it passes; a span that starts before the one before it sends the
// cursor back.
func mapSpans(spans []model.Span, edits []edit) {
	k, ck, last := 0, 0, 0 // ck is the length change of edits[:k]
	for i := range spans {
		sp := &spans[i]
		if sp.Start < last {
			k, ck = 0, 0
		}
		last = sp.Start
		for ; k < len(edits) && edits[k].end <= sp.Start; k++ {
			ck += edits[k].delta()
		}
		j, cj := k, ck
		for ; j < len(edits) && edits[j].end <= sp.End; j++ {
			cj += edits[j].delta()
		}
		if k < len(edits) && edits[k].start < sp.Start {
			sp.Start = edits[k].start + ck
		} else {
			sp.Start += ck
		}
		if j < len(edits) && edits[j].start < sp.End {
			sp.End = edits[j].start + cj + len(edits[j].repl)
		} else {
			sp.End += cj
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
