package ui

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baogao/cells"
	"baogao/hanzi"
	"baogao/model"
)

func fixtureDriver(t *testing.T) *driver {
	return newDriver(t, []*model.Report{fixtureReport()}, false, 120, 40)
}

func TestFoldAndMove(t *testing.T) {
	d := fixtureDriver(t)
	n := len(d.m.tree.rows)
	d.keys("enter") // fold part 一 (cursor on it)
	if got := len(d.m.tree.rows); got != n-5 {
		t.Fatalf("folding 一 left %d rows, want %d", got, n-5)
	}
	d.keys("space")
	if len(d.m.tree.rows) != n {
		t.Fatal("space did not unfold")
	}
	d.keys("j", "down")
	if h := d.m.Section().Heading(); h != "工业经济稳中有进。" {
		t.Fatalf("after two moves the cursor is on %q", h)
	}
	d.keys("h") // a leaf: go to parent
	if h := d.m.Section().Heading(); h != "(一)经济运行总体平稳" {
		t.Fatalf("h went to %q", h)
	}
	if !strings.Contains(cells.Strip(d.m.Render()), "面对复杂严峻的外部环境") {
		t.Error("reader does not show the selected section's text")
	}
}

func TestKindFilter(t *testing.T) {
	d := fixtureDriver(t)
	for _, tt := range []struct {
		key  string
		kind model.Kind
	}{{"1", model.KindAchievements}, {"2", model.KindProblems}, {"3", model.KindPlans}} {
		d.keys(tt.key)
		for _, r := range d.m.tree.rows {
			if !r.dim && r.sec.Kind != tt.kind && !inherits(d.m.Report(), r.sec, tt.kind) {
				t.Errorf("filter %s shows %q (%v)", tt.key, r.sec.Heading(), r.sec.Kind)
			}
		}
	}
	d.keys("2")
	if got := len(d.m.tree.rows); got != 2 { // 一 (dimmed, an ancestor) and the problems paragraph
		t.Errorf("problems filter shows %d rows, want 2", got)
	}
	d.keys("0")
	if got := len(d.m.tree.rows); got != 10 {
		t.Errorf("all kinds shows %d rows, want 10", got)
	}
}

// inherits reports whether an ancestor of s has kind k.
func inherits(r *model.Report, s *model.Section, k model.Kind) bool {
	found := false
	var walk func(ss []*model.Section, under bool)
	walk = func(ss []*model.Section, under bool) {
		for _, c := range ss {
			if c == s && under {
				found = true
			}
			walk(c.Children, under || c.Kind == k)
		}
	}
	walk(r.Sections, false)
	return found
}

func TestSearchTraditionalAndSimplified(t *testing.T) {
	if hanzi.Fold("經濟") != hanzi.Fold("经济") {
		t.Skip("hanzi.Fold does not fold traditional characters yet")
	}
	for _, q := range []string{"消费市场", "消費市場"} {
		d := fixtureDriver(t)
		d.keys("/")
		d.typeText(q)
		d.keys("enter")
		if len(d.m.search.matches) != 1 {
			t.Fatalf("%s: %d matching sections, want 1", q, len(d.m.search.matches))
		}
		if h := d.m.Section().Heading(); h != "消費市場持續回暖。" {
			t.Errorf("%s: cursor on %q", q, h)
		}
	}
}

func TestSearchNextPrevAndHighlight(t *testing.T) {
	d := newDriver(t, []*model.Report{fixtureReport()}, false, 120, 40)
	d.m.styles = NewStyles(true) // highlights need a visible style
	d.keys("/")
	d.typeText("增长")
	d.keys("enter")
	want := []string{"工业经济稳中有进。", "消費市場持續回暖。"}
	if hanzi.Fold("增長") != "增长" {
		want = want[:1] // traditional 增長 folds only once hanzi is real
	}
	if len(d.m.search.matches) < len(want) {
		t.Fatalf("%d matches, want ≥ %d", len(d.m.search.matches), len(want))
	}
	if h := d.m.Section().Heading(); h != want[0] {
		t.Errorf("first match %q, want %q", h, want[0])
	}
	d.keys("n", "N")
	if h := d.m.Section().Heading(); h != want[0] {
		t.Errorf("n then N lands on %q", h)
	}
	d.keys("N") // wraps to the last match
	if d.m.search.index != len(d.m.search.matches)-1 {
		t.Errorf("N from the first match goes to %d", d.m.search.index)
	}
	if !strings.Contains(d.m.Render(), d.m.styles.Match.Render("增长")) {
		t.Error("the match is not highlighted in the reader")
	}
}

func TestMatchRanges(t *testing.T) {
	tests := []struct {
		line, q string
		want    []string
	}{
		{"增长6.7%，增长快", "增长", []string{"增长", "增长"}},
		{"GDP and gdp", "gdp", []string{"GDP", "gdp"}},
		{"没有", "增长", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range matchRanges(tt.line, foldQuery(tt.q)) {
			got = append(got, tt.line[r.start:r.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("matchRanges(%q,%q) = %q, want %q", tt.line, tt.q, got, tt.want)
		}
	}
}

func TestScriptMetricsToggleAndSort(t *testing.T) {
	d := fixtureDriver(t)
	d.keys("t")
	if d.m.Script() != model.ScriptSimplified {
		t.Fatalf("t gives %v", d.m.Script())
	}
	d.keys("t", "t")
	if d.m.Script() != model.ScriptOriginal {
		t.Fatalf("three t give %v", d.m.Script())
	}
	if _, ok := d.m.rects[paneMetrics]; !ok {
		t.Fatal("metric pane hidden at start")
	}
	d.keys("m")
	if _, ok := d.m.rects[paneMetrics]; ok {
		t.Fatal("m did not hide the metric pane")
	}
	d.keys("m", "s", "s") // sort by value: largest level first
	rows := d.m.metrics.table.Rows()
	if len(rows) != 6 || !strings.Contains(rows[0][1], "412.6亿元") {
		t.Errorf("sorted by value, first row %q", rows[0])
	}
	d.keys("S")
	if rows := d.m.metrics.table.Rows(); strings.Contains(rows[0][1], "412.6") {
		t.Errorf("S did not reverse: %q", rows[0])
	}
}

func TestMouse(t *testing.T) {
	d := fixtureDriver(t)
	tree := d.m.rects[paneTree]
	d.send(tea.MouseClickMsg{X: 2, Y: tree.y + 1 + 3, Button: tea.MouseLeft})
	if h := d.m.Section().Heading(); h != "消費市場持續回暖。" {
		t.Errorf("click on the 4th row selected %q", h)
	}
	reader := d.m.rects[paneReader]
	d.keys("home")
	d.send(tea.MouseClickMsg{X: reader.x + 2, Y: reader.y + 2, Button: tea.MouseLeft})
	if d.m.focus != paneReader {
		t.Error("click did not focus the reader")
	}
	d.m.tree.cursor = 0
	d.send(tea.WindowSizeMsg{Width: 120, Height: 12 + 8})
	d.send(tea.MouseWheelMsg{X: reader.x + 2, Y: reader.y + 2, Button: tea.MouseWheelDown})
	if d.m.reader.offset != 3 {
		t.Errorf("wheel down scrolled the reader to %d, want 3", d.m.reader.offset)
	}
}

func TestRepairedMarked(t *testing.T) {
	d := fixtureDriver(t)
	screen := cells.Strip(d.m.Render())
	if !strings.Contains(strings.Split(screen, "\n")[0], "修复1处") {
		t.Error("header does not count the repaired span")
	}
	d.m.styles = NewStyles(true)
	if !strings.Contains(d.m.Render(), d.m.styles.Repaired.Render("社會消費品")) {
		t.Error("the repaired text is not marked in the reader")
	}
}

func TestStatusMsg(t *testing.T) {
	d := fixtureDriver(t)
	d.send(StatusMsg{Text: "exported 一、上半年"})
	lines := strings.Split(cells.Strip(d.m.Render()), "\n")
	if !strings.Contains(lines[len(lines)-1], "exported 一、上半年") {
		t.Errorf("status line %q", lines[len(lines)-1])
	}
	d.keys("j")
	lines = strings.Split(cells.Strip(d.m.Render()), "\n")
	if strings.Contains(lines[len(lines)-1], "exported") {
		t.Error("status message outlives the next key")
	}
}

func TestQuit(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		d := fixtureDriver(t)
		cmd := d.send(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s gives no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s does not quit", k)
		}
	}
}

func BenchmarkView(b *testing.B) {
	reports := seedReports(b)
	// The largest top-level section of all seeds.
	var best *model.Report
	var bestSec *model.Section
	size := 0
	for _, r := range reports {
		for _, s := range r.Sections {
			if n := len(model.SectionText(s, model.ScriptOriginal)); n > size {
				best, bestSec, size = r, s, n
			}
		}
	}
	wide := true
	m := New([]*model.Report{best}, Options{AmbiguousWide: &wide})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	m = next.(Model)
	m.tree.selectSection(bestSec)
	m.sync()
	b.ReportMetric(float64(size), "section-bytes")
	for b.Loop() {
		_ = m.View()
	}
}

func BenchmarkStartup(b *testing.B) {
	reports := seedReports(b)
	for b.Loop() {
		m := New(reports, Options{})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
		_ = next.(Model).View()
	}
}

// TestRendererWide checks that RendererWide follows RUNEWIDTH_EASTASIAN,
// the variable the browse command sets when it restarts itself so that
// bubbletea's renderer counts ambiguous characters as the layout does.
func TestRendererWide(t *testing.T) {
	if v := os.Getenv("BAOGAO_RENDERER_CHILD"); v != "" {
		if got := RendererWide(); got != (v == "1") {
			t.Fatalf("RUNEWIDTH_EASTASIAN=%s: RendererWide() = %v", v, got)
		}
		return
	}
	for _, v := range []string{"0", "1"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRendererWide$")
		cmd.Env = append(os.Environ(), "BAOGAO_RENDERER_CHILD="+v, "RUNEWIDTH_EASTASIAN="+v)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("child with RUNEWIDTH_EASTASIAN=%s: %v\n%s", v, err, out)
		}
	}
}
