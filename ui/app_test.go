package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baogao/cells"
	"baogao/model"
)

var update = flag.Bool("update", false, "rewrite golden screens in testdata/")

// keyMsg builds the key press a terminal would send for name.
func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]tea.KeyPressMsg{
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"enter":     {Code: tea.KeyEnter},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"esc":       {Code: tea.KeyEscape},
		"space":     {Code: tea.KeySpace, Text: " "},
		"pgdown":    {Code: tea.KeyPgDown},
		"end":       {Code: tea.KeyEnd},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
	}
	if k, ok := special[name]; ok {
		return k
	}
	r := []rune(name)
	return tea.KeyPressMsg{Code: r[0], Text: name}
}

// driver feeds messages to a Model as bubbletea would.
type driver struct {
	t *testing.T
	m Model
}

func newDriver(t *testing.T, reports []*model.Report, wide bool, w, h int) *driver {
	d := &driver{t: t, m: New(reports, Options{AmbiguousWide: &wide, NoColor: true})}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func (d *driver) send(msg tea.Msg) tea.Cmd {
	next, cmd := d.m.Update(msg)
	d.m = next.(Model)
	return cmd
}

func (d *driver) keys(names ...string) {
	for _, n := range names {
		d.send(keyMsg(n))
	}
}

func (d *driver) typeText(s string) {
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// checkScreen asserts the screen is exactly w×h cells in the model's mode.
func checkScreen(t *testing.T, m Model, label string) {
	t.Helper()
	screen := m.View().Content
	lines := strings.Split(screen, "\n")
	if len(lines) != m.height {
		t.Fatalf("%s: %d lines, want %d", label, len(lines), m.height)
	}
	for i, l := range lines {
		if got := m.measure.Width(l); got != m.width {
			t.Fatalf("%s: line %d is %d cells, want %d:\n%q", label, i, got, m.width, cells.Strip(l))
		}
	}
}

// script is the key sequence every screen test walks through.
var script = [][]string{
	{},
	{"down", "down", "down"},
	{"enter"},
	{"space"},
	{"right", "down", "left"},
	{"tab"},
	{"down", "pgdown", "end"},
	{"tab"},
	{"down", "s", "s", "s", "S"},
	{"shift+tab", "shift+tab"},
	{"/"},
	{"经", "济"},
	{"enter"},
	{"n", "n", "N"},
	{"1"}, {"2"}, {"3"}, {"0"},
	{"t"}, {"t"}, {"t"},
	{"m"}, {"tab", "tab", "tab"}, {"m"},
	{"?"}, {"esc"},
	{"r"}, {"down"}, {"enter"},
	{"esc"},
}

func walkScreens(t *testing.T, reports []*model.Report) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}, {60, 15}} {
		for _, wide := range []bool{false, true} {
			d := newDriver(t, reports, wide, size[0], size[1])
			for i, step := range script {
				for _, k := range step {
					if len([]rune(k)) == 1 && d.m.searching {
						d.typeText(k)
					} else {
						d.keys(k)
					}
				}
				checkScreen(t, d.m, fmt.Sprintf("%dx%d wide=%v step %d %v", size[0], size[1], wide, i, step))
			}
		}
	}
}

func TestScreensFixture(t *testing.T) {
	walkScreens(t, []*model.Report{fixtureReport()})
}

func TestScreensSeeds(t *testing.T) {
	seeds := seedReports(t)
	for _, r := range seeds {
		t.Run(r.Path, func(t *testing.T) { walkScreens(t, []*model.Report{r}) })
	}
	t.Run("all", func(t *testing.T) { walkScreens(t, seeds) })
}

func TestTooSmall(t *testing.T) {
	for _, size := range [][2]int{{59, 24}, {80, 14}, {20, 5}, {1, 1}} {
		d := newDriver(t, []*model.Report{fixtureReport()}, false, size[0], size[1])
		checkScreen(t, d.m, fmt.Sprint(size))
		if size[0] >= 20 && !strings.Contains(d.m.Render(), "too small") {
			t.Errorf("%v: no 'too small' message:\n%s", size, d.m.Render())
		}
	}
	d := newDriver(t, []*model.Report{fixtureReport()}, false, 60, 15)
	if strings.Contains(d.m.Render(), "too small") {
		t.Error("60×15 is big enough")
	}
}

func TestSideBySide(t *testing.T) {
	for _, tt := range []struct {
		w, h int
		side bool
	}{{80, 24, false}, {119, 40, false}, {120, 40, true}, {200, 60, true}} {
		d := newDriver(t, []*model.Report{fixtureReport()}, false, tt.w, tt.h)
		tree, reader := d.m.rects[paneTree], d.m.rects[paneReader]
		if side := tree.y == reader.y && reader.x > tree.x; side != tt.side {
			t.Errorf("%dx%d: side by side = %v, want %v", tt.w, tt.h, side, tt.side)
		}
		// Every body line of a side-by-side screen carries the separators.
		body := strings.Split(cells.Strip(d.m.Render()), "\n")[1 : tt.h-1]
		for i, l := range body {
			if n := strings.Count(l, Separator); tt.side && n != 2 {
				t.Errorf("%dx%d line %d has %d separators: %q", tt.w, tt.h, i, n, l)
			}
		}
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update and review the file)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden screen; got:\n%s", path, got)
	}
}

func TestGoldenScreens(t *testing.T) {
	for _, tt := range []struct {
		name string
		w, h int
		wide bool
		keys []string
	}{
		{"fixture_80x24_narrow", 80, 24, false, nil},
		{"fixture_120x40_wide", 120, 40, true, []string{"down", "down"}},
		{"fixture_200x60_narrow_plans", 200, 60, false, []string{"3", "down", "tab"}},
		{"fixture_80x24_help", 80, 24, false, []string{"?"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := newDriver(t, []*model.Report{fixtureReport()}, tt.wide, tt.w, tt.h)
			d.keys(tt.keys...)
			golden(t, tt.name, cells.Strip(d.m.Render())+"\n")
		})
	}
}
