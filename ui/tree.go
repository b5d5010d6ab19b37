package ui

import (
	"strconv"
	"strings"

	"baogao/model"
)

// kindFilter shows only sections of one kind; kindAll shows every section.
type kindFilter int

const kindAll kindFilter = -1

// treeRow is one visible line of the section tree.
type treeRow struct {
	sec     *model.Section
	depth   int
	hasKids bool
	dim     bool // shown only because a descendant matches the kind filter
}

// treeModel is the section tree pane: folds, kind filter, cursor.
type treeModel struct {
	report *model.Report
	folded map[*model.Section]bool
	filter kindFilter
	rows   []treeRow
	cursor int
	offset int
	height int // rows of sections shown (pane height minus title)
}

func newTree(r *model.Report) treeModel {
	t := treeModel{report: r, folded: map[*model.Section]bool{}, filter: kindAll}
	// Parts and chapters open, deeper levels (lead sentences, items) folded.
	r.Walk(func(s *model.Section, depth int) bool {
		if depth >= 2 && len(s.Children) > 0 {
			t.folded[s] = true
		}
		return true
	})
	t.rebuild()
	return t
}

// rebuild flattens the visible sections, keeping the cursor on the same
// section where it still shows.
func (t *treeModel) rebuild() {
	var cur *model.Section
	if t.cursor < len(t.rows) {
		cur = t.rows[t.cursor].sec
	}
	t.rows = t.rows[:0]
	var walk func(ss []*model.Section, depth int, inherited bool)
	walk = func(ss []*model.Section, depth int, inherited bool) {
		for _, s := range ss {
			own := t.filter == kindAll || inherited || kindFilter(s.Kind) == t.filter
			if !own && !t.subtreeHas(s) {
				continue
			}
			t.rows = append(t.rows, treeRow{sec: s, depth: depth, hasKids: len(s.Children) > 0, dim: !own})
			if !t.folded[s] {
				walk(s.Children, depth+1, own && t.filter != kindAll)
			}
		}
	}
	walk(t.report.Sections, 0, false)
	t.cursor = 0
	for i, r := range t.rows {
		if r.sec == cur {
			t.cursor = i
			break
		}
	}
	t.clamp()
}

func (t *treeModel) subtreeHas(s *model.Section) bool {
	for _, c := range s.Children {
		if kindFilter(c.Kind) == t.filter || t.subtreeHas(c) {
			return true
		}
	}
	return false
}

// Selected is the section under the cursor, nil in an empty tree.
func (t *treeModel) Selected() *model.Section {
	if t.cursor < len(t.rows) {
		return t.rows[t.cursor].sec
	}
	return nil
}

func (t *treeModel) move(n int) {
	t.cursor += n
	t.clamp()
}

func (t *treeModel) clamp() {
	t.cursor = max(0, min(t.cursor, len(t.rows)-1))
	h := max(1, t.height)
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+h {
		t.offset = t.cursor - h + 1
	}
	t.offset = max(0, min(t.offset, len(t.rows)-h))
}

func (t *treeModel) scroll(n int) {
	t.offset = max(0, min(t.offset+n, len(t.rows)-max(1, t.height)))
	t.cursor = max(t.offset, min(t.cursor, t.offset+t.height-1))
	t.clamp()
}

func (t *treeModel) toggle() {
	if s := t.Selected(); s != nil && len(s.Children) > 0 {
		t.folded[s] = !t.folded[s]
		t.rebuild()
	}
}

// left folds an open section, or moves to its parent.
func (t *treeModel) left() {
	r := t.rows[t.cursor]
	if r.hasKids && !t.folded[r.sec] {
		t.toggle()
		return
	}
	for i := t.cursor - 1; i >= 0; i-- {
		if t.rows[i].depth < r.depth {
			t.cursor = i
			t.clamp()
			return
		}
	}
}

// right unfolds a folded section, or moves to its first child.
func (t *treeModel) right() {
	r := t.rows[t.cursor]
	if !r.hasKids {
		return
	}
	if t.folded[r.sec] {
		t.toggle()
		return
	}
	t.move(1)
}

// reveal unfolds the ancestors of s and puts the cursor on it. It clears
// the kind filter when s is hidden by it.
func (t *treeModel) reveal(s *model.Section) {
	var path []*model.Section
	var find func(ss []*model.Section) bool
	find = func(ss []*model.Section) bool {
		for _, c := range ss {
			if c == s {
				return true
			}
			path = append(path, c)
			if find(c.Children) {
				return true
			}
			path = path[:len(path)-1]
		}
		return false
	}
	if !find(t.report.Sections) {
		return
	}
	for _, p := range path {
		t.folded[p] = false
	}
	t.rebuild()
	if !t.selectSection(s) {
		t.filter = kindAll
		t.rebuild()
		t.selectSection(s)
	}
}

func (t *treeModel) selectSection(s *model.Section) bool {
	for i, r := range t.rows {
		if r.sec == s {
			t.cursor = i
			t.clamp()
			return true
		}
	}
	return false
}

// view renders the tree's rows, each exactly w cells.
func (t *treeModel) view(a *Model, w, h int, focused bool) []string {
	t.height = h
	t.clamp()
	m, st := a.measure, a.styles
	lines := make([]string, 0, h)
	for i := t.offset; i < len(t.rows) && len(lines) < h; i++ {
		r := t.rows[i]
		marker := "  "
		if r.hasKids {
			marker = "▸ "
			if !t.folded[r.sec] {
				marker = "▾ "
			}
		}
		indent := strings.Repeat("  ", min(r.depth, 8))
		badge := m.Pad(r.sec.Kind.Badge(), 2)
		count := ""
		if n := r.sec.MetricCount(); n > 0 {
			count = " " + strconv.Itoa(n) + " "
		}
		left := " " + indent + marker
		titleW := w - m.Width(left) - m.Width(badge) - 1 - m.Width(count)
		if titleW < 1 {
			lines = append(lines, m.Pad(left+badge, w))
			continue
		}
		title := m.Pad(model.Convert(treeHeading(r.sec), a.script), titleW)
		if i == t.cursor {
			row := left + badge + " " + title + count
			if focused {
				lines = append(lines, st.Selected.Render(row))
			} else {
				lines = append(lines, st.SelectedBlur.Render(row))
			}
			continue
		}
		titleStyled := title
		switch {
		case a.search.matchSet[r.sec]:
			titleStyled = st.Match.Render(strings.TrimRight(title, " ")) + strings.Repeat(" ", titleW-m.Width(strings.TrimRight(title, " ")))
		case r.dim:
			titleStyled = st.Dim.Render(title)
		}
		lines = append(lines, left+st.Kind[r.sec.Kind].Render(badge)+" "+titleStyled+st.Dim.Render(count))
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines
}

// treeHeading is a section's line in the tree; a section without a heading
// of its own (a problems paragraph) shows the start of its text.
func treeHeading(s *model.Section) string {
	if h := s.Heading(); h != "" && h != "*" {
		return h
	}
	t := []rune(strings.TrimSpace(s.Text))
	if len(t) > 24 {
		return string(t[:24]) + "…"
	}
	if len(t) == 0 {
		return "（无标题）"
	}
	return string(t)
}
