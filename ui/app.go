// Package ui is baogao's terminal browser: a section tree, the selected
// section's text and its metric table, laid out so that every line is
// exactly the terminal's width in cells, CJK and ambiguous-width
// characters included.
//
// Layout rule: panes render []string lines of exactly their width, measured
// with the app's cells.Measurer; lipgloss only adds colour. The app joins
// the panes and fits every line once more before it leaves View.
package ui

import (
	"io"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"baogao/cells"
	"baogao/model"
)

// Minimum terminal size; below it the browser says so instead of drawing.
const (
	MinWidth  = 60
	MinHeight = 15
	// SideBySideWidth is the width from which panes stand side by side.
	SideBySideWidth = 120
)

// Options configures the browser.
type Options struct {
	// AmbiguousWide forces ambiguous-width characters (“”…—①) to two
	// cells (true) or one (false); nil follows the locale (go-runewidth).
	AmbiguousWide *bool
	// NoColor drops colours (NO_COLOR); bold and reverse video remain.
	NoColor bool
	// Input and Output default to the terminal.
	Input  io.Reader
	Output io.Writer
}

// StatusMsg shows a one-line message in the status bar until the next key.
type StatusMsg struct{ Text string }

// pane identifies a pane for focus and mouse routing.
type pane int

const (
	paneTree pane = iota
	paneReader
	paneMetrics
)

// rect is a pane's place on the screen (x, y of its title line).
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// Model is the browser's top model: it owns the window size, focus and
// layout, and routes messages to the panes and overlays.
type Model struct {
	reports []*model.Report
	current int
	measure cells.Measurer
	styles  Styles
	keys    keyMap

	width, height int
	focus         pane
	showMetrics   bool
	script        model.Script

	tree    treeModel
	reader  readerModel
	metrics metricsModel
	rects   map[pane]rect

	searching   bool
	searchInput textinput.Model
	search      searchState

	overlay overlay
	status  string
	// compareMark is the report marked with c as the second side (B).
	compareMark *model.Report

	repaired map[*model.Section][]string
}

// New builds the browser over reports (at least one).
func New(reports []*model.Report, opts Options) Model {
	wide := cells.Detect()
	if opts.AmbiguousWide != nil {
		wide = *opts.AmbiguousWide
	}
	if len(reports) == 0 {
		reports = []*model.Report{{Path: "(no report)"}}
	}
	a := Model{
		reports:     reports,
		measure:     cells.New(wide),
		styles:      NewStyles(!opts.NoColor),
		keys:        newKeyMap(),
		showMetrics: true,
		rects:       map[pane]rect{},
	}
	a.searchInput = textinput.New()
	a.searchInput.Prompt = "/"
	a.metrics = newMetrics(a.styles)
	a.openReport(0)
	return a
}

// Run starts the browser and returns when the user quits.
func Run(reports []*model.Report, opts Options) error {
	var po []tea.ProgramOption
	if opts.Input != nil {
		po = append(po, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		po = append(po, tea.WithOutput(opts.Output))
	}
	_, err := tea.NewProgram(New(reports, opts), po...).Run()
	return err
}

// Report is the report on screen.
func (a Model) Report() *model.Report { return a.reports[a.current] }

// Section is the section under the tree's cursor (nil in an empty report).
func (a Model) Section() *model.Section { return a.tree.Selected() }

// Script is the display script chosen with t.
func (a Model) Script() model.Script { return a.script }

func (a *Model) openReport(i int) {
	a.current = i
	r := a.reports[i]
	a.tree = newTree(r)
	a.reader = readerModel{}
	a.metrics.sec = nil
	a.search = searchState{}
	a.repaired = repairedSpans(r)
}

// repairedSpans maps each section to the repaired (mojibake) text inside
// it, located by Section.Offset in Report.Text.
func repairedSpans(r *model.Report) map[*model.Section][]string {
	var secs []*model.Section
	r.Walk(func(s *model.Section, _ int) bool { secs = append(secs, s); return true })
	out := map[*model.Section][]string{}
	for _, sp := range r.Spans {
		if sp.Kind != model.SpanMojibake || sp.Start < 0 || sp.End > len(r.Text) || sp.Start >= sp.End {
			continue
		}
		var owner *model.Section
		for _, s := range secs {
			if s.Offset <= sp.Start {
				owner = s
			}
		}
		if owner != nil {
			out[owner] = append(out[owner], r.Text[sp.Start:sp.End])
		}
	}
	return out
}

// repairedIn lists the repaired text shown in s's SectionText.
func (a *Model) repairedIn(s *model.Section) []string {
	if s == nil || len(a.repaired) == 0 || a.script != model.ScriptOriginal {
		return nil
	}
	var out []string
	s.Walk(0, func(x *model.Section, _ int) bool { out = append(out, a.repaired[x]...); return true })
	return out
}

func (a Model) repairedCount() int {
	n := 0
	for _, sp := range a.Report().Spans {
		if sp.Kind == model.SpanMojibake {
			n++
		}
	}
	return n
}

// Init implements tea.Model.
func (a Model) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (a Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := a.update(msg)
	next := m.(Model)
	next.sync()
	return next, cmd
}

func (a Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		return a, nil
	case StatusMsg:
		a.status = msg.Text
		return a, nil
	case interface{ Status() string }:
		// Results of copy and export commands describe themselves.
		a.status = msg.Status()
		return a, nil
	case tea.KeyPressMsg:
		a.status = ""
		return a.handleKey(msg)
	case tea.MouseWheelMsg:
		a.handleWheel(msg.Mouse())
		return a, nil
	case tea.MouseClickMsg:
		a.handleClick(msg.Mouse())
		return a, nil
	}
	if a.searching {
		var cmd tea.Cmd
		a.searchInput, cmd = a.searchInput.Update(msg)
		return a, cmd
	}
	return a, nil
}

func (a Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.keys
	if a.overlay != nil {
		done, cmd := a.overlay.update(&a, msg)
		if done {
			a.overlay = nil
		}
		return a, cmd
	}
	if a.searching {
		return a.handleSearchKey(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return a, tea.Quit
	case key.Matches(msg, k.Help):
		a.overlay = helpOverlay{}
	case key.Matches(msg, k.Reports):
		if len(a.reports) > 1 {
			a.overlay = newList(&a)
		} else {
			a.status = "only one report is open"
		}
	case key.Matches(msg, k.Search):
		a.searching = true
		a.searchInput.SetValue("")
		return a, a.searchInput.Focus()
	case key.Matches(msg, k.Next):
		a.jumpMatch(1)
	case key.Matches(msg, k.Prev):
		a.jumpMatch(-1)
	case key.Matches(msg, k.Clear):
		a.search = searchState{}
	case key.Matches(msg, k.Achievements):
		a.setFilter(kindFilter(model.KindAchievements))
	case key.Matches(msg, k.Problems):
		a.setFilter(kindFilter(model.KindProblems))
	case key.Matches(msg, k.Plans):
		a.setFilter(kindFilter(model.KindPlans))
	case key.Matches(msg, k.AllKinds):
		a.setFilter(kindAll)
	case key.Matches(msg, k.Script):
		a.script = a.script.Next()
		a.status = "script: " + a.script.String()
	case key.Matches(msg, k.Metrics):
		a.showMetrics = !a.showMetrics
		if !a.showMetrics && a.focus == paneMetrics {
			a.focus = paneTree
		}
	case key.Matches(msg, k.Sort):
		a.metrics.sortNext(&a)
	case key.Matches(msg, k.SortReverse):
		a.metrics.reverseOrder(&a)
	case key.Matches(msg, k.Copy):
		return a, CopySection(a.Section(), a.script)
	case key.Matches(msg, k.CopyMetrics):
		return a, CopyMetrics(a.Section(), a.script)
	case key.Matches(msg, k.Export):
		a.overlay = newExportOverlay(&a)
	case key.Matches(msg, k.Compare):
		switch {
		case a.compareMark != nil && a.compareMark != a.Report():
			a.overlay = newCompareOverlay(&a, a.compareMark)
		case len(a.reports) < 2:
			a.status = "compare needs two reports: open baogao with two files, or run baogao compare A B"
		default:
			a.compareMark = a.Report()
			a.status = "marked as B — open another report (r) and press c to compare"
		}
	// Hook for further views: add a case here that sets a.overlay.
	case key.Matches(msg, k.Focus):
		a.cycleFocus(1)
	case key.Matches(msg, k.FocusBack):
		a.cycleFocus(-1)
	default:
		return a.paneKey(msg)
	}
	return a, nil
}

func (a *Model) setFilter(f kindFilter) {
	a.tree.filter = f
	a.tree.rebuild()
	if f == kindAll {
		a.status = "all kinds"
	} else {
		a.status = "only " + model.Kind(f).String() + " " + model.Kind(f).Badge()
	}
}

func (a *Model) cycleFocus(d int) {
	n := 2
	if a.showMetrics {
		n = 3
	}
	a.focus = pane((int(a.focus) + d + n) % n)
}

// paneKey passes a key to the focused pane.
func (a Model) paneKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.keys
	page := max(1, a.rects[a.focus].h-2)
	switch a.focus {
	case paneTree:
		if d, ok := k.motion(msg, page, false); ok {
			a.tree.move(d)
			break
		}
		switch {
		case key.Matches(msg, k.Fold):
			a.tree.toggle()
		case key.Matches(msg, k.Left) && len(a.tree.rows) > 0:
			a.tree.left()
		case key.Matches(msg, k.Right) && len(a.tree.rows) > 0:
			a.tree.right()
		}
	case paneReader:
		if d, ok := k.motion(msg, page, true); ok {
			a.reader.scroll(d)
		}
	case paneMetrics:
		var cmd tea.Cmd
		a.metrics.table.Focus()
		a.metrics.table, cmd = a.metrics.table.Update(msg)
		return a, cmd
	}
	return a, nil
}

func (a Model) handleSearchKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.String() == "ctrl+c":
		return a, tea.Quit
	case key.Matches(msg, a.keys.Cancel):
		a.searching = false
		a.searchInput.Blur()
		return a, nil
	case key.Matches(msg, a.keys.Accept):
		a.searching = false
		a.searchInput.Blur()
		q := foldQuery(strings.TrimSpace(a.searchInput.Value()))
		matches := findSections(a.Report(), q)
		a.search = searchState{query: q, matches: matches, matchSet: map[*model.Section]bool{}, index: -1}
		for _, s := range matches {
			a.search.matchSet[s] = true
		}
		if q != "" && len(matches) == 0 {
			a.status = "no match for " + a.searchInput.Value()
			return a, nil
		}
		a.jumpMatch(1)
		return a, nil
	}
	var cmd tea.Cmd
	a.searchInput, cmd = a.searchInput.Update(msg)
	return a, cmd
}

// jumpMatch moves to the next (d=1) or previous (d=-1) matching section
// and scrolls the reader to the first match in it.
func (a *Model) jumpMatch(d int) {
	s := &a.search
	if len(s.matches) == 0 {
		if s.query == "" {
			a.status = "no search: press / to search"
		}
		return
	}
	s.index = (s.index + d + len(s.matches)) % len(s.matches)
	sec := s.matches[s.index]
	a.tree.reveal(sec)
	a.status = "match " + strconv.Itoa(s.index+1) + "/" + strconv.Itoa(len(s.matches))
	a.sync()
	if i := a.reader.lineOf(s.query); i >= 0 {
		a.reader.offset = max(0, i-1)
		a.reader.clamp()
	}
}

// RendererWide reports whether bubbletea's renderer counts ambiguous-width
// characters as two cells in this process (it decides once, from
// RUNEWIDTH_EASTASIAN). The layout must use the same mode.
func RendererWide() bool { return lipgloss.Width("…") == 2 }
