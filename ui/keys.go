package ui

import (
	tea "charm.land/bubbletea/v2"

	"charm.land/bubbles/v2/key"
)

// keyMap lists every binding of the browser. c and g are kept free for
// the compare view.
type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Left, Right, Fold                       key.Binding
	Focus, FocusBack                        key.Binding
	Search, Next, Prev, Clear               key.Binding
	Achievements, Problems, Plans, AllKinds key.Binding
	Script, Metrics, Sort, SortReverse      key.Binding
	Reports, Help, Quit                     key.Binding
	Copy, CopyMetrics, Export, Compare      key.Binding
	Accept, Cancel                          key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		Up:           b([]string{"up", "k"}, "↑/k", "up"),
		Down:         b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:       b([]string{"pgup", "ctrl+u", "ctrl+b"}, "pgup", "page up"),
		PageDown:     b([]string{"pgdown", "ctrl+d", "ctrl+f"}, "pgdn", "page down"),
		Top:          b([]string{"home"}, "home", "first"),
		Bottom:       b([]string{"end", "G"}, "end/G", "last"),
		Left:         b([]string{"left", "h"}, "←/h", "fold/parent"),
		Right:        b([]string{"right", "l"}, "→/l", "unfold/child"),
		Fold:         b([]string{"enter", "space"}, "enter/space", "fold/unfold"),
		Focus:        b([]string{"tab"}, "tab", "next pane"),
		FocusBack:    b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Search:       b([]string{"/"}, "/", "search"),
		Next:         b([]string{"n"}, "n", "next match"),
		Prev:         b([]string{"N"}, "N", "previous match"),
		Clear:        b([]string{"esc"}, "esc", "clear search"),
		Achievements: b([]string{"1"}, "1", "成 only"),
		Problems:     b([]string{"2"}, "2", "问 only"),
		Plans:        b([]string{"3"}, "3", "计 only"),
		AllKinds:     b([]string{"0"}, "0", "all kinds"),
		Script:       b([]string{"t"}, "t", "script"),
		Metrics:      b([]string{"m"}, "m", "metric pane"),
		Sort:         b([]string{"s"}, "s", "sort column"),
		SortReverse:  b([]string{"S"}, "S", "reverse sort"),
		Reports:      b([]string{"r"}, "r", "reports"),
		Help:         b([]string{"?"}, "?", "help"),
		Quit:         b([]string{"q", "ctrl+c"}, "q", "quit"),
		Copy:         b([]string{"y"}, "y", "copy section"),
		CopyMetrics:  b([]string{"Y"}, "Y", "copy metrics"),
		Export:       b([]string{"e"}, "e", "export…"),
		Compare:      b([]string{"c"}, "c", "compare: mark B / open"),
		Accept:       b([]string{"enter"}, "enter", "accept"),
		Cancel:       b([]string{"esc"}, "esc", "cancel"),
	}
}

// ShortHelp is the bottom line's reminder.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.Focus, k.Fold, k.Search, k.Achievements, k.Script, k.Metrics, k.Quit}
}

// FullHelp is the ? overlay, one column per group.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Left, k.Right, k.Fold},
		{k.Focus, k.FocusBack, k.Search, k.Next, k.Prev, k.Clear, k.Reports, k.Compare, k.Copy, k.CopyMetrics, k.Export},
		{k.Achievements, k.Problems, k.Plans, k.AllKinds, k.Script, k.Metrics, k.Sort, k.SortReverse, k.Help, k.Quit},
	}
}

// farAway is a move past either end; the panes clamp it to the first or
// last row.
const farAway = 1 << 30

// motion is how far a movement key moves a cursor or a view whose page is
// page rows: one row, a page, or to the top or bottom. Space pages down
// too where paging is what the pane does (readers, not the tree).
func (k keyMap) motion(msg tea.KeyPressMsg, page int, spacePages bool) (int, bool) {
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown), spacePages && msg.String() == "space":
		return page, true
	case key.Matches(msg, k.Top):
		return -farAway, true
	case key.Matches(msg, k.Bottom):
		return farAway, true
	}
	return 0, false
}
