package ui

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baogao/export"
	"baogao/model"
	"baogao/parser"
)

// clipReport is a made-up report for the clipboard end-to-end tests.
const clipReport = `关于2024年上半年全区经济社会发展情况的报告

一、上半年工作回顾
上半年,全区实现地区生产总值312.5亿元,同比增长5.8%。一般公共预算收入21.3亿元,增长3.2%。
(一)产业发展稳中有进。规模以上工业增加值增长6.1%,新增规上企业17家。
(二)项目建设有力推进。新开工重大项目42个,完成投资86.4亿元。
二、下半年工作打算
(一)全力抓好项目建设。确保全年新开工项目80个以上。
(二)持续优化营商环境。深化"一网通办"改革。
`

// keyWired tells a key the app does not handle yet from a broken copy:
// app.go calls CopySection for y and CopyMetrics for Y.
func keyWired(fn string) bool {
	src, _ := os.ReadFile("app.go")
	keys, _ := os.ReadFile("keys.go")
	return strings.Contains(string(src)+string(keys), fn+"(")
}

// TestClipboardTmux is the tmux end-to-end check: y on a section
// puts exactly that section's text into tmux's paste buffer, Y its metric
// table as TSV.
func TestClipboardTmux(t *testing.T) {
	bin := e2eBinary(t)
	dir := t.TempDir()
	report := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(report, []byte(clipReport), 0o644); err != nil {
		t.Fatal(err)
	}
	// What the browser shows first: the first section of the same parse.
	r, err := parser.Parse(report, []byte(clipReport))
	if err != nil || len(r.Sections) == 0 {
		t.Fatalf("parse: %v, %d sections", err, len(r.Sections))
	}
	first := r.Sections[0]
	wantText := model.SectionText(first, model.ScriptOriginal)

	conf := filepath.Join(dir, "tmux.conf")
	os.WriteFile(conf, []byte("set -s set-clipboard on\nset -g remain-on-exit on\n"), 0o644)
	x := startTmux(t, "clip", 120, 40, []string{"-f", conf}, []string{"BAOGAO_AMBIGUOUS_WIDE=0"}, []string{bin, report})
	if v := strings.TrimSpace(x.run("show-options", "-s", "-v", "set-clipboard")); v != "on" {
		t.Fatalf("set-clipboard is %q, want on", v)
	}
	x.waitFor("目录")

	x.keys("y")
	got, ok := x.buffer(5 * time.Second)
	if !ok {
		if !keyWired("CopySection") {
			t.Skip("y produced no tmux buffer: the y key is not wired into ui/app.go yet (call CopySection)")
		}
		t.Fatalf("y produced no tmux buffer; screen:\n%s", x.capture())
	}
	if got != wantText {
		t.Errorf("y: tmux buffer\n%q\nwant the section text\n%q", got, wantText)
	}
	screen := x.waitFor("copied")
	if !strings.Contains(screen, "via OSC 52") {
		t.Errorf("status bar does not say the route:\n%s", screen)
	}

	ms := export.SectionMetrics(first)
	if len(ms) == 0 {
		t.Skipf("the parser found no metrics in %q: Y not checked", first.Heading())
	}
	wantTSV, err := export.MetricsString(ms, "tsv")
	if err != nil {
		t.Fatal(err)
	}
	x.run("delete-buffer")
	x.keys("Y")
	got, ok = x.buffer(5 * time.Second)
	if !ok {
		if !keyWired("CopyMetrics") {
			t.Skip("Y produced no tmux buffer: the Y key is not wired into ui/app.go yet (call CopyMetrics)")
		}
		t.Fatalf("Y produced no tmux buffer; screen:\n%s", x.capture())
	}
	if got != wantTSV {
		t.Errorf("Y: tmux buffer\n%q\nwant the metric table\n%q", got, wantTSV)
	}
	if rows := strings.Split(strings.TrimSuffix(got, "\n"), "\n"); len(rows) != len(ms)+1 || strings.Count(rows[0], "\t") != 7 {
		t.Errorf("Y: %d rows (want %d) or a header without 8 columns: %q", len(rows), len(ms)+1, got)
	}
	t.Logf("y: %d chars, Y: %d rows, match exactly", len([]rune(wantText)), len(ms))

	// e: Markdown to the clipboard, then JSON to a file typed in the menu.
	if !keyWired("newExportOverlay") {
		t.Skip("e is not wired into ui/app.go yet (newExportOverlay)")
	}
	wantMD, _ := export.SectionString(r, first, "md", model.ScriptOriginal)
	x.run("delete-buffer")
	x.keys("e")
	x.waitFor("enter go")
	x.keys("Down", "Enter")
	if got, ok = x.buffer(5 * time.Second); !ok || got != wantMD {
		t.Errorf("e → Markdown → clipboard: buffer (%v)\n%q\nwant\n%q", ok, got, wantMD)
	}
	dst := filepath.Join(dir, "导出.json")
	x.keys("e")
	x.waitFor("enter go")
	x.keys("Down", "Down", "Tab", "Enter")
	x.waitFor("enter write")
	x.keys("C-u")
	x.literal(dst)
	x.keys("Enter")
	x.waitFor("exported")
	wantJSON, _ := export.SectionString(r, first, "json", model.ScriptOriginal)
	if data, err := os.ReadFile(dst); err != nil || string(data) != wantJSON {
		t.Errorf("e → JSON → file: %v\n%s", err, data)
	}
	x.keys("q")
}

// startXvfb starts a virtual X server on a free display and returns its
// name; it skips the test when Xvfb cannot run here.
func startXvfb(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("Xvfb is not installed (apt-get install xvfb; .ci/run installs it)")
	}
	rd, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	// -displayfd: Xvfb picks a free display and writes its number on fd 3.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-nolisten", "tcp", "-screen", "0", "320x240x24")
	cmd.ExtraFiles = []*os.File{wr}
	if err := cmd.Start(); err != nil {
		wr.Close()
		t.Skipf("Xvfb cannot start here: %v", err)
	}
	wr.Close()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(rd).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if n == "" {
			t.Skip("Xvfb exited without a display (cannot run here)")
		}
		return ":" + n
	case <-time.After(10 * time.Second):
		t.Skip("Xvfb gave no display within 10 s")
	}
	return ""
}

// TestClipboardXvfb checks the native route once for real: under a
// virtual X server, Copy runs xclip, and xclip reads back exactly the text.
func TestClipboardXvfb(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("xclip"); err != nil {
		t.Skip("xclip is not installed (apt-get install xclip; .ci/run installs it)")
	}
	display := startXvfb(t)
	t.Setenv("DISPLAY", display)
	t.Setenv("WAYLAND_DISPLAY", "")

	c := systemClipboard()
	if c.native == nil || c.native.Name != "xclip" {
		t.Fatalf("with DISPLAY=%s and xclip installed the native route is %v, want xclip", display, c.native)
	}
	for _, text := range []string{
		"一、上半年工作回顾\n\n全区经济运行总体平稳,“稳中有进”。\n\n(一)产业发展稳中有进",
		"section\tindicator\tvalue\n一\t地区生产总值\t5.8\n", // a second copy replaces the first
	} {
		_, msg := splitCopy(t, clipMsgs(Copy(text, "测试")), text)
		if msg.Err != nil || !strings.Contains(strings.Join(msg.Routes, " "), "xclip") {
			t.Fatalf("Copy: %+v", msg)
		}
		var got string
		for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			out, err := exec.CommandContext(ctx, "xclip", "-o", "-selection", "clipboard").Output()
			cancel()
			if got = string(out); err == nil && got == text {
				break
			}
		}
		if got != text {
			t.Errorf("xclip -o read back\n%q\nwant\n%q", got, text)
		}
		t.Logf("%s: %s", display, msg.Status())
	}
}
