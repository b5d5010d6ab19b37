package parser

import (
	"slices"
	"strings"
	"unicode/utf8"

	"baogao/hanzi"
)

// GBK byte-misaligned mojibake: a GBK text read one byte off pairs the trail
// byte of each character with the lead byte of the next. The pairs land on
// random GBK codes — bopomofo (row A8), box drawing (A9), Greek (A6),
// Cyrillic (A7), kana (A4/A5), user-defined areas, rare characters — so a
// run of them is easy to spot, and re-encoding the run to GBK and reading it
// one byte further along gives the text back. Pairs the damaging decoder
// found invalid were dropped (two bytes each, so the misalignment stays) and
// are lost; a trail byte below 0x80 is read as ASCII and realigns the
// stream, which is where a run usually ends.

// Repair is one repaired run: [Start,End) byte offsets in the fixed text, and the text it replaced.
type Repair struct {
	Start, End int
	Original   string
}

// RepairMojibake finds runs of GBK byte-misaligned mojibake in text and replaces
// them with what can be recovered. toSimplified undoes a simplified→traditional
// conversion applied after the damage (pass hanzi.ToSimplified).
func RepairMojibake(text string, toSimplified func(string) string) (fixed string, repairs []Repair) {
	if toSimplified == nil {
		toSimplified = func(s string) string { return s }
	}
	var b strings.Builder
	var fill *mbFiller // made on the first run found
	done := 0          // text[:done] has been copied or replaced
	for i := 0; i < len(text); {
		if end, _ := hanzi.PlainRun(text, i); end > i {
			i = end // plain text holds no trigger (TestPlainRunHasNoTrigger)
			continue
		}
		r, size := hanzi.DecodeRune(text, i)
		if !mbTrigger(r) {
			i += size
			continue
		}
		run, ok, clauseEnd := mbBestRun(text, done, i, toSimplified)
		if !ok {
			// Later triggers in the clause have the same start and fewer
			// ends: they cannot do better.
			i = max(i+size, clauseEnd)
			continue
		}
		// The run's extent is chosen on the plain reading; its text then
		// comes from the search that also puts back dropped pairs.
		if fill == nil {
			fill = newFiller(text)
			defer fill.release()
			b.Grow(len(text) + len(text)/8) // repairs change the length little
		}
		if filled := run.window.shiftWith(run.end-run.start, fill); filled != "" {
			run.repl = filled
		}
		b.WriteString(text[done:run.start])
		start := b.Len()
		b.WriteString(run.repl)
		repairs = append(repairs, Repair{Start: start, End: b.Len(), Original: text[run.start:run.end]})
		done, i = run.end, run.end
	}
	if len(repairs) == 0 {
		return text, nil
	}
	b.WriteString(text[done:])
	return b.String(), repairs
}

// mbTrigger reports characters that ordinary report text almost never
// contains but misaligned GBK produces all the time.
func mbTrigger(r rune) bool {
	switch {
	case r < 0x370, r >= 0x3130 && r < 0xE000: // answered at once for ideographs
		return false
	case r >= 0x3105 && r <= 0x3129, // bopomofo
		r >= 0x2500 && r <= 0x257F, // box drawing
		r >= 0x0391 && r <= 0x03C9, // Greek
		r >= 0x0401 && r <= 0x0451, // Cyrillic
		r >= 0x3041 && r <= 0x30FF, // kana
		r >= 0xFF61 && r <= 0xFF9F, // half-width kana
		r >= 0xE000 && r <= 0xF8FF, // private use: GBK user-defined areas
		r == utf8.RuneError:
		return true
	}
	return false
}

// mbScore rates one character as report text: common characters and
// punctuation count for, rare characters and symbols against.
func mbScore(r rune) int {
	switch {
	case r < 0x80:
		return 0
	case r >= decHanBase && r < decHanEnd: // first: neither trigger nor punctuation
		c := decClass(r)
		switch {
		case c&decLevel1 != 0:
			return 2
		case c&decLevel2 != 0: // rare in simplified text, even if Big5 has it
			return -1
		case c&decBig5Common != 0:
			return 2
		}
		return -2
	case mbTrigger(r):
		return -3
	case decPunct(r):
		return 1
	}
	return -2
}

// mbScoreString sums the scores of s's n characters; rare counts those
// that recovered text should not have: symbols, GB2312 level-2 and rarer
// characters.
func mbScoreString(s string) (score, n, rare int) {
	for _, r := range s {
		v := mbScore(r)
		score += v
		n++
		if v < 0 {
			rare++
		}
	}
	return score, n, rare
}

// isBoundary reports characters that end a run: a misaligned stream cannot
// produce line breaks, ASCII (except a realigning trail byte, handled
// separately) or the common sentence punctuation (A1/A3 rows followed by
// lead bytes that real text does not have).
func mbBoundary(r rune) bool {
	return r < 0x80 || strings.ContainsRune("，、；：！？“”‘’（）《》", r)
}

type mbRun struct {
	start, end int
	repl       string
	gain       int
	window     *mbWindow
}

// mbBestRun looks at the clause around a trigger character at i and returns
// the best repair of a run containing it, if any is clearly worth making.
func mbBestRun(text string, floor, i int, toSimplified func(string) string) (run mbRun, ok bool, clauseEnd int) {
	const maxRunes = 48
	// Left: back to the clause start, stopping at a boundary or "。".
	s := i
	for n := 0; s > floor && n < maxRunes; n++ {
		r, size := utf8.DecodeLastRuneInString(text[:s])
		if mbBoundary(r) || r == '。' {
			break
		}
		s -= size
	}
	// Right: every position up to the clause end is a candidate end; a
	// printable ASCII byte right after the run may be the realigning trail.
	ends := []int{}
	e := i
	for n := 0; e < len(text) && n < maxRunes; n++ {
		r, size := utf8.DecodeRuneInString(text[e:])
		if r == '。' || r != '\n' && mbBoundary(r) {
			if r >= 0x40 && r < 0x7F {
				ends = append(ends, e+size)
			}
			break
		}
		if r == '\n' {
			break
		}
		e += size
		ends = append(ends, e)
	}
	if len(ends) == 0 {
		return mbRun{}, false, i
	}
	starts := []int{s}
	// A "。" (A1A3) before the run is the usual first pair of a run that
	// began at "（" (A3A8); it may stand alone on the line before.
	if r, size := utf8.DecodeLastRuneInString(text[:s]); r == '。' && s-size >= floor {
		starts = append(starts, s-size)
		if p := s - size; mbLineStart(text, p) && p-1 > floor && text[p-1] == '\n' {
			if q := p - 1 - len("。"); q >= floor && text[q:p-1] == "。" && mbLineStart(text, q) {
				starts = append(starts, q)
			}
		}
	}
	best := mbRun{}
	found := false
	for _, st := range starts {
		w, ok := mbEncodeWindow(text[st:ends[len(ends)-1]], toSimplified)
		if !ok {
			continue
		}
		// A leading "。" is part of the damage when the run is, so it
		// does not count for the original: origScore is text[s:at]'s.
		origScore, at := 0, s
		for _, en := range ends {
			if en <= i {
				continue
			}
			repl := w.shift(en - st)
			v, _, _ := mbScoreString(text[at:en])
			origScore, at = origScore+v, en
			newScore, n, rare := mbScoreString(repl)
			gain := newScore - origScore
			if n < 2 || gain < 4 || newScore < n || rare*10 > n {
				continue
			}
			if !found || gain > best.gain || gain == best.gain && en-st > best.end-best.start {
				best = mbRun{start: st, end: en, repl: repl, gain: gain, window: w}
				found = true
			}
		}
	}
	return best, found, ends[len(ends)-1]
}

func mbLineStart(text string, p int) bool { return p == 0 || text[p-1] == '\n' }

// mbWindow is a candidate run encoded back to GBK, character by character.
type mbWindow struct {
	offs  []int   // byte offset of each character in the window text
	codes [][]int // its GBK bytes (mbLost for bytes known to be lost)
	line  []bool  // the character is a line break
	buf   []int   // readWith's, reused: mbBestRun reads a window once per candidate end
}

// Markers in a byte stream: a byte known to be lost (from U+FFFD, which
// stands for a dropped pair), and a line break, where each line was
// misaligned on its own.
const (
	mbLost  = -1
	mbBreak = -2
)

// mbEncodeWindow encodes a window's characters to GBK. Each character may be
// as written or folded to simplified (a simplified→traditional converter
// may have run over the damage, but a traditional character may also be
// genuine GBK mojibake); starting from the folded forms, a character keeps
// its written form where that makes the shifted reading score better.
func mbEncodeWindow(s string, toSimplified func(string) string) (*mbWindow, bool) {
	t := decTables()
	n := utf8.RuneCountInString(s)
	w := &mbWindow{offs: make([]int, 0, n), codes: make([][]int, 0, n), line: make([]bool, 0, n)}
	alt := make([][]int, 0, n)
	buf := make([]int, 0, 4*n) // the codes' bytes: at most 2 per character, written and folded
	for off, r := range s {
		raw, okRaw := mbCode(t, r, &buf)
		simp, okSimp := raw, okRaw
		// As []rune(x) with one rune f, without building it.
		if x := toSimplified(string(r)); x != "" {
			if f, size := utf8.DecodeRuneInString(x); size == len(x) && f != r {
				simp, okSimp = mbCode(t, f, &buf)
			}
		}
		switch {
		case okRaw && okSimp:
		case okSimp:
			raw = simp
		case okRaw:
			simp = raw
		default:
			return nil, false
		}
		w.offs = append(w.offs, off)
		w.codes = append(w.codes, simp)
		alt = append(alt, raw)
		w.line = append(w.line, r == '\n')
	}
	score, scored := 0, false // the reading's score as the codes stand
	for k := range w.codes {
		if mbSameCode(w.codes[k], alt[k]) {
			continue
		}
		if !scored {
			score, scored = mbScoreOf(w.read(len(w.codes))), true
		}
		w.codes[k], alt[k] = alt[k], w.codes[k]
		if v := mbScoreOf(w.read(len(w.codes))); v > score {
			score = v
		} else {
			w.codes[k], alt[k] = alt[k], w.codes[k]
		}
	}
	return w, true
}

func mbSameCode(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// read decodes the first n characters one byte along: each line drops its
// first byte (a line break interrupts the damaged stream, and each piece was
// misaligned on its own). Whether that byte was added before the text or is
// the trail of a lost first character, dropping it realigns the pairs; in
// the second case a dropped A8 after a numeral-and-"）" start was "（".
func (w *mbWindow) read(n int) string { return w.readWith(n, nil) }

// readWith is read, with fill (if not nil) putting back dropped pairs.
func (w *mbWindow) readWith(n int, fill *mbFiller) string {
	// Two places in front for the reading with a lost "（" below.
	w.buf = slices.Grow(w.buf[:0], 2+2*n)
	buf := w.buf[:2]
	stream := buf[2:]
	first := true
	dropped := -1
	for k := 0; k < n; k++ {
		if w.line[k] {
			stream = append(stream, mbBreak)
			first = true
			continue
		}
		c := w.codes[k]
		if first {
			if k == 0 {
				dropped = c[0]
			}
			c = c[1:]
			first = false
		}
		stream = append(stream, c...)
	}
	out, _ := mbDecode(stream, fill)
	if dropped == 0xA8 {
		// The dropped byte may be the trail of a lost "（" (A3A8): keep that
		// reading when a heading number or "）" follows.
		buf = append(buf[:2], stream...)
		buf[0], buf[1] = 0xA3, 0xA8
		alt, _ := mbDecode(buf, fill)
		r := []rune(alt)
		if len(r) >= 3 && (r[2] == '）' && strings.ContainsRune(mbNumerals, r[1]) || r[1] == '）') {
			out = alt
		}
	}
	return out
}

// shift gives the reading of the window's first size bytes.
func (w *mbWindow) shift(size int) string { return w.shiftWith(size, nil) }

func (w *mbWindow) shiftWith(size int, fill *mbFiller) string {
	n := 0
	for n < len(w.offs) && w.offs[n] < size {
		n++
	}
	return w.readWith(n, fill)
}

func mbScoreOf(s string) int { v, _, _ := mbScoreString(s); return v }

// mbCode gives a character's GBK bytes; U+FFFD stands for two lost bytes.
// The bytes go at the end of *buf, whose capacity the caller makes enough.
func mbCode(t *decCharset, r rune, buf *[]int) ([]int, bool) {
	n := len(*buf)
	switch {
	case r < 0x80:
		*buf = append(*buf, int(r))
	case r == utf8.RuneError:
		*buf = append(*buf, mbLost, mbLost)
	default:
		c, ok := t.gbk[r]
		if !ok {
			return nil, false
		}
		*buf = append(*buf, int(c>>8), int(c&0xFF))
	}
	return (*buf)[n:len(*buf):len(*buf)], true
}

func mbPair(t *decCharset, lead, trail int) rune {
	if lead < 0x81 || lead > 0xFE || trail < 0x40 || trail > 0xFE || trail == 0x7F {
		return 0
	}
	r := t.pair[(lead-0x81)*191+trail-0x40]
	if r >= 0xE000 && r <= 0xF8FF { // user-defined: the damaging decoder dropped these
		return 0
	}
	return r
}

const mbNumerals = "一二三四五六七八九十"

// mbDecode reads a byte stream as GBK pairs. Bytes that pair with nothing
// are lost. A heading number in full-width parentheses whose bytes were
// dropped is restored from the lead byte that survived when exactly one
// numeral fits, and otherwise left as empty parentheses "（）" for the
// caller to infer from the neighbouring chapters.
func mbDecode(b []int, fill *mbFiller) (string, bool) {
	t := decTables()
	var out strings.Builder
	if fill == nil { // a pair's character takes 3 bytes: one allocation
		out.Grow(3*len(b)/2 + len("（）"))
	}
	i := mbHeadingStart(t, b, &out)
	if fill != nil {
		i = mbHeadingOpen(t, b, i, &out)
		rest, ok := fill.search(b[i:], lastRune(out.String()))
		if !ok {
			return "", false
		}
		return out.String() + rest, true
	}
	for i < len(b) {
		c := b[i]
		switch {
		case c == mbBreak:
			i++
			continue
		case c == mbLost:
			i += 2 // a pair with a lost byte is lost
			continue
		case c < 0x80:
			if c < 0x20 && c != '\t' {
				return "", false
			}
			out.WriteByte(byte(c))
			i++
			continue
		}
		if j := mbHeadingOpen(t, b, i, &out); j > i {
			i = j
			continue
		}
		if i+1 < len(b) && b[i+1] == mbLost {
			i += 2
			continue
		}
		if i+1 < len(b) {
			if r := mbPair(t, c, b[i+1]); r != 0 {
				out.WriteRune(r)
				i += 2
				continue
			}
		}
		i++ // a byte with no partner: lost
	}
	return out.String(), true
}

// mbHeadingOpen reads a "（" at b[i] with the heading number after it, as
// far as it survived, and returns where reading goes on (i when b[i] does
// not open one): "（" + a numeral recovered from its lead byte, or a
// numeral read plainly and "）", or "（）" when a line break cut it and
// the number is lost.
func mbHeadingOpen(t *decCharset, b []int, i int, out *strings.Builder) int {
	switch {
	case i+1 < len(b) && b[i] == 0xA3 && b[i+1] == 0xA8:
		out.WriteString("（")
		i += 2
		if num, n := mbHeadingNumber(t, b[i:]); n > 0 {
			out.WriteString(num)
			i += n
		} else if n := mbNumeralClose(t, b[i:]); n > 0 {
			// Read as it stands, whatever a language model would say.
			out.WriteRune(mbPair(t, b[i], b[i+1]))
			out.WriteString("）")
			i += n
		}
	case i+3 < len(b) && b[i] == 0xA3 && b[i+1] == mbBreak && b[i+2] == 0xA3 && b[i+3] == 0xA9:
		out.WriteString("（）")
		i += 4
	}
	return i
}

// mbNumeralClose reports whether b starts with a numeral and "）", and
// their length.
func mbNumeralClose(t *decCharset, b []int) int {
	if len(b) < 4 || b[2] != 0xA3 || b[3] != 0xA9 {
		return 0
	}
	r := mbPair(t, b[0], b[1])
	if r == 0 || !strings.ContainsRune(mbNumerals, r) {
		return 0
	}
	return 4
}

// mbHeadingStart handles a run that begins with a damaged "（N）": the
// "（" lead byte A3 followed by lost bytes, or a bare "）", means the
// opening parenthesis and perhaps the number were lost. It writes what it
// recovers and returns the bytes consumed.
func mbHeadingStart(t *decCharset, b []int, out *strings.Builder) int {
	switch {
	case len(b) >= 2 && b[0] == 0xA3 && b[1] == 0xA9:
		out.WriteString("（）")
		return 2
	case len(b) >= 2 && b[0] == mbLost:
		// Lost pairs, then 0xA9 in trail position: "）" after a lost "（N".
		j := 0
		for j < len(b) && b[j] == mbLost {
			j++
		}
		if j%2 == 1 && j < len(b) && b[j] == 0xA9 {
			out.WriteString("（）")
			return j + 1
		}
	case len(b) >= 2 && b[0] == 0xA3 && b[1] == mbLost:
		j := 1
		for j < len(b) && b[j] == mbLost {
			j++
		}
		if j+1 < len(b) && b[j] == 0xA3 && b[j+1] == 0xA9 {
			out.WriteString("（）")
			return j + 2
		}
		if j < len(b) && b[j] == 0xA9 {
			out.WriteString("（）")
			return j + 1
		}
	}
	return 0
}

// mbHeadingNumber looks at the bytes after "（". When they already read as
// a numeral it returns nothing to fix. When they are a lead byte X, maybe
// some lost bytes, then 0xA9 (the second byte of "）"), the numeral's trail
// byte and the "）" lead were dropped together: it returns the numeral
// whose lead is X and whose trail could not pair with 0xA3 (or none if none
// or several fit), then "）", and the bytes consumed.
func mbHeadingNumber(t *decCharset, b []int) (string, int) {
	if len(b) < 2 || b[0] < 0x81 {
		return "", 0
	}
	j := 1
	for j < len(b) && b[j] == mbLost {
		j++
	}
	if j >= len(b) || b[j] != 0xA9 {
		return "", 0
	}
	if r := mbPair(t, b[0], b[1]); r != 0 {
		for _, n := range mbNumerals {
			if r == n {
				return "", 0
			}
		}
	}
	var fit string
	count := 0
	for _, n := range mbNumerals {
		code, ok := t.gbk[n]
		if ok && int(code>>8) == b[0] && mbPair(t, int(code&0xFF), 0xA3) == 0 {
			fit = string(n)
			count++
		}
	}
	if count != 1 {
		fit = ""
	}
	return fit + "）", j + 1
}
