package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"baogao/cells"
	"baogao/model"
)

// comparePane is the part of the compare view that takes the scroll keys.
type comparePane int

const (
	comparePairs comparePane = iota
	compareMetrics
)

// compareLine is one screen line of the paired sections: A's text on the
// left, B's on the right, both belonging to the same pair.
type compareLine struct {
	a, b         string
	headA, headB bool // a heading line (styled by kind)
	gapA, gapB   bool // "no counterpart" marker
	pair         int
}

// CompareModel is the side-by-side view of two reports: A on the left, B
// on the right, their sections paired by model.Align and scrolled with
// one offset, so a pair always starts on the same line on both sides
// (the shorter side is padded). Below it the metric table; g swaps the
// body for a bar chart of the aligned change rates.
//
// It follows the browser's layout rule: Lines gives exactly height lines
// of exactly width cells, measured with the view's cells.Measurer.
type CompareModel struct {
	c        model.Comparison
	measure  cells.Measurer
	styles   Styles
	keys     keyMap
	chartKey key.Binding
	script   model.Script

	width, height int
	focus         comparePane
	chart         bool

	offset       int // first line of the pairs pane, shared by A and B
	metricOffset int
	chartOffset  int

	// Built for (linesW, linesScript) by SetSize / the script key.
	lines       []compareLine
	pairStart   []int
	linesW      int
	linesScript model.Script
}

// NewCompare builds the compare view of c. Only opts.AmbiguousWide and
// opts.NoColor are used here; RunCompare uses Input and Output.
func NewCompare(c model.Comparison, opts Options) CompareModel {
	wide := cells.Detect()
	if opts.AmbiguousWide != nil {
		wide = *opts.AmbiguousWide
	}
	return newCompare(c, cells.New(wide), NewStyles(!opts.NoColor))
}

func newCompare(c model.Comparison, m cells.Measurer, st Styles) CompareModel {
	return CompareModel{
		c: c, measure: m, styles: st, keys: newKeyMap(),
		chartKey: key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "chart")),
		linesW:   -1,
	}
}

// RunCompare runs the compare view as a program of its own (baogao
// compare on a terminal) and returns when the user quits.
func RunCompare(c model.Comparison, opts Options) error {
	var po []tea.ProgramOption
	if opts.Input != nil {
		po = append(po, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		po = append(po, tea.WithOutput(opts.Output))
	}
	_, err := tea.NewProgram(NewCompare(c, opts), po...).Run()
	return err
}

// Comparison is the comparison on screen.
func (v CompareModel) Comparison() model.Comparison { return v.c }

// Offset is the first pairs line on screen (the same for A and B).
func (v CompareModel) Offset() int { return v.offset }

// Chart reports whether the bar chart is shown.
func (v CompareModel) Chart() bool { return v.chart }

// Init implements tea.Model.
func (v CompareModel) Init() tea.Cmd { return nil }

// Update implements tea.Model for the stand-alone view: q quits.
func (v CompareModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		v.SetSize(msg.Width, msg.Height)
	case tea.KeyPressMsg:
		if key.Matches(msg, v.keys.Quit) {
			return v, tea.Quit
		}
		v.HandleKey(msg)
	case tea.MouseWheelMsg:
		m := msg.Mouse()
		switch m.Button {
		case tea.MouseWheelUp:
			v.scrollAt(m.Y, -3)
		case tea.MouseWheelDown:
			v.scrollAt(m.Y, 3)
		}
	}
	return v, nil
}

// View implements tea.Model.
func (v CompareModel) View() tea.View {
	tv := tea.NewView(strings.Join(v.Lines(), "\n"))
	tv.AltScreen = true
	tv.MouseMode = tea.MouseModeCellMotion
	tv.WindowTitle = "baogao compare"
	return tv
}

// SetSize lays the view out for a w×h area and re-wraps when needed.
func (v *CompareModel) SetSize(w, h int) {
	v.width, v.height = w, h
	v.rebuild()
	v.clamp()
}

// SetScript shows both reports in script sc.
func (v *CompareModel) SetScript(sc model.Script) {
	v.script = sc
	v.rebuild()
	v.clamp()
}

// HandleKey applies a key (scrolling, tab, g, t, n/N); it never quits or
// closes: the caller decides what q and esc do.
func (v *CompareModel) HandleKey(msg tea.KeyPressMsg) {
	k := v.keys
	page := max(1, v.scrollHeight()-1)
	switch {
	case key.Matches(msg, v.chartKey):
		v.chart = !v.chart
	case key.Matches(msg, k.Focus), key.Matches(msg, k.FocusBack):
		if v.focus == comparePairs && len(v.c.Rows) > 0 {
			v.focus = compareMetrics
		} else {
			v.focus = comparePairs
		}
	case key.Matches(msg, k.Script):
		v.SetScript(v.script.Next())
	case key.Matches(msg, k.Next):
		v.jumpPair(1)
	case key.Matches(msg, k.Prev):
		v.jumpPair(-1)
	default:
		if d, ok := k.motion(msg, page, true); ok {
			v.scroll(d)
		}
	}
}

// Layout: a header line, the body, a hint line. The body is the chart, or
// the pairs pane over the metric pane (a title line, a column header and
// the rows, at most 2/5 of the body).
func (v *CompareModel) bodyHeight() int { return max(0, v.height-2) }

func (v *CompareModel) metricsHeight() int {
	body := v.bodyHeight()
	return max(3, min(len(v.c.Rows)+2, body*2/5))
}

func (v *CompareModel) pairsHeight() int { return v.bodyHeight() - v.metricsHeight() }

// scrollHeight is the number of lines the active scroller shows.
func (v *CompareModel) scrollHeight() int {
	switch {
	case v.chart:
		return v.bodyHeight() - 1
	case v.focus == compareMetrics:
		return v.metricsHeight() - 2
	}
	return v.pairsHeight()
}

func (v *CompareModel) scroll(d int) {
	switch {
	case v.chart:
		v.chartOffset += d
	case v.focus == compareMetrics:
		v.metricOffset += d
	default:
		v.offset += d
	}
	v.clamp()
}

// scrollAt scrolls the pane at screen line y (mouse wheel).
func (v *CompareModel) scrollAt(y, d int) {
	if !v.chart {
		if y > v.pairsHeight() {
			v.focus = compareMetrics
		} else {
			v.focus = comparePairs
		}
	}
	v.scroll(d)
}

func (v *CompareModel) jumpPair(d int) {
	if v.chart || len(v.pairStart) == 0 {
		return
	}
	v.focus = comparePairs
	cur := v.currentPair()
	next := max(0, min(len(v.pairStart)-1, cur+d))
	v.offset = v.pairStart[next]
	v.clamp()
}

// currentPair is the pair at the top of the pairs pane.
func (v *CompareModel) currentPair() int {
	if v.offset < len(v.lines) {
		return v.lines[v.offset].pair
	}
	return max(0, len(v.pairStart)-1)
}

func (v *CompareModel) clamp() {
	v.offset = clampOffset(v.offset, len(v.lines), v.pairsHeight())
	v.metricOffset = clampOffset(v.metricOffset, len(v.c.Rows), v.metricsHeight()-2)
	v.chartOffset = clampOffset(v.chartOffset, len(chartRows(v.c.Rows))*2, v.bodyHeight()-1)
}

func clampOffset(off, n, h int) int {
	return max(0, min(off, n-max(1, h)))
}

// columns splits w into the A column, a one-cell separator and the B column.
func columns(w int) (wa, wb int) {
	wa = (w - 1) / 2
	return wa, w - 1 - wa
}

// rebuild wraps every pair to the current column widths.
func (v *CompareModel) rebuild() {
	if v.width == v.linesW && v.script == v.linesScript && v.lines != nil {
		return
	}
	v.lines, v.pairStart = v.buildLines(v.width)
	v.linesW, v.linesScript = v.width, v.script
}

func (v *CompareModel) buildLines(w int) ([]compareLine, []int) {
	wa, wb := columns(w)
	var lines []compareLine
	starts := make([]int, 0, len(v.c.Pairs))
	for i, p := range v.c.Pairs {
		starts = append(starts, len(lines))
		la, ha := v.sideLines(p.A, p.DepthA, wa)
		lb, hb := v.sideLines(p.B, p.DepthB, wb)
		n := max(len(la), len(lb))
		for j := range n {
			l := compareLine{pair: i}
			if j < len(la) {
				l.a, l.headA = la[j], j < ha
			}
			if j < len(lb) {
				l.b, l.headB = lb[j], j < hb
			}
			l.gapA = p.A == nil && j == 0
			l.gapB = p.B == nil && j == 0
			lines = append(lines, l)
		}
	}
	return lines, starts
}

// gapText marks the side of a pair that has no counterpart.
const gapText = "（无对应章节）"

// sideLines wraps one side of a pair: the heading (with its kind badge),
// then the section's own text, indented by depth. It returns the lines
// and how many of them belong to the heading.
func (v *CompareModel) sideLines(s *model.Section, depth, w int) ([]string, int) {
	indent := min(depth, 3) * 2
	inner := w - indent - 1 // one cell of margin before the separator
	pad := strings.Repeat(" ", indent)
	if s == nil {
		return []string{pad + gapText}, 0
	}
	if inner < 4 {
		return []string{""}, 1
	}
	h := s.Heading()
	if h == "" || h == "*" {
		h = "（" + s.Kind.String() + "）"
	}
	var out []string
	for _, l := range v.measure.Wrap(s.Kind.Badge()+" "+model.Convert(h, v.script), inner) {
		out = append(out, pad+l)
	}
	heads := len(out)
	text := strings.ReplaceAll(model.Convert(strings.TrimSpace(s.Text), v.script), "\t", "    ")
	for _, para := range strings.Split(text, "\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		for _, l := range v.measure.Wrap(para, inner) {
			out = append(out, pad+l)
		}
	}
	return out, heads
}

// Lines renders the view: exactly height lines of exactly width cells.
func (v CompareModel) Lines() []string {
	w, h := v.width, v.height
	if w <= 0 || h <= 0 {
		return nil
	}
	m := v.measure
	if w < 40 || h < 8 {
		lines := make([]string, h)
		for i := range lines {
			lines[i] = strings.Repeat(" ", w)
		}
		lines[h/2] = v.styles.Warning.Render(m.Center("terminal too small for compare", w))
		return lines
	}
	if v.width != v.linesW || v.script != v.linesScript {
		v.rebuild() // on the copy: a caller that skipped SetSize still gets a right view
		v.clamp()
	}
	out := make([]string, 0, h)
	out = append(out, v.headerLine(w))
	if v.chart {
		out = append(out, v.chartView(w, v.bodyHeight())...)
	} else {
		out = append(out, v.pairsView(w, v.pairsHeight())...)
		out = append(out, v.metricsView(w, v.metricsHeight())...)
	}
	out = append(out, v.hintLine(w))
	for i, l := range out {
		out[i] = m.Fit(l, w)
	}
	return out
}

func (v *CompareModel) headerLine(w int) string {
	wa, wb := columns(w)
	name := func(side string, r *model.Report) string {
		if r == nil {
			return " " + side + " —"
		}
		return " " + side + " " + model.Convert(r.Name(), v.script)
	}
	m := v.measure
	return v.styles.Header.Render(m.Pad(name("A", v.c.A), wa)) +
		v.styles.Separator.Render(Separator) +
		v.styles.Header.Render(m.Pad(name("B", v.c.B), wb))
}

func (v *CompareModel) pairsView(w, h int) []string {
	wa, wb := columns(w)
	m := v.measure
	sep := v.styles.Separator.Render(Separator)
	side := func(text string, head, gap bool, kind model.Kind, width int) string {
		cell := m.Pad(text, width)
		switch {
		case gap:
			return v.styles.Dim.Render(cell)
		case head:
			return v.styles.Kind[kind].Render(cell)
		}
		return v.styles.Text.Render(cell)
	}
	out := make([]string, 0, h)
	for y := range h {
		i := v.offset + y
		if i >= len(v.lines) {
			out = append(out, strings.Repeat(" ", wa)+sep+strings.Repeat(" ", wb))
			continue
		}
		l := v.lines[i]
		p := v.c.Pairs[l.pair]
		ka, kb := p.Kind, p.Kind
		if p.A != nil {
			ka = p.A.Kind
		}
		if p.B != nil {
			kb = p.B.Kind
		}
		out = append(out, side(l.a, l.headA, l.gapA, ka, wa)+sep+side(l.b, l.headB, l.gapB, kb, wb))
	}
	return out
}

// metricColumnsFor lays out the metric table: the indicator column takes
// what the figures leave, periods and statuses go first when space is short.
func (v *CompareModel) metricTable(w int) (header string, rows []string) {
	m := v.measure
	cols := [][]string{{"指标", "A 数值", "A 增减", "A 期间", "B 数值", "B 增减", "B 期间", "差", "标记"}}
	for _, r := range v.c.Rows {
		d := r.LevelDiff.Text()
		if c := r.ChangeDiff.Text(); c != "" {
			d = strings.TrimSpace(d + " " + c)
		}
		cols = append(cols, []string{model.Convert(r.Indicator, v.script),
			r.A.LevelText(), r.A.ChangeText(), strings.TrimSpace(r.A.Period() + " " + r.A.StatusLabel()),
			r.B.LevelText(), r.B.ChangeText(), strings.TrimSpace(r.B.Period() + " " + r.B.StatusLabel()),
			d, r.Flags.Marks()})
	}
	widths := make([]int, len(cols[0]))
	for _, row := range cols {
		for i, c := range row {
			widths[i] = max(widths[i], m.Width(c))
		}
	}
	keep := []bool{true, true, true, true, true, true, true, true, true}
	total := func() int {
		n := 0
		for i, k := range keep {
			if k && i > 0 {
				n += widths[i] + 1
			}
		}
		return n
	}
	// Drop B's then A's period when the figures leave the indicator fewer
	// than 8 cells.
	for _, drop := range []int{6, 3} {
		if w-total() >= 8 {
			break
		}
		keep[drop] = false
	}
	widths[0] = max(4, min(widths[0], w-total()))
	render := func(row []string) string {
		var b strings.Builder
		for i, c := range row {
			if !keep[i] {
				continue
			}
			if i > 0 {
				b.WriteByte(' ')
			}
			if i == 0 || i == 8 {
				b.WriteString(m.Pad(c, widths[i]))
			} else {
				b.WriteString(m.PadLeft(c, widths[i]))
			}
		}
		return b.String()
	}
	header = render(cols[0])
	for _, row := range cols[1:] {
		rows = append(rows, render(row))
	}
	return header, rows
}

func (v *CompareModel) metricsView(w, h int) []string {
	m := v.measure
	st := v.styles.PaneTitle
	if v.focus == compareMetrics {
		st = v.styles.PaneTitleOn
	}
	title := " 指标对照 " + strconv.Itoa(len(v.c.Rows)) + " 项 · 标记 期 期间 态 状态 位 单位 范 区间 · g 图表"
	out := []string{st.Render(m.Pad(title, w))}
	if len(v.c.Rows) == 0 {
		out = append(out, v.styles.Dim.Render(m.Pad(" 两份报告都没有目录中的指标", w)))
	} else {
		header, rows := v.metricTable(w)
		out = append(out, v.styles.Heading.Render(m.Pad(header, w)))
		for i := v.metricOffset; i < len(rows) && len(out) < h; i++ {
			out = append(out, m.Pad(rows[i], w))
		}
	}
	for len(out) < h {
		out = append(out, strings.Repeat(" ", w))
	}
	return out[:h]
}

func (v *CompareModel) hintLine(w int) string {
	pos := ""
	if !v.chart && len(v.pairStart) > 0 {
		i := v.currentPair()
		pos = " 组 " + strconv.Itoa(i+1) + "/" + strconv.Itoa(len(v.pairStart)) + " " + v.c.Pairs[i].Topic.Label() + " ·"
	}
	hints := " ↑↓ 同步滚动 · n/N 下/上一组 · tab 切换 · g 图表 · t " + v.script.String() + " · q 退出"
	return v.styles.Status.Render(v.measure.Pad(pos+hints, w))
}

// compareOverlay shows a CompareModel inside the browser; esc or q closes
// it, ctrl+c quits.
type compareOverlay struct{ m *CompareModel }

// newCompareOverlay compares the browser's report with b.
func newCompareOverlay(a *Model, b *model.Report) *compareOverlay {
	m := newCompare(model.Align(a.Report(), b), a.measure, a.styles)
	m.script = a.script
	return &compareOverlay{m: &m}
}

func (o *compareOverlay) update(a *Model, msg tea.KeyPressMsg) (bool, tea.Cmd) {
	switch {
	case msg.String() == "ctrl+c":
		return true, tea.Quit
	case key.Matches(msg, a.keys.Quit), key.Matches(msg, a.keys.Cancel):
		return true, nil
	}
	o.m.HandleKey(msg)
	return false, nil
}

func (o *compareOverlay) view(a *Model, w, h int) []string {
	if o.m.width != w || o.m.height != h {
		o.m.SetSize(w, h)
	}
	return o.m.Lines()
}
