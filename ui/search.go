package ui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"baogao/hanzi"
	"baogao/model"
)

// searchState is the current `/` search over one report.
type searchState struct {
	query    string // folded: simplified, lower case
	matches  []*model.Section
	matchSet map[*model.Section]bool
	index    int
}

// foldQuery is the form both the query and the text are compared in, so
// 經濟 finds 经济 and the other way round.
func foldQuery(s string) string { return strings.ToLower(hanzi.Fold(s)) }

// findSections lists, in document order, the sections whose own heading or
// text contains q (already folded).
func findSections(r *model.Report, q string) []*model.Section {
	if q == "" {
		return nil
	}
	var out []*model.Section
	r.Walk(func(s *model.Section, _ int) bool {
		if strings.Contains(foldQuery(s.Heading()+"\n"+s.Text), q) {
			out = append(out, s)
		}
		return true
	})
	return out
}

// byteRange is a half-open range of bytes in a line.
type byteRange struct {
	start, end int
	style      int // 0 match, 1 repaired
}

// matchRanges finds folded query q in line, comparing character by
// character in folded form, and returns the ranges in line's own bytes.
func matchRanges(line, q string) []byteRange {
	if q == "" || line == "" {
		return nil
	}
	// Fold rune by rune so folded offsets map back to the line.
	var folded strings.Builder
	var back []int // folded byte offset → line byte offset, per folded byte
	for i, r := range line {
		f := foldQuery(string(r))
		folded.WriteString(f)
		for range len(f) {
			back = append(back, i)
		}
	}
	back = append(back, len(line))
	fs := folded.String()
	var out []byteRange
	for from := 0; from < len(fs); {
		k := strings.Index(fs[from:], q)
		if k < 0 {
			break
		}
		s, e := from+k, from+k+len(q)
		end := back[e]
		if e < len(back)-1 && back[e] == back[e-1] {
			// the match ends inside one rune's folded form: take the rune
			_, size := utf8.DecodeRuneInString(line[back[e-1]:])
			end = back[e-1] + size
		}
		out = append(out, byteRange{start: back[s], end: end})
		from = e
	}
	return out
}

// highlight renders line in base style with search matches and repaired
// text marked. Widths are unchanged: only styles are added.
func highlight(line, q string, repaired []string, base lipgloss.Style, st Styles) string {
	ranges := matchRanges(line, q)
	for _, rep := range repaired {
		if rep == "" {
			continue
		}
		for from := 0; ; {
			k := strings.Index(line[from:], rep)
			if k < 0 {
				break
			}
			ranges = append(ranges, byteRange{start: from + k, end: from + k + len(rep), style: 1})
			from += k + len(rep)
		}
	}
	if len(ranges) == 0 {
		return base.Render(line)
	}
	sort.Slice(ranges, func(i, j int) bool { return ranges[i].start < ranges[j].start })
	var b strings.Builder
	pos := 0
	for _, r := range ranges {
		if r.start < pos {
			continue // overlapping: the first one wins
		}
		if r.start > pos {
			b.WriteString(base.Render(line[pos:r.start]))
		}
		s := st.Match
		if r.style == 1 {
			s = st.Repaired
		}
		b.WriteString(s.Render(line[r.start:r.end]))
		pos = r.end
	}
	if pos < len(line) {
		b.WriteString(base.Render(line[pos:]))
	}
	return b.String()
}
