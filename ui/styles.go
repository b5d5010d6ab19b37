package ui

import (
	"charm.land/bubbles/v2/table"
	"charm.land/lipgloss/v2"

	"baogao/model"
)

// Styles holds every colour and text attribute the browser uses. Styles
// only colour text; widths are never left to lipgloss, because the browser
// measures everything with cells (see app.go).
type Styles struct {
	Text         lipgloss.Style // body text
	Header       lipgloss.Style // the report's metadata line
	Status       lipgloss.Style // the bottom line
	StatusMsg    lipgloss.Style // a message from a command
	PaneTitle    lipgloss.Style // an unfocused pane's title line
	PaneTitleOn  lipgloss.Style // the focused pane's title line
	Separator    lipgloss.Style // the bar between side-by-side panes
	Selected     lipgloss.Style // the tree's cursor row, focused
	SelectedBlur lipgloss.Style // the tree's cursor row, unfocused
	Dim          lipgloss.Style // metric counts, hints
	Heading      lipgloss.Style // section headings inside the reader
	Match        lipgloss.Style // search matches
	Repaired     lipgloss.Style // text repaired from mojibake
	Warning      lipgloss.Style // "terminal too small", errors
	Kind         map[model.Kind]lipgloss.Style
	Table        table.Styles
}

// Separator is drawn between panes standing side by side.
const Separator = "│"

// NewStyles returns the browser's styles; without colour (NO_COLOR) only
// bold, underline and reverse video remain, and kinds read by their badges.
func NewStyles(color bool) Styles {
	s := lipgloss.NewStyle
	st := Styles{
		Text:         s(),
		Header:       s().Bold(true).Reverse(true),
		Status:       s(),
		StatusMsg:    s().Bold(true),
		PaneTitle:    s().Underline(true),
		PaneTitleOn:  s().Bold(true).Reverse(true),
		Separator:    s(),
		Selected:     s().Reverse(true).Bold(true),
		SelectedBlur: s().Underline(true),
		Dim:          s(),
		Heading:      s().Bold(true),
		Match:        s().Reverse(true),
		Repaired:     s().Underline(true),
		Warning:      s().Bold(true),
		Kind: map[model.Kind]lipgloss.Style{
			model.KindOther:        s(),
			model.KindAchievements: s().Bold(true),
			model.KindProblems:     s().Bold(true),
			model.KindPlans:        s().Bold(true),
		},
	}
	if color {
		c := lipgloss.Color
		st.Header = s().Bold(true).Foreground(c("#FFFDF5")).Background(c("#5A56E0"))
		st.Status = s().Foreground(c("#A8A8A8"))
		st.StatusMsg = s().Bold(true).Foreground(c("#FFD75F"))
		st.PaneTitle = s().Foreground(c("#8A8A8A")).Underline(true)
		st.PaneTitleOn = s().Bold(true).Foreground(c("#FFFDF5")).Background(c("#3A3A8A"))
		st.Separator = s().Foreground(c("#4E4E4E"))
		st.Selected = s().Bold(true).Foreground(c("#FFFDF5")).Background(c("#5A56E0"))
		st.SelectedBlur = s().Foreground(c("#FFFDF5")).Background(c("#444444"))
		st.Dim = s().Foreground(c("#808080"))
		st.Heading = s().Bold(true).Foreground(c("#87AFFF"))
		st.Match = s().Foreground(c("#000000")).Background(c("#FFD75F"))
		st.Repaired = s().Foreground(c("#FF87D7")).Underline(true)
		st.Warning = s().Bold(true).Foreground(c("#FF5F5F"))
		st.Kind[model.KindAchievements] = s().Bold(true).Foreground(c("#5FD75F"))
		st.Kind[model.KindProblems] = s().Bold(true).Foreground(c("#FF5F5F"))
		st.Kind[model.KindPlans] = s().Bold(true).Foreground(c("#5FAFFF"))
		st.Kind[model.KindOther] = s().Foreground(c("#808080"))
	}
	// The metric pane draws the table's rows itself (see metrics.go); these
	// styles only matter to the table's own View, kept consistent.
	st.Table = table.Styles{
		Header:   st.Heading.Padding(0, 1, 0, 0),
		Cell:     s().Padding(0, 1, 0, 0),
		Selected: st.Selected,
	}
	return st
}
