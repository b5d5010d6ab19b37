// Package hanzi knows about Chinese characters: traditional ↔ simplified
// conversion, folding for matching, and which Latin syllables are readings
// of a character (to spot pinyin residue). It is a leaf package shared by
// parser, model and ui.
//
// The character tables (tables.go) are generated from Unicode's Unihan
// database; phrases.go adds a short hand-written list of words whose
// characters convert differently in context (头发→頭髮 but 发展→發展).
package hanzi

//go:generate go run gen/main.go -o tables.go

import (
	"strings"
	"unicode/utf8"
)

// The dense part of a table covers CJK Extension A and the URO, where
// almost all mappings live; the rest goes to a small map.
const (
	denseLo = 0x3400
	denseHi = 0x9FFF
)

// An entry packs the default target rune (low 21 bits, 0 = unchanged) and
// 1 + the index of the phrase group starting with this rune (high 11 bits).
const (
	runeBits  = 21
	runeMask  = 1<<runeBits - 1
	maxGroups = 1<<(32-runeBits) - 1
)

type phrase struct {
	from, to string
}

type table struct {
	dense [denseHi - denseLo + 1]uint32
	// mapped has a bit for each dense entry that is not zero: convert
	// asks it first, a 3 KB bitmap that stays in cache where dense does
	// not.
	mapped    [(denseHi - denseLo + 64) / 64]uint64
	sparse    map[rune]uint32
	sparseMin rune
	groups    [][]phrase // each sorted longest first
}

var t2s, s2t = buildTable(t2sPairs, t2sPhrases, true), buildTable(s2tPairs, s2tPhrases, false)

// selfT are traditional characters that are also simplified forms of
// themselves (乾, 著 …); selfS the same the other way round. LooksTraditional
// does not count them as evidence.
var selfT, selfS = runeSet(t2sSelf), runeSet(s2tSelf)

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool, len(s)/3)
	for _, r := range s {
		m[r] = true
	}
	return m
}

func buildTable(pairs string, phrases []string, keepTargets bool) *table {
	t := &table{sparse: map[rune]uint32{}, sparseMin: utf8.MaxRune}
	for len(pairs) > 0 {
		from, n := utf8.DecodeRuneInString(pairs)
		to, m := utf8.DecodeRuneInString(pairs[n:])
		pairs = pairs[n+m:]
		t.set(from, t.get(from)&^runeMask|uint32(to))
	}
	add := func(from, to string) {
		first, _ := utf8.DecodeRuneInString(from)
		e := t.get(first)
		g := int(e >> runeBits)
		if g == 0 {
			t.groups = append(t.groups, nil)
			g = len(t.groups)
			if g > maxGroups {
				panic("hanzi: too many phrase groups")
			}
			t.set(first, e|uint32(g)<<runeBits)
		}
		for _, p := range t.groups[g-1] {
			if p.from == from {
				return // first entry wins
			}
		}
		t.groups[g-1] = append(t.groups[g-1], phrase{from, to})
	}
	for _, line := range phrases {
		f := strings.Fields(line)
		if len(f) != 2 {
			panic("hanzi: bad phrase line " + line)
		}
		add(f[0], f[1])
	}
	if keepTargets {
		// T→S phrases that keep a character (乾隆, 顯著→显著) must also hold
		// when the text is already simplified (显著 must not become 显着).
		for _, line := range phrases {
			f := strings.Fields(line)
			add(f[1], f[1])
		}
	}
	for _, g := range t.groups {
		sortLongestFirst(g)
	}
	return t
}

func sortLongestFirst(g []phrase) {
	for i := 1; i < len(g); i++ {
		for j := i; j > 0 && len(g[j].from) > len(g[j-1].from); j-- {
			g[j], g[j-1] = g[j-1], g[j]
		}
	}
}

func (t *table) get(r rune) uint32 {
	if r >= denseLo && r <= denseHi {
		return t.dense[r-denseLo]
	}
	if r < t.sparseMin {
		return 0
	}
	return t.sparse[r]
}

func (t *table) set(r rune, e uint32) {
	if r >= denseLo && r <= denseHi {
		k := r - denseLo
		t.dense[k] = e
		if e != 0 {
			t.mapped[k/64] |= 1 << (k % 64)
		} else {
			t.mapped[k/64] &^= 1 << (k % 64)
		}
		return
	}
	t.sparse[r] = e
	if r < t.sparseMin {
		t.sparseMin = r
	}
}

// unmapped reports a rune of the dense range that has no entry, from the
// mapped bitmap: most characters have none, and the bitmap stays in cache
// where the dense array does not. It is small enough to inline.
func (t *table) unmapped(r rune) bool {
	k := uint(r - denseLo)
	return k <= denseHi-denseLo && t.mapped[k/64]&(1<<(k%64)) == 0
}

// one maps a single rune without context.
func (t *table) one(r rune) rune {
	if t.unmapped(r) {
		return r
	}
	if e := t.get(r) & runeMask; e != 0 {
		return rune(e)
	}
	return r
}

// DecodeFast decodes the rune at s[i] when it is one of the three-byte
// runes that need no check beyond their continuation bytes (leads E1–EC and
// EE–EF: U+1000–U+CFFF and U+E000–U+FFFF, nearly all of Chinese text), and
// returns size 0 otherwise. It is small enough to inline, which is the
// point: scanners on hot paths call it and fall back to DecodeRune.
func DecodeFast(s string, i int) (rune, int) {
	if len(s)-i > 2 {
		t := s[i:] // one slice check instead of three index checks
		c, c1, c2 := t[0], t[1], t[2]
		if c-0xE1 <= 0xEF-0xE1 && c != 0xED && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return 0, 0
}

// DecodeRune is utf8.DecodeRuneInString(s[i:]), taking DecodeFast's path
// where it can, and a short one for the two-byte runes of Latin (pinyin's
// tone-marked vowels among them), which utf8 decodes out of line.
func DecodeRune(s string, i int) (rune, int) {
	if r, n := DecodeFast(s, i); n > 0 {
		return r, n
	}
	if len(s)-i > 1 {
		if c, c1 := s[i], s[i+1]; c-0xC2 <= 0xDF-0xC2 && c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// DecodeLastRune is utf8.DecodeLastRuneInString(s), taking DecodeFast's
// path for the three-byte rune that ends most Chinese text: a well-formed
// three-byte rune at the end is the last rune.
func DecodeLastRune(s string) (rune, int) {
	if len(s) >= 3 {
		if r, n := DecodeFast(s, len(s)-3); n == 3 {
			return r, 3
		}
	}
	return utf8.DecodeLastRuneInString(s)
}

// convert applies the table to s, using phrases when withPhrases is set.
// It returns s itself when nothing changes.
func (t *table) convert(s string, withPhrases bool) string {
	var b strings.Builder
	done := 0 // s[:done] has been written to b (or needs no change yet)
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			continue
		}
		r, n := DecodeFast(s, i)
		if n == 0 {
			r, n = DecodeRune(s, i)
		}
		if t.unmapped(r) {
			i += n // no entry: the common case for simplified text
			continue
		}
		e := t.get(r)
		if e == 0 {
			i += n
			continue
		}
		if g := e >> runeBits; g != 0 && withPhrases {
			if p, ok := t.match(s[i:], g); ok {
				if p.from != p.to {
					grow(&b, len(s))
					b.WriteString(s[done:i])
					b.WriteString(p.to)
					done = i + len(p.from)
				}
				i += len(p.from)
				continue
			}
		}
		if to := rune(e & runeMask); to != 0 {
			grow(&b, len(s))
			b.WriteString(s[done:i])
			writeRune(&b, to)
			done = i + n
		}
		i += n
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// writeRune is b.WriteRune with the encoding of the three-byte runes below
// the surrogates, which nearly every mapping yields, written out:
// WriteRune encodes every rune that is not ASCII in a further call.
func writeRune(b *strings.Builder, r rune) {
	if r < 0x800 || r >= 0xD800 {
		b.WriteRune(r)
		return
	}
	u := [3]byte{0xE0 | byte(r>>12), 0x80 | byte(r>>6)&0x3F, 0x80 | byte(r)&0x3F}
	b.Write(u[:])
}

// grow sizes b for the whole output on the first change only; T↔S
// conversion keeps byte lengths nearly the same.
func grow(b *strings.Builder, n int) {
	if b.Cap() == 0 {
		b.Grow(n + n/16 + 16)
	}
}

func (t *table) match(s string, g uint32) (phrase, bool) {
	for _, p := range t.groups[g-1] {
		if strings.HasPrefix(s, p.from) {
			return p, true
		}
	}
	return phrase{}, false
}

// ToSimplified converts traditional characters to simplified ones, using
// the phrase list for context (乾隆 and 著名 keep their characters). Text
// that is already simplified comes back unchanged.
func ToSimplified(s string) string { return t2s.convert(s, true) }

// Simplifies reports whether ToSimplified can change text that holds r:
// r has a simplified form of its own, or is the first rune a phrase of
// the list changes (覆 in 批覆 → 批复). Text without such a rune comes
// back from ToSimplified unchanged — a phrase can only change text that
// holds the rune it changes — so a caller that counted them while
// scanning can skip the conversion.
func Simplifies(r rune) bool {
	if k := uint(r - denseLo); k <= denseHi-denseLo {
		return simplifiesDense[k/64]&(1<<(k%64)) != 0
	}
	return simplifiesSparse[r]
}

var simplifiesDense, simplifiesSparse = func() (dense [len(table{}.mapped)]uint64, sparse map[rune]bool) {
	sparse = map[rune]bool{}
	mark := func(r rune) {
		if k := uint(r - denseLo); k <= denseHi-denseLo {
			dense[k/64] |= 1 << (k % 64)
		} else {
			sparse[r] = true
		}
	}
	for k, e := range t2s.dense {
		if r, to := rune(denseLo+k), rune(e&runeMask); to != 0 && to != r {
			mark(r)
		}
	}
	for r, e := range t2s.sparse {
		if to := rune(e & runeMask); to != 0 && to != r {
			mark(r)
		}
	}
	for _, g := range t2s.groups {
		for _, p := range g {
			for i, j := 0, 0; i < len(p.from) && j < len(p.to); {
				a, n := DecodeRune(p.from, i)
				b, m := DecodeRune(p.to, j)
				if a != b {
					mark(a)
					break
				}
				i, j = i+n, j+m
			}
		}
	}
	return dense, sparse
}()

// ToTraditional converts simplified characters to traditional ones (Taiwan
// style forms such as 臺, 裡, 著), using the phrase list for the
// characters that split into several traditional ones.
//
// Both conversions work rune for rune: every phrase has as many characters
// on each side, so the result has as many runes as s (byte lengths can
// differ for supplementary-plane characters).
func ToTraditional(s string) string { return s2t.convert(s, true) }

// FoldRune maps one rune to its matching form: the default simplified
// character, half-width ASCII for full-width forms (Ａ１（：，), and a
// space for the ideographic space U+3000. It maps CJK ideographs to
// ideographs and every other rune as FoldWidth does, so a scanner that
// only asks IsHan of ideographs can fold with FoldWidth alone.
func FoldRune(r rune) rune {
	if r < 0x80 {
		return r
	}
	if w := FoldWidth(r); w != r {
		return w
	}
	return t2s.one(r)
}

// IsFolded reports whether FoldRune leaves r as it is, answering ASCII and
// ideographs without a table entry at once.
func IsFolded(r rune) bool {
	return r < 0x80 || t2s.unmapped(r) || FoldRune(r) == r
}

// FoldsHan reports whether Fold changes an ideograph of s, that is whether
// s holds a traditional character; other runes only change width.
func FoldsHan(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := DecodeFast(s, i)
		if n == 0 {
			r, n = DecodeRune(s, i)
		}
		if !t2s.unmapped(r) && IsHan(r) && t2s.one(r) != r {
			return true
		}
		i += n
	}
	return false
}

// FoldWidth maps the full-width forms of ASCII and the ideographic space
// to ASCII, and leaves every other rune as it is: FoldRune's width part.
func FoldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}

// Fold maps s to the form used for matching: simplified characters and
// half-width ASCII letters, digits and punctuation. It works rune for rune
// (the i-th rune of the result is FoldRune of the i-th rune of s) and
// ignores phrase context on purpose, so that Fold(a+b) == Fold(a)+Fold(b)
// and rune offsets stay valid; byte lengths may shrink (Ａ is 3 bytes, A 1).
func Fold(s string) string {
	var b strings.Builder
	done := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			continue
		}
		r, n := DecodeFast(s, i)
		if n == 0 {
			r, n = DecodeRune(s, i)
		}
		if t2s.unmapped(r) {
			i += n // FoldRune(r) == r: no width form lies in the dense range
			continue
		}
		if f := FoldRune(r); f != r {
			grow(&b, len(s))
			b.WriteString(s[done:i])
			writeRune(&b, f)
			done = i + n
		}
		i += n
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// LooksTraditional reports whether s is written mostly in traditional
// characters: it counts characters that only traditional text uses (T→S
// changes them) against characters that only simplified text uses (S→T
// changes them); characters valid in both scripts do not count.
func LooksTraditional(s string) bool { return ScriptScore(s) > 0 }

// ScriptScore is the evidence LooksTraditional weighs: the characters of s
// only traditional text uses minus those only simplified text uses. It
// adds up rune by rune (RuneScript), so a caller that edits a text can
// keep its score without reading the text again.
func ScriptScore(s string) int {
	score := 0
	for i := 0; ; {
		end, sc := PlainRun(s, i)
		score += sc
		if end == len(s) {
			return score
		}
		r, n := DecodeRune(s, end)
		i = end + n
		score += RuneScript(r)
	}
}

// PlainRun reads the run of plain text that starts at s[i] and returns the
// index just past it and its ScriptScore. Plain are the well-formed runes
// of ASCII, of the Latin letters U+0080–U+033F (pinyin), of U+4000–U+9FFF
// (nearly all the ideographs of a report) and of the punctuation blocks
// U+2000–U+203F, U+3001–U+303F and U+FF00–U+FF3F: nearly all of a report,
// never U+3000. It is the hot loop of a scan over Chinese text, so it
// calls nothing and checks each byte once.
func PlainRun(s string, i int) (end, score int) {
	han := denseScript[0x4000-denseLo:] // from U+4000
	last := len(s) - 2                  // three-byte runes start before it
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			continue
		} else if c-0xC2 <= 0xCC-0xC2 && i+1 < len(s) && s[i+1]^0x80 < 0x40 {
			i += 2 // a Latin letter
			continue
		}
		j := i
		for ; j < last; j += 3 {
			c := s[j] - 0xE4
			// c1 and c2 are continuation bytes when both are below 0x40
			// once their top bit is flipped: one test for the two.
			c1, c2 := s[j+1]^0x80, s[j+2]^0x80
			if c > 0xE9-0xE4 || c1|c2 >= 0x40 {
				if !isPunct3(s[j], c1, c2) {
					break
				}
				continue
			}
			score += int(han[int(c)<<12+int(c1&0x3F)<<6+int(c2&0x3F)])
		}
		if j == i {
			break
		}
		i = j
	}
	return i, score
}

// isPunct3 reports whether the lead byte c and the continuation bytes c1
// and c2, with their top bit flipped, are a rune of U+2000–U+203F,
// U+3001–U+303F or U+FF00–U+FF3F: the punctuation of Chinese text.
func isPunct3(c, c1, c2 byte) bool {
	return c2 < 0x40 && (c1 == 0 && (c == 0xE2 || c == 0xE3 && c2 != 0) || c == 0xEF && c1 == 0x3C)
}

// RuneScript is r's part of ScriptScore: 1 for a character only
// traditional text uses, -1 for one only simplified text uses, else 0.
func RuneScript(r rune) int {
	if score, ok := RuneScriptFast(r); ok {
		return score
	}
	if r < 0xF900 {
		return 0 // no ideograph lies below U+F900 outside the dense range
	}
	return sparseScript(r)
}

// RuneScriptFast is RuneScript for the ideographs of the dense range,
// nearly all of them, which a table answers: small enough to inline, which
// is the point. ok is false for other runes; RuneScript answers them.
func RuneScriptFast(r rune) (score int, ok bool) {
	if k := uint(r - denseLo); k <= denseHi-denseLo {
		return int(denseScript[k]), true
	}
	return 0, false
}

// sparseScript is RuneScript worked out from the tables.
func sparseScript(r rune) int {
	switch scriptOf(r) {
	case scriptTrad:
		return 1
	case scriptSimp:
		return -1
	}
	return 0
}

// Which script a character is evidence of, for LooksTraditional.
const (
	scriptNeither = iota
	scriptTrad    // only traditional text uses it
	scriptSimp    // only simplified text uses it
)

func scriptOf(r rune) uint8 {
	switch {
	case !IsHan(r):
		return scriptNeither
	case t2s.one(r) != r && !selfT[r]:
		return scriptTrad
	case s2t.one(r) != r && t2s.one(r) == r:
		return scriptSimp
	}
	return scriptNeither
}

// denseScript is RuneScript for the dense range, worked out once.
var denseScript = func() (t [denseHi - denseLo + 1]int8) {
	for r := rune(denseLo); r <= denseHi; r++ {
		t[r-denseLo] = int8(sparseScript(r))
	}
	return t
}()

// IsHan reports whether r is a CJK ideograph.
func IsHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF
}

// CountHan counts the CJK ideographs in s.
func CountHan(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++ // never Han
			continue
		}
		r, size := DecodeFast(s, i)
		if size == 0 {
			r, size = DecodeRune(s, i)
		}
		if IsHan(r) {
			n++
		}
		i += size
	}
	return n
}
