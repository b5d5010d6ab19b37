package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"baogao/cells"
)

// CopiedMsg reports a copy to the clipboard, for the status bar.
type CopiedMsg struct {
	What   string   // what was copied: a section heading, "metrics of …"
	Chars  int      // characters (runes) copied
	Routes []string // the routes the text went by: "OSC 52", "xclip", …
	Err    error    // nothing copied, or the native route failed
}

// ErrNoClipboard says neither the terminal nor a native tool can take the
// text.
var ErrNoClipboard = errors.New("no clipboard: the terminal does not take OSC 52 and no wl-copy, xclip, xsel or pbcopy is reachable")

// Status is the status bar's line: `copied 第一方面… (1234 chars) via OSC 52 + xclip`.
func (m CopiedMsg) Status() string {
	what := cells.Truncate(m.What, 24, "…")
	if len(m.Routes) == 0 {
		if m.Err == nil {
			m.Err = ErrNoClipboard
		}
		return fmt.Sprintf("not copied %s: %v", what, m.Err)
	}
	s := fmt.Sprintf("copied %s (%d chars) via %s", what, m.Chars, strings.Join(m.Routes, " + "))
	if m.Err != nil {
		s += fmt.Sprintf(" (%v)", m.Err)
	}
	return s
}

// Copy puts text on the clipboard by every route there is and reports a
// CopiedMsg; what names the text in that report. OSC 52 goes through
// bubbletea (it reaches the local terminal over SSH and through tmux, and
// cannot report failure, so it is reported as sent, not as done); the
// native clipboard tool, when one is reachable, runs in the Cmd's own
// goroutine with a time limit, so the UI never waits on it.
func Copy(text, what string) tea.Cmd {
	return systemClipboard().copy(text, what)
}

// clipboard is the set of routes one copy can take; tests build their own.
type clipboard struct {
	osc52   bool                                                        // the terminal is worth an OSC 52
	native  *nativeRoute                                                // nil: no tool reachable
	run     func(ctx context.Context, r nativeRoute, text string) error // runs the tool
	timeout time.Duration
}

// nativeRoute is a clipboard tool and its arguments.
type nativeRoute struct {
	Name string   // shown in the status bar
	Args []string // Args[0] is the program
}

func systemClipboard() clipboard {
	env := clipEnv{goos: runtime.GOOS, getenv: os.Getenv, lookPath: exec.LookPath}
	return clipboard{osc52: env.osc52(), native: env.nativeRoute(), run: runNative, timeout: 2 * time.Second}
}

func (c clipboard) copy(text, what string) tea.Cmd {
	chars := utf8.RuneCountInString(text)
	if text == "" {
		return func() tea.Msg { return CopiedMsg{What: what, Err: errors.New("nothing to copy")} }
	}
	var cmds []tea.Cmd
	var routes []string
	if c.osc52 {
		cmds = append(cmds, tea.SetClipboard(text))
		routes = append(routes, "OSC 52")
	}
	if c.native == nil {
		done := CopiedMsg{What: what, Chars: chars, Routes: routes}
		if len(routes) == 0 {
			done.Err = ErrNoClipboard
		}
		return tea.Batch(append(cmds, func() tea.Msg { return done })...)
	}
	nr := *c.native
	cmds = append(cmds, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
		defer cancel()
		msg := CopiedMsg{What: what, Chars: chars, Routes: routes}
		if err := c.run(ctx, nr, text); err != nil {
			msg.Err = fmt.Errorf("%s failed: %w", nr.Name, err)
			if len(routes) == 0 {
				msg.Err = fmt.Errorf("%w; %s failed: %v", ErrNoClipboard, nr.Name, err)
			}
		} else {
			msg.Routes = append(append([]string(nil), routes...), nr.Name)
		}
		return msg
	})
	return tea.Batch(cmds...)
}

// clipEnv is what route selection looks at, injectable for tests.
type clipEnv struct {
	goos     string
	getenv   func(string) string
	lookPath func(string) (string, error)
}

// osc52 is false only for terminals known to ignore it (the Linux console,
// dumb terminals); everywhere else the sequence is sent, since there is no
// way to ask whether it was honoured.
func (e clipEnv) osc52() bool {
	switch e.getenv("TERM") {
	case "linux", "dumb":
		return e.getenv("TMUX") != "" // tmux itself takes OSC 52
	}
	return true
}

// nativeRoute picks the clipboard tool for this session: Wayland and X11
// tools only when their display is set (xclip without $DISPLAY fails
// slowly), pbcopy on macOS, clip.exe on Windows and WSL, termux on
// Android. nil when none is reachable.
func (e clipEnv) nativeRoute() *nativeRoute {
	has := func(p string) bool { _, err := e.lookPath(p); return err == nil }
	var cands []nativeRoute
	switch e.goos {
	case "darwin":
		cands = append(cands, nativeRoute{"pbcopy", []string{"pbcopy"}})
	case "windows":
		cands = append(cands, nativeRoute{"clip.exe", []string{"clip.exe"}})
	default:
		if e.getenv("WAYLAND_DISPLAY") != "" {
			cands = append(cands, nativeRoute{"wl-copy", []string{"wl-copy"}})
		}
		if e.getenv("DISPLAY") != "" {
			cands = append(cands,
				nativeRoute{"xclip", []string{"xclip", "-in", "-selection", "clipboard"}},
				nativeRoute{"xsel", []string{"xsel", "--input", "--clipboard"}})
		}
		cands = append(cands,
			nativeRoute{"termux", []string{"termux-clipboard-set"}},
			nativeRoute{"clip.exe", []string{"clip.exe"}})
	}
	for _, c := range cands {
		if has(c.Args[0]) {
			return &c
		}
	}
	return nil
}

// runNative feeds text to the tool. xclip, xsel and wl-copy leave a child
// behind to serve the selection, which keeps stderr open: WaitDelay stops
// waiting for it, and that case counts as success.
func runNative(ctx context.Context, r nativeRoute, text string) error {
	cmd := exec.CommandContext(ctx, r.Args[0], r.Args[1:]...)
	cmd.Stdin = strings.NewReader(text)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.WaitDelay = 150 * time.Millisecond
	err := cmd.Run()
	switch {
	case err == nil, errors.Is(err, exec.ErrWaitDelay):
		return nil
	case ctx.Err() != nil:
		return errors.New("timed out")
	}
	if msg := strings.TrimSpace(stderr.String()); msg != "" {
		return fmt.Errorf("%v: %s", err, firstLine(msg))
	}
	return err
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
