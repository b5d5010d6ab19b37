package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baogao/cells"
	"baogao/export"
	"baogao/model"
)

// menuKey is the key press a terminal sends for name.
func menuKey(name string) tea.KeyPressMsg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	}
	r := []rune(name)
	return tea.KeyPressMsg{Code: r[0], Text: name}
}

// menuReport: a part with a metric in its chapter, and one without any.
func menuReport() *model.Report {
	ch := &model.Section{Label: "(一)", Title: "产业发展稳中有进", Style: "cn-paren", Text: "规模以上工业增加值增长6.1%。",
		Metrics: []model.Metric{{Section: "一/(一)", Indicator: "规模以上工业增加值", Value: 6.1, Unit: "%",
			Measure: model.MeasureChange, Period: "上半年", Status: model.StatusActual}}}
	return &model.Report{Path: "menu.txt", Sections: []*model.Section{
		{Label: "一", Title: "上半年工作回顾", Style: "cn-dun", Text: "全区经济运行总体平稳,“稳中有进”。", Children: []*model.Section{ch}},
		{Label: "二", Title: "下半年工作打算", Style: "cn-dun", Text: "确保全年目标任务圆满完成。"},
	}}
}

// recorder stands in for Copy.
type recorder struct{ text, what string }

func (r *recorder) copy(text, what string) tea.Cmd {
	r.text, r.what = text, what
	return func() tea.Msg { return CopiedMsg{What: what} }
}

func newTestMenu(s *model.Section, r *model.Report) (ExportMenu, *recorder) {
	rec := &recorder{}
	m := NewExportMenu(r, s, model.ScriptOriginal, cells.New(false))
	m.copy = rec.copy
	return m, rec
}

func press(t *testing.T, m ExportMenu, keys ...string) (ExportMenu, tea.Cmd) {
	t.Helper()
	var cmd tea.Cmd
	for _, k := range keys {
		m, cmd = m.Update(menuKey(k))
	}
	return m, cmd
}

func TestExportMenuClipboard(t *testing.T) {
	r := menuReport()
	one := r.Sections[0]
	tests := []struct {
		keys []string
		want func() string
	}{
		{[]string{"enter"}, func() string { return model.SectionText(one, model.ScriptOriginal) }},
		{[]string{"down", "enter"}, func() string { s, _ := export.SectionString(r, one, "md", model.ScriptOriginal); return s }},
		{[]string{"j", "j", "enter"}, func() string { s, _ := export.SectionString(r, one, "json", model.ScriptOriginal); return s }},
		{[]string{"j", "j", "j", "enter"}, func() string { s, _ := export.MetricsString(export.SectionMetrics(one), "tsv"); return s }},
		{[]string{"j", "j", "j", "j", "j", "j", "enter"}, func() string { s, _ := export.MetricsString(export.SectionMetrics(one), "csv"); return s }},
		{[]string{"j", "k", "enter"}, func() string { return model.SectionText(one, model.ScriptOriginal) }},
		{[]string{"tab", "tab", "enter"}, func() string { return model.SectionText(one, model.ScriptOriginal) }},
	}
	for _, tt := range tests {
		m, rec := newTestMenu(one, r)
		m, cmd := press(t, m, tt.keys...)
		if !m.Done() || cmd == nil {
			t.Errorf("%v: menu done %v, cmd %v", tt.keys, m.Done(), cmd)
			continue
		}
		if want := tt.want(); rec.text != want || want == "" {
			t.Errorf("%v: copied\n%q\nwant\n%q", tt.keys, rec.text, want)
		}
		if _, ok := cmd().(CopiedMsg); !ok {
			t.Errorf("%v: the Cmd does not report a CopiedMsg", tt.keys)
		}
	}
	// esc cancels without copying
	m, rec := newTestMenu(one, r)
	m, cmd := press(t, m, "esc")
	if !m.Done() || cmd != nil || rec.text != "" {
		t.Errorf("esc: done %v, cmd %v, copied %q", m.Done(), cmd, rec.text)
	}
}

// TestExportMenuNoMetrics: the table formats cannot be chosen for a
// section without metrics.
func TestExportMenuNoMetrics(t *testing.T) {
	r := menuReport()
	m, rec := newTestMenu(r.Sections[1], r)
	m, _ = press(t, m, "j", "j", "j", "j", "j", "enter")
	if !strings.HasPrefix(rec.text, "{\n") {
		t.Errorf("copied %q, want the JSON (the last enabled format)", rec.text)
	}
	if !strings.Contains(strings.Join(m.Lines(60), "\n"), "no metrics in this section") {
		t.Error("menu does not say the table formats are off")
	}
}

func TestExportMenuFile(t *testing.T) {
	r := menuReport()
	one := r.Sections[0]
	dir := t.TempDir()
	dst := filepath.Join(dir, "第一部分.md")
	wantMD, _ := export.SectionString(r, one, "md", model.ScriptOriginal)

	m, _ := newTestMenu(one, r)
	m, _ = press(t, m, "down", "tab", "enter")
	if m.Done() || m.stage != stagePath {
		t.Fatalf("enter with target file: stage %v, want the path field", m.stage)
	}
	if got := m.path.Value(); got != "一、上半年工作回顾.md" {
		t.Errorf("suggested file name %q", got)
	}
	m.path.SetValue(dst)
	m, cmd := press(t, m, "enter")
	if !m.Done() || cmd == nil {
		t.Fatalf("enter on a new path: done %v", m.Done())
	}
	msg, ok := cmd().(ExportedMsg)
	if !ok || msg.Err != nil || msg.Path != dst || msg.Bytes != len(wantMD) {
		t.Fatalf("ExportedMsg %+v", msg)
	}
	if got, _ := os.ReadFile(dst); string(got) != wantMD {
		t.Errorf("file holds\n%s\nwant\n%s", got, wantMD)
	}

	// The file exists now: JSON over it asks first; n keeps it, y replaces it.
	m, _ = newTestMenu(one, r)
	m, _ = press(t, m, "j", "j", "f", "enter")
	m.path.SetValue(dst)
	m, cmd = press(t, m, "enter")
	if m.stage != stageConfirm || cmd != nil {
		t.Fatalf("existing file: stage %v, cmd %v; want a question", m.stage, cmd)
	}
	if l := strings.Join(m.Lines(40), "\n"); !strings.Contains(l, "overwrite it? y/n") || !strings.Contains(l, "第一部分.md") {
		t.Errorf("no overwrite question:\n%s", strings.Join(m.Lines(70), "\n"))
	}
	m, _ = press(t, m, "n")
	if m.stage != stagePath {
		t.Errorf("n: stage %v, want back to the path", m.stage)
	}
	if got, _ := os.ReadFile(dst); string(got) != wantMD {
		t.Error("n changed the file")
	}
	m, _ = press(t, m, "enter")
	m, cmd = press(t, m, "y")
	if !m.Done() || cmd == nil {
		t.Fatalf("y: done %v", m.Done())
	}
	if msg := cmd().(ExportedMsg); msg.Err != nil {
		t.Fatal(msg.Err)
	}
	wantJSON, _ := export.SectionString(r, one, "json", model.ScriptOriginal)
	if got, _ := os.ReadFile(dst); string(got) != wantJSON {
		t.Errorf("after y the file holds\n%s\nwant\n%s", got, wantJSON)
	}

	// a directory is refused in place
	m, _ = newTestMenu(one, r)
	m, _ = press(t, m, "f", "enter")
	m.path.SetValue(dir)
	m, cmd = press(t, m, "enter")
	if m.Done() || cmd != nil || !strings.Contains(strings.Join(m.Lines(60), "\n"), "is a directory") {
		t.Errorf("directory as target: done %v", m.Done())
	}
	// esc goes back to the choice, esc again closes
	m, _ = press(t, m, "esc")
	if m.stage != stageChoose {
		t.Errorf("esc in the path field: stage %v", m.stage)
	}
}

// TestExportMenuLines: every line of the menu is exactly the asked width,
// in both ambiguous-width modes, at every stage.
func TestExportMenuLines(t *testing.T) {
	r := menuReport()
	for _, wide := range []bool{false, true} {
		meas := cells.New(wide)
		for _, keys := range [][]string{nil, {"down"}, {"tab", "enter"}} {
			m := NewExportMenu(r, r.Sections[0], model.ScriptOriginal, meas)
			m, _ = press(t, m, keys...)
			for _, w := range []int{20, 41, 64} {
				lines := m.Lines(w)
				if len(lines) < 9 {
					t.Errorf("wide=%v %v w=%d: %d lines", wide, keys, w, len(lines))
				}
				for _, l := range lines {
					if got := meas.Width(l); got != w {
						t.Errorf("wide=%v %v: line %q is %d cells, want %d", wide, keys, l, got, w)
					}
				}
			}
		}
	}
}

func TestExportMenuConfirmLines(t *testing.T) {
	r := menuReport()
	dst := filepath.Join(t.TempDir(), "一个很长很长的文件名用来测试截断.md")
	os.WriteFile(dst, []byte("x"), 0o644)
	meas := cells.New(true)
	m := NewExportMenu(r, r.Sections[0], model.ScriptOriginal, meas)
	m, _ = press(t, m, "f", "enter")
	m.path.SetValue(dst)
	m, _ = press(t, m, "enter")
	lines := m.Lines(30)
	for _, l := range lines {
		if meas.Width(l) != 30 {
			t.Errorf("line %q is %d cells, want 30", l, meas.Width(l))
		}
	}
	if all := strings.Join(lines, "\n"); !strings.Contains(all, "截断.md") {
		t.Errorf("the file name is cut off:\n%s", all)
	}
}

func TestCopyKeys(t *testing.T) {
	r := menuReport()
	status := func(cmd tea.Cmd) string {
		if msg, ok := cmd().(StatusMsg); ok {
			return msg.Text
		}
		return ""
	}
	if got := status(CopySection(nil, model.ScriptOriginal)); got != "nothing selected to copy" {
		t.Errorf("y on nothing: %q", got)
	}
	if got := status(CopyMetrics(r.Sections[1], model.ScriptOriginal)); got != "no metrics in 二、下半年工作打算" {
		t.Errorf("Y on a section without metrics: %q", got)
	}
	// y and Y send the text by OSC 52 (whatever native tool there is).
	one := r.Sections[0]
	text := model.SectionText(one, model.ScriptOriginal)
	if _, msg := splitCopy(t, clipMsgs(CopySection(one, model.ScriptOriginal)), text); msg.What != "一、上半年工作回顾" {
		t.Errorf("y: %+v", msg)
	}
	tsv, _ := export.MetricsString(export.SectionMetrics(one), "tsv")
	if _, msg := splitCopy(t, clipMsgs(CopyMetrics(one, model.ScriptOriginal)), tsv); msg.What != "1 metrics of 一、上半年工作回顾" {
		t.Errorf("Y: %+v", msg)
	}
}
