package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// overlay is a view drawn over the panes that takes the keys while open
// (help, report list; export and compare views can add their own).
type overlay interface {
	// update handles a key; done closes the overlay.
	update(a *Model, msg tea.KeyPressMsg) (done bool, cmd tea.Cmd)
	// view renders exactly h lines of exactly w cells.
	view(a *Model, w, h int) []string
}

// helpOverlay lists every binding (bubbles/help), centred in a frame.
type helpOverlay struct{}

func (helpOverlay) update(a *Model, msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if key.Matches(msg, a.keys.Quit) && msg.String() == "ctrl+c" {
		return true, tea.Quit
	}
	return true, nil // any key closes help
}

func (helpOverlay) view(a *Model, w, h int) []string {
	hm := help.New()
	hm.ShowAll = true
	hm.Styles = help.Styles{
		FullKey:        a.styles.Heading,
		FullDesc:       a.styles.Text,
		FullSeparator:  a.styles.Dim,
		ShortKey:       a.styles.Heading,
		ShortDesc:      a.styles.Text,
		ShortSeparator: a.styles.Dim,
		Ellipsis:       a.styles.Dim,
	}
	hm.FullSeparator = "  "
	body := strings.Split(hm.FullHelpView(a.keys.FullHelp()), "\n")
	body = append([]string{"baogao — keys", ""}, body...)
	body = append(body, "", "成 achievements · 问 problems · 计 plans · · other", "t: 原文 → 简体 → 繁體", "any key closes this help")
	return frame(a, "Help", body, w, h)
}

// frame draws lines inside a box centred in w×h; every line of the box is
// fitted with cells so the whole screen keeps its width.
func frame(a *Model, title string, body []string, w, h int) []string {
	m := a.measure
	inner := 0
	for _, l := range body {
		inner = max(inner, m.Width(l))
	}
	inner = min(inner+2, w-4)
	boxH := min(len(body)+2, h)
	top := (h - boxH) / 2
	left := (w - inner - 2) / 2
	pad := strings.Repeat(" ", max(0, left))
	lines := make([]string, 0, h)
	for len(lines) < top {
		lines = append(lines, strings.Repeat(" ", w))
	}
	bar := "┌" + m.Pad(" "+title+" ", inner) + "┐"
	bar = strings.ReplaceAll(bar, " ", "─")
	lines = append(lines, m.Fit(pad+a.styles.Heading.Render(bar), w))
	for i := 0; i < boxH-2; i++ {
		l := ""
		if i < len(body) {
			l = body[i]
		}
		lines = append(lines, m.Fit(pad+"│"+m.Fit(" "+l, inner)+"│", w))
	}
	lines = append(lines, m.Fit(pad+"└"+strings.Repeat("─", inner)+"┘", w))
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines[:h]
}
