package ui

import (
	"strings"

	"baogao/model"
)

// readerLine is one wrapped line of a section's text.
type readerLine struct {
	text    string
	heading bool // part of a section heading
}

// readerModel is the text pane: the selected section's SectionText,
// wrapped to the pane and scrolled.
type readerModel struct {
	sec    *model.Section
	script model.Script
	width  int
	lines  []readerLine
	offset int
	height int
}

// setSection shows s (re-wrapping only when something changed).
func (r *readerModel) setSection(a *Model, s *model.Section, width int) {
	if s == r.sec && a.script == r.script && width == r.width && r.lines != nil {
		return
	}
	if s != r.sec {
		r.offset = 0
	}
	r.sec, r.script, r.width = s, a.script, width
	r.lines = r.lines[:0]
	if s == nil || width <= 0 {
		return
	}
	headings := map[string]bool{}
	s.Walk(0, func(x *model.Section, _ int) bool {
		if h := x.Heading(); h != "" && h != "*" {
			headings[model.Convert(h, a.script)] = true
		}
		return true
	})
	text := strings.ReplaceAll(model.SectionText(s, a.script), "\t", "    ")
	for _, para := range strings.Split(text, "\n") {
		isHeading := headings[para]
		for _, l := range a.measure.Wrap(para, width) {
			r.lines = append(r.lines, readerLine{text: l, heading: isHeading})
		}
	}
	r.clamp()
}

func (r *readerModel) scroll(n int) {
	r.offset += n
	r.clamp()
}

func (r *readerModel) clamp() {
	r.offset = max(0, min(r.offset, len(r.lines)-max(1, r.height)))
}

// lineOf is the first wrapped line holding folded query q, or -1.
func (r *readerModel) lineOf(q string) int {
	for i, l := range r.lines {
		if len(matchRanges(l.text, q)) > 0 {
			return i
		}
	}
	return -1
}

// view renders the visible lines with a one-cell margin each side.
func (r *readerModel) view(a *Model, w, h int) []string {
	r.height = h
	r.clamp()
	m, st := a.measure, a.styles
	lines := make([]string, 0, h)
	repaired := a.repairedIn(r.sec)
	for i := r.offset; i < len(r.lines) && len(lines) < h; i++ {
		l := r.lines[i]
		base := st.Text
		if l.heading {
			base = st.Heading
		}
		body := highlight(l.text, a.search.query, repaired, base, st)
		pad := w - 1 - m.Width(l.text)
		lines = append(lines, " "+body+strings.Repeat(" ", max(0, pad)))
	}
	if len(r.lines) == 0 {
		lines = append(lines, m.Pad(" (no text)", w))
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines
}

// percent is how far the reader has scrolled, for the pane title.
func (r *readerModel) percent() int {
	if len(r.lines) <= r.height {
		return 100
	}
	return min(100, (r.offset+r.height)*100/len(r.lines))
}
