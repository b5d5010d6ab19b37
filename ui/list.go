package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"baogao/model"
)

// listOverlay switches between reports, filtered by a fuzzy query.
type listOverlay struct {
	input   textinput.Model
	shown   []int // indexes into Model.reports
	cursor  int
	offset  int
	reports []*model.Report
}

func newList(a *Model) *listOverlay {
	in := textinput.New()
	in.Prompt = "filter: "
	in.Focus()
	l := &listOverlay{input: in, reports: a.reports, cursor: a.current}
	l.filter()
	l.cursor = a.current
	return l
}

// fuzzy reports whether every rune of q appears in s in order.
func fuzzy(s, q string) bool {
	rs := []rune(q)
	i := 0
	for _, r := range s {
		if i < len(rs) && r == rs[i] {
			i++
		}
	}
	return i == len(rs)
}

func (l *listOverlay) filter() {
	q := foldQuery(strings.ReplaceAll(l.input.Value(), " ", ""))
	l.shown = l.shown[:0]
	for i, r := range l.reports {
		if fuzzy(foldQuery(r.Name()+" "+r.Path), q) {
			l.shown = append(l.shown, i)
		}
	}
	l.cursor = max(0, min(l.cursor, len(l.shown)-1))
}

func (l *listOverlay) update(a *Model, msg tea.KeyPressMsg) (bool, tea.Cmd) {
	k := a.keys
	switch {
	case msg.String() == "ctrl+c":
		return true, tea.Quit
	case key.Matches(msg, k.Cancel):
		return true, nil
	case key.Matches(msg, k.Accept):
		if len(l.shown) > 0 {
			a.openReport(l.shown[l.cursor])
		}
		return true, nil
	case msg.String() == "up" || msg.String() == "ctrl+p":
		l.cursor = max(0, l.cursor-1)
		return false, nil
	case msg.String() == "down" || msg.String() == "ctrl+n":
		l.cursor = min(len(l.shown)-1, l.cursor+1)
		return false, nil
	}
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	l.filter()
	return false, cmd
}

func (l *listOverlay) view(a *Model, w, h int) []string {
	m := a.measure
	inner := min(w-6, 100)
	body := []string{m.Fit(l.input.View(), inner-1), ""}
	rowsH := max(1, min(len(l.reports), h-6))
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+rowsH {
		l.offset = l.cursor - rowsH + 1
	}
	for i := l.offset; i < len(l.shown) && i < l.offset+rowsH; i++ {
		r := l.reports[l.shown[i]]
		row := m.Pad(strconv.Itoa(l.shown[i]+1)+". "+model.Convert(r.Name(), a.script)+"  "+r.Meta.Date, inner-1)
		if i == l.cursor {
			row = a.styles.Selected.Render(row)
		}
		body = append(body, row)
	}
	if len(l.shown) == 0 {
		body = append(body, "(no report matches)")
	}
	for len(body) < rowsH+2 {
		body = append(body, "")
	}
	return frame(a, "Reports "+strconv.Itoa(len(l.shown))+"/"+strconv.Itoa(len(l.reports)), body, w, h)
}
