package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baogao/cells"
	"baogao/internal/seeds"
)

// tmux drives one detached tmux server of the test's own, with one
// session.
type tmux struct {
	t       *testing.T
	socket  string
	session string
}

// e2eBinary skips the test in -short mode or when tmux is missing, and
// builds baogao for it.
func e2eBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; .ci/run installs it")
	}
	bin := filepath.Join(t.TempDir(), "baogao")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startTmux starts a w×h session running argv under a clean environment
// (UTF-8, xterm-256color, plus env); tmuxArgs go before new-session (a
// config file). The server is killed when the test ends.
func startTmux(t *testing.T, name string, w, h int, tmuxArgs, env, argv []string) *tmux {
	x := &tmux{t: t, socket: fmt.Sprintf("baogao-%s-%d", name, os.Getpid()), session: name}
	t.Cleanup(func() { exec.Command("tmux", "-L", x.socket, "kill-server").Run() })
	cmd := append(tmuxArgs, "new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "-i", "PATH="+os.Getenv("PATH"), "HOME="+os.Getenv("HOME"), "LANG=C.UTF-8", "TERM=xterm-256color")
	cmd = append(append(cmd, env...), argv...)
	x.run(cmd...)
	return x
}

// startShell starts a session running sh with a prompt waitFor can see.
func startShell(t *testing.T, name string, w, h int) *tmux {
	x := startTmux(t, name, w, h, nil, []string{"PS1=e2e-prompt$ "}, []string{"sh"})
	x.waitFor("e2e-prompt$")
	return x
}

// quitToShell presses q and checks the shell works again after the program.
func (x *tmux) quitToShell() {
	x.keys("q")
	x.waitFor("e2e-prompt$")
	x.literal("echo done-$((6*7))")
	x.keys("Enter")
	x.waitFor("done-42")
}

func (x *tmux) try(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-u", "-L", x.socket}, args...)...).CombinedOutput()
	return string(out), err
}

func (x *tmux) run(args ...string) string {
	x.t.Helper()
	out, err := x.try(args...)
	if err != nil {
		x.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return out
}

func (x *tmux) capture() string { return x.run("capture-pane", "-p", "-t", x.session) }

// waitFor polls the pane until it contains want.
func (x *tmux) waitFor(want string) string {
	x.t.Helper()
	var screen string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if screen = x.capture(); strings.Contains(screen, want) {
			return screen
		}
	}
	x.t.Fatalf("pane never showed %q; last screen:\n%s", want, screen)
	return ""
}

// waitGone polls the pane until it no longer contains gone.
func (x *tmux) waitGone(gone string) string {
	x.t.Helper()
	var screen string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if screen = x.capture(); !strings.Contains(screen, gone) {
			return screen
		}
	}
	x.t.Fatalf("pane still shows %q:\n%s", gone, screen)
	return ""
}

func (x *tmux) keys(keys ...string) {
	x.run(append([]string{"send-keys", "-t", x.session}, keys...)...)
}

// literal types text as-is (UTF-8 included).
func (x *tmux) literal(s string) { x.run("send-keys", "-t", x.session, "-l", s) }

// buffer waits for a paste buffer and returns it; ok is false when none
// came within the wait.
func (x *tmux) buffer(wait time.Duration) (string, bool) {
	for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if out, err := x.try("show-buffer"); err == nil {
			return out, true
		}
	}
	return "", false
}

func TestEndToEndTmux(t *testing.T) {
	bin := e2eBinary(t)
	args := ""
	paths, _ := filepath.Glob(filepath.Join(seeds.Dir(), "*.txt"))
	for _, p := range paths {
		args += " '" + p + "'"
	}
	if args == "" {
		t.Log("no seeds: running on the embedded samples")
	}
	for _, size := range [][2]int{{80, 24}, {160, 50}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			x := startShell(t, fmt.Sprintf("e2e%d", size[0]), size[0], size[1])
			x.literal("BAOGAO_AMBIGUOUS_WIDE=0 " + bin + args)
			x.keys("Enter")
			first := x.waitFor("目录")
			checkPane(t, first, size[0], size[1])
			if rows := strings.Split(first, "\n"); !strings.Contains(rows[1], "目录") {
				t.Errorf("row 1 should hold the tree pane's title:\n%s", first)
			}

			x.keys("j", "j") // move
			moved := x.capture()
			checkPane(t, moved, size[0], size[1])
			x.keys("Enter") // fold or unfold
			checkPane(t, x.capture(), size[0], size[1])

			x.keys("/")
			x.literal("发展")
			x.keys("Enter")
			screen := x.waitFor("match ")
			checkPane(t, screen, size[0], size[1])
			x.keys("n")
			x.waitFor("match ")

			x.keys("1")
			x.waitFor("只看成")
			x.keys("2")
			x.waitFor("只看问")
			x.keys("0")
			x.waitGone("只看")

			x.keys("t")
			x.waitFor("简体")
			x.keys("t")
			x.waitFor("繁體")

			x.keys("m")
			x.waitGone("指标 ")
			x.keys("m")
			x.waitFor("指标 ")

			x.keys("?")
			help := x.waitFor("any key closes")
			checkPane(t, help, size[0], size[1])
			x.keys("Escape")
			x.waitGone("any key closes")

			x.quitToShell()
		})
	}
}

// checkPane checks a captured screen: the right number of rows and none
// wider than the terminal (tmux trims trailing blanks, so rows may be
// shorter), and the header and status rows filling the width.
func checkPane(t *testing.T, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(screen, "\n"), "\n")
	if len(lines) != h {
		t.Fatalf("captured %d rows, want %d:\n%s", len(lines), h, screen)
	}
	m := cells.New(false)
	for i, l := range lines {
		if m.Width(l) > w {
			t.Fatalf("row %d is %d cells wide (> %d): %q", i, m.Width(l), w, l)
		}
	}
}
