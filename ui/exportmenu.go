package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"baogao/cells"
	"baogao/export"
	"baogao/model"
)

// CopySection is the y key: the section exactly as the reader shows it, in
// the display script, onto the clipboard.
func CopySection(s *model.Section, sc model.Script) tea.Cmd {
	if s == nil {
		return statusCmd("nothing selected to copy")
	}
	return Copy(model.SectionText(s, sc), model.Convert(s.Heading(), sc))
}

// CopyMetrics is the Y key: the section's metric table (its own and its
// descendants' metrics) as TSV, which pastes into a spreadsheet as columns.
func CopyMetrics(s *model.Section, sc model.Script) tea.Cmd {
	if s == nil {
		return statusCmd("nothing selected to copy")
	}
	ms := export.SectionMetrics(s)
	if len(ms) == 0 {
		return statusCmd("no metrics in " + cells.Truncate(model.Convert(s.Heading(), sc), 24, "…"))
	}
	tsv, err := export.MetricsString(ms, "tsv")
	if err != nil {
		return statusCmd(err.Error())
	}
	return Copy(tsv, fmt.Sprintf("%d metrics of %s", len(ms), model.Convert(s.Heading(), sc)))
}

func statusCmd(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text} }
}

// ExportedMsg reports a section or table written to a file.
type ExportedMsg struct {
	What, Format, Path string
	Bytes              int
	Err                error
}

// Status is the status bar's line for the export.
func (m ExportedMsg) Status() string {
	what := cells.Truncate(m.What, 24, "…")
	if m.Err != nil {
		return fmt.Sprintf("not exported %s: %v", what, m.Err)
	}
	return fmt.Sprintf("exported %s as %s to %s (%d bytes)", what, m.Format, m.Path, m.Bytes)
}

// menuFormat is one line of the menu's format list.
type menuFormat struct {
	name, label, hint string
	table             bool // writes the metric table
}

var menuFormats = []menuFormat{
	{"txt", "Text", "the section as shown", false},
	{"md", "Markdown", "headings, text, metric table", false},
	{"json", "JSON", "the section tree", false},
	{"tsv", "TSV", "metric table", true},
	{"csv", "CSV", "metric table", true},
}

type menuStage int

const (
	stageChoose  menuStage = iota // picking format and target
	stagePath                     // typing the file path
	stageConfirm                  // the file exists: overwrite?
	stageDone
)

// ExportMenu is the e key's menu: a format (text, Markdown, JSON; TSV and
// CSV for the metric table) and a target (the clipboard, or a file whose
// path is typed; an existing file is only replaced after a y).
type ExportMenu struct {
	report  *model.Report
	section *model.Section
	script  model.Script
	measure cells.Measurer
	metrics int
	copy    func(text, what string) tea.Cmd // Copy; tests record instead

	format int
	toFile bool
	stage  menuStage
	path   textinput.Model
	err    string
}

// NewExportMenu opens the menu on section s of r in display script sc.
func NewExportMenu(r *model.Report, s *model.Section, sc model.Script, m cells.Measurer) ExportMenu {
	p := textinput.New()
	p.Prompt = "file: "
	e := ExportMenu{report: r, section: s, script: sc, measure: m, path: p, copy: Copy}
	if s == nil {
		e.stage = stageDone
		return e
	}
	e.metrics = len(export.SectionMetrics(s))
	return e
}

// Done reports whether the menu has closed (copied, written or cancelled).
func (e ExportMenu) Done() bool { return e.stage == stageDone }

func (e ExportMenu) enabled(i int) bool { return !menuFormats[i].table || e.metrics > 0 }

// what names the export in status messages.
func (e ExportMenu) what() string {
	h := model.Convert(e.section.Heading(), e.script)
	if menuFormats[e.format].table {
		return fmt.Sprintf("%d metrics of %s", e.metrics, h)
	}
	return h
}

// content is what the chosen format writes. For the clipboard, text is
// model.SectionText exactly, as with y.
func (e ExportMenu) content() (string, error) {
	f := menuFormats[e.format]
	if f.name == "txt" && !e.toFile {
		return model.SectionText(e.section, e.script), nil
	}
	return export.SectionString(e.report, e.section, f.name, e.script)
}

// Update handles keys (and pastes into the path field).
func (e ExportMenu) Update(msg tea.Msg) (ExportMenu, tea.Cmd) {
	if e.stage == stageDone {
		return e, nil
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if isKey && k.String() == "ctrl+c" {
		e.stage = stageDone
		return e, tea.Quit
	}
	switch e.stage {
	case stagePath:
		return e.updatePath(msg)
	case stageConfirm:
		if isKey {
			return e.updateConfirm(k)
		}
		return e, nil
	}
	if !isKey {
		return e, nil
	}
	e.err = ""
	switch k.String() {
	case "up", "k":
		e.moveFormat(-1)
	case "down", "j":
		e.moveFormat(1)
	case "tab", "shift+tab", "left", "right", "h", "l":
		e.toFile = !e.toFile
	case "c":
		e.toFile = false
	case "f":
		e.toFile = true
	case "esc", "q":
		e.stage = stageDone
	case "enter":
		if !e.toFile {
			text, err := e.content()
			if err != nil {
				e.err = err.Error()
				return e, nil
			}
			e.stage = stageDone
			return e, e.copy(text, e.what())
		}
		e.stage = stagePath
		if e.path.Value() == "" || strings.HasPrefix(e.path.Value(), suggestedName(e.section, "")) {
			e.path.SetValue(suggestedName(e.section, menuFormats[e.format].name))
		}
		e.path.CursorEnd()
		return e, e.path.Focus()
	}
	return e, nil
}

func (e *ExportMenu) moveFormat(d int) {
	for i := e.format + d; i >= 0 && i < len(menuFormats); i += d {
		if e.enabled(i) {
			e.format = i
			return
		}
	}
}

func (e ExportMenu) updatePath(msg tea.Msg) (ExportMenu, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			e.stage = stageChoose
			e.err = ""
			e.path.Blur()
			return e, nil
		case "enter":
			p := expandHome(strings.TrimSpace(e.path.Value()))
			if p == "" {
				e.err = "type a file path"
				return e, nil
			}
			if info, err := os.Stat(p); err == nil {
				if info.IsDir() {
					e.err = p + " is a directory"
					return e, nil
				}
				e.stage = stageConfirm
				return e, nil
			}
			return e.write(p, false)
		}
	}
	e.err = ""
	var cmd tea.Cmd
	e.path, cmd = e.path.Update(msg)
	return e, cmd
}

func (e ExportMenu) updateConfirm(k tea.KeyPressMsg) (ExportMenu, tea.Cmd) {
	switch k.String() {
	case "y", "Y":
		return e.write(expandHome(strings.TrimSpace(e.path.Value())), true)
	case "n", "N", "esc":
		e.stage = stagePath
	}
	return e, nil
}

// write closes the menu and writes the file in a Cmd, off the UI's
// goroutine; the result comes back as an ExportedMsg.
func (e ExportMenu) write(path string, force bool) (ExportMenu, tea.Cmd) {
	text, err := e.content()
	if err != nil {
		e.err = err.Error()
		return e, nil
	}
	e.stage = stageDone
	e.path.Blur()
	what, format := e.what(), menuFormats[e.format].label
	return e, func() tea.Msg {
		err := export.WriteFile(path, []byte(text), force)
		if errors.Is(err, export.ErrExists) {
			err = errors.New(path + " appeared meanwhile; not overwritten")
		}
		return ExportedMsg{What: what, Format: format, Path: path, Bytes: len(text), Err: err}
	}
}

// Lines renders the menu body, each line exactly w cells.
func (e ExportMenu) Lines(w int) []string {
	m := e.measure
	if e.section == nil {
		return []string{m.Pad("nothing selected", w)}
	}
	var out []string
	add := func(s string) { out = append(out, m.Fit(s, w)) }
	add(model.Convert(e.section.Heading(), e.script))
	add("")
	labelW := 0
	for _, f := range menuFormats {
		labelW = max(labelW, m.Width(f.label))
	}
	for i, f := range menuFormats {
		head := "        "
		if i == 0 {
			head = "format  "
		}
		mark := "  "
		if i == e.format {
			mark = "▸ "
		}
		hint := f.hint
		if f.table {
			hint = fmt.Sprintf("%s (%d rows)", f.hint, e.metrics)
			if e.metrics == 1 {
				hint = f.hint + " (1 row)"
			}
			if !e.enabled(i) {
				mark, hint = "  ", "no metrics in this section"
			}
		}
		add(head + mark + m.Pad(f.label, labelW) + "  " + hint)
	}
	clip, file := "[clipboard]", " file "
	if e.toFile {
		clip, file = " clipboard ", "[file]"
	}
	add("target    " + clip + "  " + file)
	add("")
	switch e.stage {
	case stagePath:
		e.path.SetWidth(max(1, w-m.Width(e.path.Prompt)-1))
		add(e.path.View())
		add("enter write · esc back")
	case stageConfirm:
		p := expandHome(strings.TrimSpace(e.path.Value()))
		if m.Width(p) > w-len("exists: ") {
			// keep the file name in view: cut the path from the left
			p = "…" + reverseTruncate(m, p, w-len("exists: ")-m.Width("…"))
		}
		add("exists: " + p)
		add("overwrite it? y/n")
	default:
		add("enter go · ↑↓ format · tab target · esc cancel")
	}
	if e.err != "" {
		add("! " + e.err)
	}
	return out
}

// suggestedName is a file name for the section: its heading with
// characters file systems dislike replaced, plus the format's extension
// (none when ext is empty, used to tell a suggestion from a typed path).
func suggestedName(s *model.Section, ext string) string {
	h := []rune(s.Heading())
	if len(h) > 24 {
		h = h[:24]
	}
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>| `, r) || r < ' ' {
			return '_'
		}
		return r
	}, string(h))
	if name == "" {
		name = "section"
	}
	if ext == "" {
		return name
	}
	return name + "." + ext
}

// reverseTruncate keeps the last w cells of s.
func reverseTruncate(m cells.Measurer, s string, w int) string {
	r := []rune(s)
	n := 0
	for i := len(r) - 1; i >= 0; i-- {
		n += m.RuneWidth(r[i])
		if n > w {
			return string(r[i+1:])
		}
	}
	return s
}

func expandHome(p string) string {
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[2:])
		}
	}
	return p
}

// exportOverlay shows the menu as one of the app's overlays.
type exportOverlay struct{ menu ExportMenu }

func newExportOverlay(a *Model) *exportOverlay {
	return &exportOverlay{NewExportMenu(a.Report(), a.Section(), a.script, a.measure)}
}

func (o *exportOverlay) update(a *Model, msg tea.KeyPressMsg) (bool, tea.Cmd) {
	var cmd tea.Cmd
	o.menu, cmd = o.menu.Update(msg)
	return o.menu.Done(), cmd
}

func (o *exportOverlay) view(a *Model, w, h int) []string {
	return frame(a, "Export", o.menu.Lines(max(1, min(w-8, 64))), w, h)
}
