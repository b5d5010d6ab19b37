package ui

import (
	"strings"
	"testing"

	"baogao/model"
)

// TestCompareKey: c marks the current report as B; on another report, c
// opens the side-by-side view; with one report it explains what is needed.
func TestCompareKey(t *testing.T) {
	one := newDriver(t, []*model.Report{fixtureReport()}, false, 120, 40)
	one.keys("c")
	if !strings.Contains(one.m.status, "two reports") || one.m.overlay != nil {
		t.Fatalf("with one report, c gave status %q and overlay %T", one.m.status, one.m.overlay)
	}

	a, b := fixtureReport(), fixtureReport()
	b.Path = "second"
	d := newDriver(t, []*model.Report{a, b}, false, 160, 50)
	d.keys("c")
	if d.m.compareMark != d.m.Report() || !strings.Contains(d.m.status, "marked") {
		t.Fatalf("c did not mark the report: mark %v, status %q", d.m.compareMark, d.m.status)
	}
	marked := d.m.Report()
	d.keys("r", "down", "enter")
	if d.m.Report() == marked {
		t.Fatal("the report list did not switch reports")
	}
	d.keys("c")
	if _, ok := d.m.overlay.(*compareOverlay); !ok {
		t.Fatalf("c on a second report opened %T, want the compare view", d.m.overlay)
	}
	checkScreen(t, d.m, "compare overlay")
	d.keys("esc")
	if d.m.overlay != nil {
		t.Fatal("esc did not close the compare view")
	}
}
