package cells

import (
	"strings"
	"unicode/utf8"
)

// noStart are characters a line must not begin with (closing punctuation,
// pauses, ellipses and dashes that belong to what precedes them).
const noStart = "，。、；：？！）」』”’》〉】〕〗｝…—·%％‰,.;:?!)]}>'\"～℃"

// noEnd are characters a line must not end with (opening punctuation that
// belongs to what follows).
const noEnd = "（「『“‘《〈【〔〖｛([{<"

// unitRunes may follow a number as its unit; they stay on the number's line
// (37.3亿元, 6.7个百分点, 1-5月, 1.2万平方米).
const unitRunes = "亿万千百十元角吨人户个家项台辆米亩倍次所座件套处天年月日号岁时度公里顷平方克斤升瓦千分点秒周期批条名位起宗只张部栋间所床"

const maxUnitRunes = 5

func isNoStart(r rune) bool { return strings.ContainsRune(noStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noEnd, r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// numberRune may continue a number: digits, decimal points, thousands
// separators, range dashes and percent signs.
func numberRune(r rune) bool {
	return isDigit(r) || strings.ContainsRune(".．,，-~～–%％‰", r) && r != '，'
}

func isLatin(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-./:@#&+=", r))
}

// unit is a piece of text that is never broken across lines.
type unit struct {
	text  string
	w     int
	space bool // an ASCII space: a break opportunity, dropped at line ends
}

// units splits one paragraph into unbreakable units and glues punctuation
// to its neighbours so that no line starts or ends badly.
func (m Measurer) units(s string) []unit {
	var out []unit
	rs := []rune(s)
	for i := 0; i < len(rs); {
		start := i
		r := rs[i]
		switch {
		case r == ' ' || r == '\t':
			i++
			out = append(out, unit{text: " ", w: 1, space: true})
			continue
		case isDigit(r) || (r == '-' || r == '+') && i+1 < len(rs) && isDigit(rs[i+1]):
			i++
			for i < len(rs) && (numberRune(rs[i]) || isLatin(rs[i]) && rs[i] != '/') {
				i++
			}
			for k := 0; k < maxUnitRunes && i < len(rs) && strings.ContainsRune(unitRunes, rs[i]); k++ {
				i++
			}
		case isLatin(r):
			for i < len(rs) && isLatin(rs[i]) {
				i++
			}
		default:
			i++
		}
		// Zero-width followers (marks, ZWJ, variation selectors) and the
		// rune after a ZWJ belong to the same glyph.
		for i < len(rs) && (m.RuneWidth(rs[i]) == 0 || rs[i-1] == '\u200d') {
			i++
		}
		t := string(rs[start:i])
		out = append(out, unit{text: t, w: m.Width(t)})
	}
	// Glue: a no-start unit joins the unit before it, a no-end unit joins
	// the unit after it.
	glued := out[:0:0]
	for _, u := range out {
		first, _ := utf8.DecodeRuneInString(u.text)
		if n := len(glued); n > 0 && !u.space && isNoStart(first) {
			p := &glued[n-1]
			p.text += u.text
			p.w += u.w
			p.space = false
			continue
		}
		if n := len(glued); n > 0 && !u.space && !glued[n-1].space {
			last, _ := utf8.DecodeLastRuneInString(glued[n-1].text)
			if isNoEnd(last) {
				p := &glued[n-1]
				p.text += u.text
				p.w += u.w
				continue
			}
		}
		glued = append(glued, u)
	}
	return glued
}

// Wrap breaks s into lines of at most w cells. "\n" ends a paragraph;
// an empty paragraph gives an empty line. Lines break between characters
// of CJK text and at spaces in Latin text, never before closing
// punctuation (，。、”）…), never after opening punctuation (“（《), and
// never inside a number with its unit (37.3亿元, 6.7%). A unit wider than
// w is cut by characters.
func (m Measurer) Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = m.wrapParagraph(lines, para, w)
	}
	return lines
}

func (m Measurer) wrapParagraph(lines []string, para string, w int) []string {
	if para == "" {
		return append(lines, "")
	}
	var b strings.Builder
	n := 0
	wrapped := false
	flush := func() {
		lines = append(lines, strings.TrimRight(b.String(), " "))
		b.Reset()
		n = 0
		wrapped = true
	}
	for _, u := range m.units(para) {
		if u.space {
			if n == 0 && wrapped {
				continue // no leading space on a continuation line
			}
			if n+1 <= w {
				b.WriteByte(' ')
				n++
			}
			continue
		}
		if n+u.w <= w {
			b.WriteString(u.text)
			n += u.w
			continue
		}
		if n > 0 {
			flush()
		}
		if u.w <= w {
			b.WriteString(u.text)
			n = u.w
			continue
		}
		// Too wide for any line: cut it by characters.
		for _, r := range u.text {
			rw := m.RuneWidth(r)
			if n+rw > w && n > 0 {
				flush()
			}
			b.WriteRune(r)
			n += rw
		}
	}
	if b.Len() > 0 || n == 0 {
		flush()
	}
	return lines
}
