package ui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"baogao/model"
)

// tooSmall reports whether the terminal is below the minimum size.
func (a *Model) tooSmall() bool { return a.width < MinWidth || a.height < MinHeight }

// layout places the panes: side by side from SideBySideWidth columns,
// stacked below. Each rect includes the pane's title line.
func (a *Model) layout() {
	w, h := a.width, a.height
	bodyY, bodyH := 1, h-2
	a.rects = map[pane]rect{}
	if w >= SideBySideWidth {
		treeW := max(28, min(48, w*30/100))
		if a.showMetrics {
			metricsW := max(40, min(72, (w-treeW)*45/100))
			readerW := w - treeW - metricsW - 2
			a.rects[paneTree] = rect{0, bodyY, treeW, bodyH}
			a.rects[paneReader] = rect{treeW + 1, bodyY, readerW, bodyH}
			a.rects[paneMetrics] = rect{treeW + 1 + readerW + 1, bodyY, metricsW, bodyH}
		} else {
			a.rects[paneTree] = rect{0, bodyY, treeW, bodyH}
			a.rects[paneReader] = rect{treeW + 1, bodyY, w - treeW - 1, bodyH}
		}
		return
	}
	treeH := max(3, bodyH*35/100)
	metricsH := 0
	if a.showMetrics {
		metricsH = max(3, bodyH*25/100)
	}
	readerH := bodyH - treeH - metricsH
	a.rects[paneTree] = rect{0, bodyY, w, treeH}
	a.rects[paneReader] = rect{0, bodyY + treeH, w, readerH}
	if a.showMetrics {
		a.rects[paneMetrics] = rect{0, bodyY + treeH + readerH, w, metricsH}
	}
}

// sync brings the panes in line with the window and the selection; it
// runs after every Update so View only draws.
func (a *Model) sync() {
	if a.width == 0 || a.tooSmall() {
		return
	}
	a.layout()
	t := a.rects[paneTree]
	a.tree.height = t.h - 1
	a.tree.clamp()
	sec := a.tree.Selected()
	r := a.rects[paneReader]
	a.reader.height = r.h - 1
	a.reader.setSection(a, sec, r.w-2)
	a.reader.clamp()
	if mr, ok := a.rects[paneMetrics]; ok {
		a.metrics.setSection(a, sec, mr.w-1, mr.h-1)
		if a.focus == paneMetrics {
			a.metrics.table.Focus()
		} else {
			a.metrics.table.Blur()
		}
		a.metrics.follow()
	}
}

// View implements tea.Model.
func (a Model) View() tea.View {
	v := tea.NewView(a.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "baogao — " + a.Report().Name()
	return v
}

// Render is the screen as text: exactly height lines of exactly width
// cells each.
func (a Model) Render() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	if a.tooSmall() {
		return strings.Join(a.tooSmallView(), "\n")
	}
	lines := make([]string, 0, a.height)
	lines = append(lines, a.headerView())
	var body []string
	if a.overlay != nil {
		body = a.overlay.view(&a, a.width, a.height-2)
	} else {
		body = a.bodyView()
	}
	lines = append(lines, body...)
	lines = append(lines, a.statusView())
	for i, l := range lines {
		// The last guard: whatever a pane or a bubble produced, the
		// terminal gets exactly width cells.
		lines[i] = a.measure.Fit(l, a.width)
	}
	return strings.Join(lines, "\n")
}

func (a Model) tooSmallView() []string {
	msg := []string{
		"terminal too small",
		strconv.Itoa(a.width) + "×" + strconv.Itoa(a.height) + " — need at least " + strconv.Itoa(MinWidth) + "×" + strconv.Itoa(MinHeight),
		"enlarge the window, or press q to quit",
	}
	lines := make([]string, a.height)
	top := max(0, (a.height-len(msg))/2)
	for i := range lines {
		text := ""
		if j := i - top; j >= 0 && j < len(msg) {
			text = msg[j]
		}
		lines[i] = a.measure.Center(text, a.width)
		if i == top {
			lines[i] = a.styles.Warning.Render(lines[i])
		}
	}
	return lines
}

func (a Model) headerView() string {
	r := a.Report()
	parts := []string{model.Convert(r.Name(), a.script)}
	if r.Meta.Date != "" {
		parts = append(parts, r.Meta.Date)
	}
	if r.Meta.Source != "" {
		parts = append(parts, model.Convert(r.Meta.Source, a.script))
	}
	right := a.script.String()
	if a.tree.filter != kindAll {
		right = "只看" + model.Kind(a.tree.filter).Badge() + " · " + right
	}
	if n := a.repairedCount(); n > 0 {
		right = "修复" + strconv.Itoa(n) + "处 · " + right
	}
	if len(a.reports) > 1 {
		right = strconv.Itoa(a.current+1) + "/" + strconv.Itoa(len(a.reports)) + " · " + right
	}
	right += " "
	left := " " + strings.Join(parts, " · ")
	rw := a.measure.Width(right)
	return a.styles.Header.Render(a.measure.Pad(left, a.width-rw) + right)
}

func (a Model) statusView() string {
	m := a.measure
	switch {
	case a.searching:
		return m.Fit(a.searchInput.View(), a.width)
	case a.status != "":
		return a.styles.StatusMsg.Render(m.Pad(" "+a.status, a.width))
	}
	var hints []string
	for _, b := range a.keys.ShortHelp() {
		hints = append(hints, b.Help().Key+" "+b.Help().Desc)
	}
	return a.styles.Status.Render(m.Pad(" "+strings.Join(hints, " · "), a.width))
}

// bodyView joins the panes: side by side line by line, or stacked.
func (a Model) bodyView() []string {
	bodyH := a.height - 2
	panes := []pane{paneTree, paneReader}
	if a.showMetrics {
		panes = append(panes, paneMetrics)
	}
	rendered := map[pane][]string{}
	for _, p := range panes {
		rendered[p] = a.paneView(p)
	}
	if a.width >= SideBySideWidth {
		sep := a.styles.Separator.Render(Separator)
		lines := make([]string, bodyH)
		for y := range bodyH {
			var b strings.Builder
			for i, p := range panes {
				if i > 0 {
					b.WriteString(sep)
				}
				b.WriteString(rendered[p][y])
			}
			lines[y] = b.String()
		}
		return lines
	}
	var lines []string
	for _, p := range panes {
		lines = append(lines, rendered[p]...)
	}
	return lines
}

// paneView is a pane's title line and content, exactly its rect.
func (a Model) paneView(p pane) []string {
	r := a.rects[p]
	focused := a.focus == p && a.overlay == nil
	var title string
	var content []string
	switch p {
	case paneTree:
		title = "目录 " + strconv.Itoa(len(a.tree.rows)) + " sections"
		content = a.tree.view(&a, r.w, r.h-1, focused)
	case paneReader:
		title = "正文"
		if s := a.tree.Selected(); s != nil {
			title += " " + model.Convert(s.Heading(), a.script)
		}
		content = a.reader.view(&a, r.w, r.h-1)
		if n := len(a.repairedIn(a.tree.Selected())); n > 0 {
			title = "[修复" + strconv.Itoa(n) + "] " + title
		}
		pct := " " + strconv.Itoa(a.reader.percent()) + "% "
		title = a.measure.Pad(" "+title, r.w-a.measure.Width(pct)) + pct
	case paneMetrics:
		title = "指标 " + strconv.Itoa(len(a.metrics.metrics)) + " metrics · s sort"
		content = a.metrics.view(&a, r.w, r.h-1)
	}
	st := a.styles.PaneTitle
	if focused {
		st = a.styles.PaneTitleOn
	}
	lines := make([]string, 0, r.h)
	lines = append(lines, st.Render(a.measure.Pad(" "+strings.TrimLeft(title, " "), r.w)))
	lines = append(lines, content...)
	return lines[:r.h]
}

// paneAt is the pane under screen cell (x, y).
func (a *Model) paneAt(x, y int) (pane, rect, bool) {
	for p, r := range a.rects {
		if r.contains(x, y) {
			return p, r, true
		}
	}
	return 0, rect{}, false
}

func (a *Model) handleWheel(m tea.Mouse) {
	p, _, ok := a.paneAt(m.X, m.Y)
	if !ok || a.overlay != nil {
		return
	}
	d := 3
	if m.Button == tea.MouseWheelUp {
		d = -3
	} else if m.Button != tea.MouseWheelDown {
		return
	}
	switch p {
	case paneTree:
		a.tree.scroll(d)
	case paneReader:
		a.reader.scroll(d)
	case paneMetrics:
		if d < 0 {
			a.metrics.table.MoveUp(-d)
		} else {
			a.metrics.table.MoveDown(d)
		}
	}
}

func (a *Model) handleClick(m tea.Mouse) {
	p, r, ok := a.paneAt(m.X, m.Y)
	if !ok || a.overlay != nil || m.Button != tea.MouseLeft {
		return
	}
	a.focus = p
	if p == paneTree && m.Y > r.y {
		if i := a.tree.offset + m.Y - r.y - 1; i < len(a.tree.rows) {
			a.tree.cursor = i
			a.tree.clamp()
		}
	}
}
