// Package cells is the one place that measures the display width of text
// in terminal cells and wraps CJK text to a width. ui and export both use
// it, so a table lines up the same on screen and in a Markdown file.
//
// Widths are summed rune by rune, the way a terminal without grapheme
// clustering advances its cursor (and the way bubbletea's renderer counts
// cells), so what cells measures is what the terminal draws. Characters of
// East Asian Ambiguous width (“”、…—①) count one or two cells depending on
// the Measurer; the package-level functions use the default Measurer,
// which follows go-runewidth's locale detection until SetDefault is called.
package cells

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// Measurer measures text under one ambiguous-width setting. The zero value
// measures ambiguous characters as narrow.
type Measurer struct {
	wide bool
}

var (
	narrowCond = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}
	wideCond   = &runewidth.Condition{EastAsianWidth: true, StrictEmojiNeutral: true}
)

// New returns a Measurer; wide makes ambiguous-width characters two cells.
func New(wide bool) Measurer { return Measurer{wide: wide} }

// Detect reports whether the environment asks for wide ambiguous
// characters: RUNEWIDTH_EASTASIAN when set, else the locale (zh_CN.UTF-8,
// ja_JP… are wide), as go-runewidth decides.
func Detect() bool { return runewidth.DefaultCondition.EastAsianWidth }

// Wide reports whether ambiguous-width characters take two cells.
func (m Measurer) Wide() bool { return m.wide }

var defaultWide atomic.Bool

func init() { defaultWide.Store(Detect()) }

// SetDefault fixes the ambiguous-width mode of the package-level functions.
// Call it once at start-up, before drawing anything.
func SetDefault(wide bool) { defaultWide.Store(wide) }

// Default is the Measurer the package-level functions use.
func Default() Measurer { return Measurer{wide: defaultWide.Load()} }

// Width is the number of terminal cells s occupies under the default
// Measurer. ANSI escape sequences count zero.
func Width(s string) int { return Default().Width(s) }

// Wrap wraps s to width w under the default Measurer; see Measurer.Wrap.
func Wrap(s string, w int) []string { return Default().Wrap(s, w) }

// Truncate cuts s to at most w cells under the default Measurer.
func Truncate(s string, w int, tail string) string { return Default().Truncate(s, w, tail) }

// Pad makes s exactly w cells under the default Measurer.
func Pad(s string, w int) string { return Default().Pad(s, w) }

// PadLeft makes s exactly w cells, aligned right, under the default Measurer.
func PadLeft(s string, w int) string { return Default().PadLeft(s, w) }

// RuneWidth is the number of cells r advances the cursor.
func (m Measurer) RuneWidth(r rune) int {
	switch {
	case r < 0x20 || r >= 0x7f && r < 0xa0:
		return 0
	case r < 0x7f:
		return 1
	case r >= 0x4e00 && r <= 0x9fff: // the common ideographs, fast
		return 2
	}
	cond := narrowCond
	if m.wide {
		cond = wideCond
	}
	w := cond.RuneWidth(r)
	if w == 1 && r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		// Marks, ZWJ and variation selectors never advance the cursor.
		return 0
	}
	return w
}

// Width is the number of cells s occupies. ANSI escape sequences count zero.
func (m Measurer) Width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			i += escapeLen(s[i:])
			continue
		}
		if c < utf8.RuneSelf {
			if c >= 0x20 && c < 0x7f {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += m.RuneWidth(r)
		i += size
	}
	return n
}

// escapeLen is the byte length of the escape sequence at the start of s
// (CSI, OSC, or a two-byte escape).
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[': // CSI: parameters then a final byte in 0x40–0x7e
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']', 'P', '_', '^': // OSC/DCS/APC/PM: until BEL or ST
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	return 2
}

// Truncate cuts plain text s to at most w cells, ending it with tail when
// something was cut. A wide character that would straddle the limit is
// dropped whole.
func (m Measurer) Truncate(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	if m.Width(s) <= w {
		return s
	}
	tw := m.Width(tail)
	if tw > w {
		tail, tw = "", 0
	}
	n := 0
	for i, r := range s {
		rw := m.RuneWidth(r)
		if n+rw > w-tw {
			return s[:i] + tail
		}
		n += rw
	}
	return s
}

// Pad makes plain text s exactly w cells: cut with "…" when wider, filled
// with spaces on the right when narrower.
func (m Measurer) Pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = m.Truncate(s, w, "…")
	if n := m.Width(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// PadLeft makes plain text s exactly w cells, filled with spaces on the left.
func (m Measurer) PadLeft(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = m.Truncate(s, w, "…")
	if n := m.Width(s); n < w {
		s = strings.Repeat(" ", w-n) + s
	}
	return s
}

// Center makes plain text s exactly w cells, centred.
func (m Measurer) Center(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = m.Truncate(s, w, "…")
	gap := w - m.Width(s)
	return strings.Repeat(" ", gap/2) + s + strings.Repeat(" ", gap-gap/2)
}

// Fit makes a line that may carry ANSI escapes exactly w cells: printable
// text past w is dropped (escape sequences are all kept, so colours still
// reset) and spaces fill the rest. It is the last guard before a line
// reaches the terminal.
func (m Measurer) Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := m.Width(s)
	if n == w {
		return s
	}
	if n < w {
		return s + strings.Repeat(" ", w-n)
	}
	var b strings.Builder
	b.Grow(len(s))
	n = 0
	full := false
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			l := escapeLen(s[i:])
			b.WriteString(s[i : i+l])
			i += l
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !full {
			rw := m.RuneWidth(r)
			if n+rw > w {
				full = true
			} else {
				b.WriteString(s[i : i+size])
				n += rw
			}
		}
		i += size
	}
	if n < w {
		b.WriteString(strings.Repeat(" ", w-n))
	}
	return b.String()
}

// Strip removes ANSI escape sequences from s.
func Strip(s string) string {
	if strings.IndexByte(s, 0x1b) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			i += escapeLen(s[i:])
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
