package ui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// clipMsgs runs a Cmd the way the program would, expanding batches, and
// returns every message it produced.
func clipMsgs(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, clipMsgs(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// splitCopy separates the OSC 52 request (bubbletea's own message) from our
// CopiedMsg.
func splitCopy(t *testing.T, msgs []tea.Msg, text string) (osc52 bool, copied CopiedMsg) {
	t.Helper()
	want := tea.SetClipboard(text)()
	n := 0
	for _, m := range msgs {
		switch m := m.(type) {
		case CopiedMsg:
			copied = m
			n++
		default:
			if !reflect.DeepEqual(m, want) {
				t.Errorf("unexpected message %T %v", m, m)
			}
			osc52 = true
		}
	}
	if n != 1 {
		t.Fatalf("got %d CopiedMsgs, want 1 (messages %v)", n, msgs)
	}
	return osc52, copied
}

func TestCopyRoutes(t *testing.T) {
	const text = "一、上半年工作回顾\n\n全区经济运行总体平稳。"
	fake := &nativeRoute{Name: "xclip", Args: []string{"xclip"}}
	ok := func(context.Context, nativeRoute, string) error { return nil }
	fail := func(context.Context, nativeRoute, string) error { return errors.New("Can't open display") }
	hang := func(ctx context.Context, _ nativeRoute, _ string) error { <-ctx.Done(); return errors.New("timed out") }
	tests := []struct {
		name       string
		c          clipboard
		wantOSC    bool
		wantRoutes []string
		wantErr    string // substring; "" for none
		wantStatus string
	}{
		{"both", clipboard{osc52: true, native: fake, run: ok}, true, []string{"OSC 52", "xclip"}, "",
			"copied 第一方面 (22 chars) via OSC 52 + xclip"},
		{"osc52 only", clipboard{osc52: true, run: ok}, true, []string{"OSC 52"}, "",
			"copied 第一方面 (22 chars) via OSC 52"},
		{"native only", clipboard{native: fake, run: ok}, false, []string{"xclip"}, "",
			"copied 第一方面 (22 chars) via xclip"},
		{"native fails", clipboard{osc52: true, native: fake, run: fail}, true, []string{"OSC 52"}, "xclip failed: Can't open display",
			"copied 第一方面 (22 chars) via OSC 52 (xclip failed: Can't open display)"},
		{"native hangs", clipboard{osc52: true, native: fake, run: hang, timeout: 20 * time.Millisecond}, true, []string{"OSC 52"}, "xclip failed: timed out", ""},
		{"neither", clipboard{}, false, nil, "no clipboard", "not copied 第一方面: " + ErrNoClipboard.Error()},
		{"native fails alone", clipboard{native: fake, run: fail}, false, nil, "no clipboard", ""},
	}
	for _, tt := range tests {
		if tt.c.timeout == 0 {
			tt.c.timeout = time.Second
		}
		osc, got := splitCopy(t, clipMsgs(tt.c.copy(text, "第一方面")), text)
		if osc != tt.wantOSC {
			t.Errorf("%s: OSC 52 sent = %v, want %v", tt.name, osc, tt.wantOSC)
		}
		if got.What != "第一方面" || got.Chars != 22 || !reflect.DeepEqual(got.Routes, tt.wantRoutes) {
			t.Errorf("%s: got %+v, want routes %q, 22 chars", tt.name, got, tt.wantRoutes)
		}
		if (tt.wantErr == "") != (got.Err == nil) || (got.Err != nil && !strings.Contains(got.Err.Error(), tt.wantErr)) {
			t.Errorf("%s: err %v, want %q", tt.name, got.Err, tt.wantErr)
		}
		if tt.wantStatus != "" && got.Status() != tt.wantStatus {
			t.Errorf("%s: status %q, want %q", tt.name, got.Status(), tt.wantStatus)
		}
	}
	// nothing to copy: a message, no OSC 52
	osc, got := splitCopy(t, clipMsgs(clipboard{osc52: true}.copy("", "空")), "")
	if osc || got.Err == nil {
		t.Errorf("empty text: osc52 %v, %+v", osc, got)
	}
}

func TestNativeRoute(t *testing.T) {
	tests := []struct {
		goos  string
		env   map[string]string
		tools []string
		want  string // route name, "" for none
	}{
		{"linux", map[string]string{"DISPLAY": ":0"}, []string{"xclip", "xsel"}, "xclip"},
		{"linux", map[string]string{"DISPLAY": ":0"}, []string{"xsel"}, "xsel"},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, []string{"wl-copy", "xclip"}, "wl-copy"},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, []string{"xclip"}, "xclip"},
		{"linux", nil, []string{"xclip", "xsel", "wl-copy"}, ""}, // over SSH: no display, no native route
		{"linux", nil, []string{"clip.exe"}, "clip.exe"},         // WSL
		{"linux", map[string]string{"DISPLAY": ":0"}, nil, ""},
		{"darwin", nil, []string{"pbcopy"}, "pbcopy"},
		{"windows", nil, []string{"clip.exe"}, "clip.exe"},
	}
	for _, tt := range tests {
		e := clipEnv{goos: tt.goos, getenv: func(k string) string { return tt.env[k] },
			lookPath: func(p string) (string, error) {
				for _, tool := range tt.tools {
					if tool == p {
						return "/usr/bin/" + p, nil
					}
				}
				return "", exec.ErrNotFound
			}}
		got := ""
		if r := e.nativeRoute(); r != nil {
			got = r.Name
		}
		if got != tt.want {
			t.Errorf("%s %v %v: route %q, want %q", tt.goos, tt.env, tt.tools, got, tt.want)
		}
	}
}

func TestOSC52Env(t *testing.T) {
	tests := []struct {
		term, tmux string
		want       bool
	}{
		{"xterm-256color", "", true},
		{"tmux-256color", "/tmp/tmux-0/default,1,0", true},
		{"linux", "", false},
		{"dumb", "", false},
		{"linux", "/tmp/tmux-0/default,1,0", true},
	}
	for _, tt := range tests {
		env := map[string]string{"TERM": tt.term, "TMUX": tt.tmux}
		e := clipEnv{getenv: func(k string) string { return env[k] }}
		if got := e.osc52(); got != tt.want {
			t.Errorf("TERM=%s TMUX=%q: osc52 %v, want %v", tt.term, tt.tmux, got, tt.want)
		}
	}
}

// TestRunNative drives runNative with stand-in tools written as shell
// scripts: one that stores its input, one that leaves a child holding
// stderr (as xclip does to serve the selection), one that fails, one that
// never answers.
func TestRunNative(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "clip.out")
	script := func(name, body string) nativeRoute {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return nativeRoute{Name: name, Args: []string{p}}
	}
	text := "(二)项目建设有力推进\n\n已开工28个。"
	tests := []struct {
		route   nativeRoute
		wantErr string
	}{
		{script("store", "cat > "+out), ""},
		{script("daemon", "cat > "+out+"; sleep 3 &"), ""},
		{script("broken", "cat >/dev/null; echo \"Error: Can't open display: :9\" >&2; exit 1"), "Can't open display: :9"},
		{script("silent", "exec sleep 30"), "timed out"},
	}
	for _, tt := range tests {
		os.Remove(out)
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		err := runNative(ctx, tt.route, text)
		cancel()
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.route.Name, err)
			}
			if got, _ := os.ReadFile(out); string(got) != text {
				t.Errorf("%s: tool got %q, want %q", tt.route.Name, got, text)
			}
		} else if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: err %v, want %q", tt.route.Name, err, tt.wantErr)
		}
	}
}
