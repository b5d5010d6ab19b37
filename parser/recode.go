package parser

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"baogao/hanzi"
)

// Misread UTF-8. A page saved in UTF-8 and read as GBK (or as Latin-1 or
// Windows-1252) comes out as "鍏充簬" (or "å…³äºŽ") for "关于": each
// ideograph's three bytes became one and a half GBK characters (or three
// Latin ones), and the text holds none of its own words. Encoding such a
// line back in the charset that misread it gives the original bytes, which
// read as UTF-8 again. Bytes the misreading decoder could not map became
// U+FFFD and are lost: the character they were part of is lost with them
// and stays U+FFFD.

// misreading is a charset that misread UTF-8: how it encodes a rune back
// to the bytes it was read from.
type misreading struct {
	name   string
	encode func(r rune, buf []byte) ([]byte, bool)
	// lost gives the bytes it may have been unable to read, and so lost,
	// given the byte after; lostPairs the pairs of bytes it may have lost
	// together.
	lost      func(next byte) []byte
	lostPairs func(next byte) [][2]byte
}

var misreadings = []misreading{
	{"GBK", encodeGBK, lostGBK, lostGBKPairs},
	{"Latin-1", encodeLatin, lostLatin, lostLatinPairs},
}

// misreadingOf gives the charset that misread text, or nil. A misread
// Chinese report is full of cues that ordinary text lacks, from its first
// lines: four in its first 2 KB will do. GBK's are the full-width comma
// and full stop misread (锛, 銆) and the first two bytes of 的 and of
// 一, 上, 不, 中… (鐨, 涓); Latin-1's the comma and the full stop misread:
// "ï¼", and "ã€" (Windows-1252) or "ã\u0080".
func misreadingOf(text string) *misreading {
	head := text[:min(len(text), 2<<10)]
	var n [2]int // cues of each misreading
	// Bytes, not runes: decoding every rune cost more than the test.
	for i := 0; i+3 < len(head); i++ {
		switch c := head[i]; {
		case c == 0xE9 || c == 0xE6:
			if cue := head[i : i+3]; cue == "锛" || cue == "銆" || cue == "涓" || cue == "鐨" {
				n[0]++
			}
		case c == 0xC3:
			if cue := head[i+1 : i+4]; strings.HasPrefix(cue, "\xaf¼") || cue[0] == 0xA3 && (strings.HasPrefix(cue[1:], "€"[:2]) || cue[1:] == "\u0080") {
				n[1]++
			}
		}
	}
	for i, k := range n {
		if k >= 4 {
			return &misreadings[i]
		}
	}
	return nil
}

// encodeGBK appends r's GBK bytes to buf.
func encodeGBK(r rune, buf []byte) ([]byte, bool) {
	switch {
	case r < 0x80:
		return append(buf, byte(r)), true
	case r == '€': // Windows' code page 936 reads 0x80 so
		return append(buf, 0x80), true
	}
	c, ok := decTables().gbk[r]
	if !ok {
		return buf, false
	}
	return append(buf, byte(c>>8), byte(c)), true
}

// lostGBK gives the bytes a GBK decoder rejects before next: 0x80, and
// every lead byte that makes no character with next.
func lostGBK(next byte) []byte {
	gbkLostOnce.Do(buildGBKLost)
	return gbkLost[next]
}

// lostGBKPairs gives the pairs a GBK decoder rejects before next: a lead
// and a trail above 0x7F that make no character (a trail below it is
// read again as ASCII), or one rejected byte after another.
func lostGBKPairs(next byte) [][2]byte {
	gbkLostOnce.Do(buildGBKLost)
	pairs := slices.Clip(gbkBadPairs) // appending copies it once, leaving it whole
	for _, y := range gbkLost[next] {
		for _, x := range gbkLost[y] {
			pairs = append(pairs, [2]byte{x, y})
		}
	}
	return pairs
}

// The tables lostGBK and lostGBKPairs read, built on first use: only a
// misread report asks.
var (
	gbkLost     [256][]byte
	gbkBadPairs [][2]byte
	gbkLostOnce sync.Once
)

func buildGBKLost() {
	t := decTables()
	for next := range gbkLost {
		gbkLost[next] = []byte{0x80}
		for x := 0x81; x <= 0xFE; x++ {
			if mbPair(t, x, next) == 0 {
				gbkLost[next] = append(gbkLost[next], byte(x))
				if next >= 0x80 && next <= 0xFE {
					gbkBadPairs = append(gbkBadPairs, [2]byte{byte(x), byte(next)})
				}
			}
		}
	}
}

// lostLatinPairs gives the pairs of bytes Windows-1252 leaves undefined.
func lostLatinPairs(byte) [][2]byte { return latinLostPairs }

var latinLostPairs = func() (pairs [][2]byte) {
	for _, x := range latinUndefined {
		for _, y := range latinUndefined {
			pairs = append(pairs, [2]byte{x, y})
		}
	}
	return pairs
}()

// lostLatin gives the five bytes Windows-1252 leaves undefined.
func lostLatin(byte) []byte { return latinUndefined }

var latinUndefined = []byte{0x81, 0x8D, 0x8F, 0x90, 0x9D}

// cp1252High are the runes Windows-1252 reads bytes 0x80–0x9F as (0 for
// the five it leaves undefined, which Latin-1 reads as C1 controls).
var cp1252High = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// encodeLatin appends the byte Latin-1 or Windows-1252 read as r to buf.
func encodeLatin(r rune, buf []byte) ([]byte, bool) {
	if r < 0x100 {
		return append(buf, byte(r)), true
	}
	for i, c := range cp1252High {
		if c == r {
			return append(buf, byte(0x80+i)), true
		}
	}
	return buf, false
}

// recodeEdits gives the edits that read the lines of text that m misread
// as UTF-8 again. It reads every line back first, so that the pairs of
// characters the report states whole can help guess the ones it lost.
func recodeEdits(text string, m *misreading) []edit {
	type line struct {
		start, end int
		bytes      []byte // the bytes m read, 0xFF where one was lost
	}
	var lines []line
	var arena []byte
	forEachLine(text, func(start, end int) {
		if b, ok := misreadBytes(text[start:end], m, arena); ok {
			lines = append(lines, line{start, end, b[len(arena):]})
			arena = b
		}
	})
	r := recoder{m: m, lm: hanzi.LanguageModel(), pairs: map[[2]rune]int32{}, chars: map[rune]int32{}}
	for _, l := range lines {
		r.count(l.bytes)
	}
	var edits []edit
	for _, l := range lines {
		if repl, ok := r.read(text[l.start:l.end], l.bytes); ok {
			edits = append(edits, edit{start: l.start, end: l.end, repl: repl, kind: kindMojibake})
		}
	}
	return edits
}

// misreadBytes appends to buf the bytes m read as line, with 0xFF (never
// valid in UTF-8) for each it lost, if m has a byte for each rune.
func misreadBytes(line string, m *misreading, buf []byte) ([]byte, bool) {
	if !hasNonASCII(line) {
		return buf, false
	}
	start := len(buf)
	var lost, runs []int // where runs of U+FFFD stood in buf, and how long they were
	for _, r := range line {
		if r == utf8.RuneError {
			if len(lost) == 0 || lost[len(lost)-1] != len(buf) {
				lost, runs = append(lost, len(buf)), append(runs, 0)
			}
			runs[len(runs)-1]++
			continue
		}
		var ok bool
		if buf, ok = m.encode(r, buf); !ok {
			return buf, false
		}
	}
	if len(lost) == 0 {
		return buf, true
	}
	b := append([]byte(nil), buf[start:]...)
	buf = buf[:start]
	from := 0
	for i, at := range lost {
		at -= start
		buf = append(buf, b[from:at]...)
		for range lostBytes(b, at, runs[i]) {
			buf = append(buf, 0xFF)
		}
		from = at
	}
	return append(buf, b[from:]...), true
}

// lostBytes is how many bytes were lost at b[k] (after b[k-1], before
// b[k]) where runs U+FFFD stood: each stands for one byte or two,
// depending on the decoder that wrote it, and the UTF-8 around them tells
// which. The lost bytes complete the character b[:k] ends in; or they are
// the lead of a three-byte character (ideographs and their marks are)
// whose continuation bytes b[k:] starts with, and what it lacks besides;
// or both.
func lostBytes(b []byte, k, runs int) int {
	q := k
	for q > 0 && k-q < 3 && b[q-1] >= 0x80 && b[q-1] < 0xC0 {
		q--
	}
	cont := 0 // continuation bytes at k
	for k+cont < len(b) && cont < 3 && b[k+cont] >= 0x80 && b[k+cont] < 0xC0 {
		cont++
	}
	need := 0 // what the character b[:k] ends in lacks
	if q > 0 && b[q-1] >= 0xC0 {
		need = max(utf8Len(b[q-1])-(k-q+1), 0)
	}
	var ways []int
	if need > cont {
		ways = append(ways, need-cont) // b[k:]'s continuation bytes are its
	}
	if cont < 3 {
		ways = append(ways, need+3-cont) // a character starts in the gap
	}
	for _, n := range ways {
		if n >= runs && n <= 2*runs {
			return n
		}
	}
	if len(ways) == 0 {
		return runs
	}
	return ways[0]
}

// utf8Len is the length of the UTF-8 sequence lead byte c starts.
func utf8Len(c byte) int {
	switch {
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	}
	return 2
}

// recoder reads misread lines back, guessing lost bytes from the word
// model and from the pairs of characters the report states whole.
type recoder struct {
	m      *misreading
	lm     *hanzi.Model
	pairs  map[[2]rune]int32
	chars  map[rune]int32
	script int // hanzi.ScriptScore of the whole characters
}

// count adds the pairs of whole characters in b to r.pairs, and their
// script to r.script. Digits count as one ("2个" and "6个" are a pair).
func (r *recoder) count(b []byte) {
	prev := rune(-1)
	for i := 0; i < len(b); {
		c, size := utf8.DecodeRune(b[i:])
		i += size
		r.script += hanzi.RuneScript(c)
		c = pairRune(c)
		if c == utf8.RuneError || c < 0x80 && c != '0' {
			prev = -1
			continue
		}
		r.chars[c]++
		if prev >= 0 {
			r.pairs[[2]rune{prev, c}]++
		}
		prev = c
	}
}

// pairRune is c as pairs count it: folded, every digit '0'.
func pairRune(c rune) rune {
	if c >= '0' && c <= '9' {
		return '0'
	}
	return foldHan(c)
}

// read gives the text of the misread line whose bytes are b, and reports
// whether it is better text: nearly every byte reads as UTF-8, and its
// characters score better as report text than the line's own.
func (r *recoder) read(line string, b []byte) (string, bool) {
	for k := 0; k < len(b); k++ {
		if n := lostRun(b, k); n == 1 || n == 2 {
			r.guessLost(b, k, n)
			k += n - 1
		} else if n > 2 {
			k += n - 1 // too much lost to guess
		}
	}
	var out strings.Builder
	out.Grow(len(b))
	chars, lost := 0, 0
	for i := 0; i < len(b); {
		c, size := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && size <= 1 {
			// A character with a lost byte: one U+FFFD for its pieces.
			for i++; i < len(b) && (b[i] == 0xFF || b[i] >= 0x80 && b[i] < 0xC0); i++ {
			}
			out.WriteRune(utf8.RuneError)
			lost++
			continue
		}
		if c >= 0x80 {
			chars++
		}
		out.Write(b[i : i+size])
		i += size
	}
	if chars < 2 || lost*2 > chars {
		return "", false
	}
	repl := out.String()
	before, _, _ := mbScoreString(line)
	after, _, _ := mbScoreString(repl)
	return repl, after > before
}

// guessLost puts back the lost bytes b[k:k+n] (one or two) where bytes
// r.m may have lost make their character valid UTF-8 that leaves the next
// one whole: the likeliest such character as report text — by its score,
// then by how well the report's own pairs and the word model like it
// between its neighbours. Each lost byte is one the decoder rejected
// before the byte after it.
func (r *recoder) guessLost(b []byte, k, n int) {
	start := k
	for start > 0 && k-start < 3 && (start == k || b[start] >= 0x80 && b[start] < 0xC0) {
		start--
	}
	prev, _ := utf8.DecodeLastRune(b[:start])
	after := byte(0)
	if k+n < len(b) {
		after = b[k+n]
	}
	reading := readingAfter(b[k+n:])
	var best [2]byte
	best[0], best[1] = 0xFF, 0xFF
	bestScore, bestP := math.MinInt, math.Inf(-1)
	try := func() {
		c, size := utf8.DecodeRune(b[start:])
		end := start + size
		if c == utf8.RuneError || end < k+n || end < len(b) && !utf8.RuneStart(b[end]) {
			return
		}
		next, _ := utf8.DecodeRune(b[end:])
		score := mbScore(c)
		if script := hanzi.RuneScript(c); script != 0 && script*r.script < 0 {
			score-- // the other script's: as rare as a level-2 character
		}
		switch {
		case end < len(b):
		case endsOpen(string(c)):
			score -= 2 // no line ends so (see joinEdits)
		case endsSentence(string(c)):
			score++ // most lines end a sentence
		}
		if reading != "" && hanzi.IsReadingOf(c, reading) {
			score += 10 // the reading after it names it
		}
		if start < 16 && makesHeading(b, end) {
			score += 10 // a numeral or mark that makes a heading of the line is its own
		}
		if score < bestScore {
			return
		}
		if p := r.likelihood(prev, c, next); score > bestScore || p > bestP {
			copy(best[:], b[k:k+n])
			bestScore, bestP = score, p
		}
	}
	if n == 1 {
		for _, x := range r.m.lost(after) {
			b[k] = x
			try()
		}
	} else {
		for _, xy := range r.m.lostPairs(after) {
			b[k], b[k+1] = xy[0], xy[1]
			try()
		}
	}
	copy(b[k:k+n], best[:n])
}

// readingAfter gives the pinyin in brackets b starts with, if any: a
// lost character's reading tells which it was ("國(guó)").
func readingAfter(b []byte) string {
	for len(b) > 0 && b[0] >= 0x80 && b[0] < 0xC0 {
		b = b[1:] // the rest of the lost character
	}
	if len(b) < 3 || b[0] != '(' {
		return ""
	}
	end := bytes.IndexByte(b[:min(len(b), 16)], ')')
	if end < 2 {
		return ""
	}
	return string(b[1:end])
}

// makesHeading reports whether the line b, guessed up to end, starts a
// heading; when the character at end was lost too, whether it does with a
// heading's mark in its place.
func makesHeading(b []byte, end int) bool {
	rest := b[end:min(len(b), end+12)]
	if c, _ := utf8.DecodeRune(rest); c != utf8.RuneError || len(rest) == 0 {
		return startsHeading(string(b[:end]) + string(rest))
	}
	i := 1
	for i < len(rest) && (rest[i] == 0xFF || rest[i] >= 0x80 && rest[i] < 0xC0) {
		i++
	}
	for _, mark := range []string{"、", "）", "．"} {
		if startsHeading(string(b[:end]) + mark + string(rest[i:])) {
			return true
		}
	}
	return false
}

// likelihood is how likely c is between prev and next, in bits: what
// the word model says, 4 bits more for each time the report has c beside
// either, and a little for how often it has c at all; for punctuation,
// how common the mark is.
func (r *recoder) likelihood(prev, c, next rune) float64 {
	prev, c, next = pairRune(prev), pairRune(c), pairRune(next)
	doc := 4*float64(r.pairs[[2]rune{prev, c}]+r.pairs[[2]rune{c, next}]) + math.Log2(1+float64(r.chars[c]))/2
	if i := strings.IndexRune(commonMarks, c); i >= 0 {
		return doc - float64(i)
	}
	return doc + math.Log2(r.wordProb(prev, c, next)+1e-12)
}

// wordProb is the word model's probability of c, then next, after prev:
// c goes on prev's word or starts one, and next goes on c's or starts one.
func (r *recoder) wordProb(prev, c, next rune) float64 {
	lm := r.lm
	then := func(s hanzi.State) float64 {
		_, pGo := lm.GoOn(s, 0, next)
		return pGo + lm.End(s)*lm.StartProb(next)
	}
	s := lm.Start(prev)
	p := lm.End(s) * lm.StartProb(c) * then(lm.Start(c))
	if kid, pGo := lm.GoOn(s, 0, c); pGo > 0 {
		p += pGo * then(kid)
	}
	return p
}

// commonMarks are the full-width marks of reports, commonest first.
const commonMarks = "，。、（）：；“”《》—…！？"

// lostRun is how many lost bytes (0xFF) run from b[k].
func lostRun(b []byte, k int) int {
	n := 0
	for k+n < len(b) && b[k+n] == 0xFF {
		n++
	}
	return n
}

// hasNonASCII reports whether s has a byte above 0x7F.
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
