package hanzi

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Style = pinyin.Tone
	a.Heteronym = true
	return a
}()

// readingCache remembers the readings of characters already asked about;
// residue scanning asks about the same few hundred characters again and again.
var readingCache sync.Map // rune → []string

// readings returns the tone-marked Mandarin readings of r (lowercase, with
// ü), looking at the traditional and simplified forms too.
func readings(r rune) []string {
	if v, ok := readingCache.Load(r); ok {
		return v.([]string)
	}
	var out []string
	seen := map[string]bool{}
	for _, c := range []rune{r, t2s.one(r), s2t.one(r)} {
		for _, p := range pinyin.SinglePinyin(c, pinyinArgs) {
			if p != "" && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	readingCache.Store(r, out)
	return out
}

// tonePairs pairs each tone-marked vowel with its plain form (ü stays ü).
var tonePairs = []string{
	"ā", "a", "á", "a", "ǎ", "a", "à", "a",
	"ē", "e", "é", "e", "ě", "e", "è", "e", "ế", "e", "ề", "e",
	"ī", "i", "í", "i", "ǐ", "i", "ì", "i",
	"ō", "o", "ó", "o", "ǒ", "o", "ò", "o",
	"ū", "u", "ú", "u", "ǔ", "u", "ù", "u",
	"ǖ", "ü", "ǘ", "ü", "ǚ", "ü", "ǜ", "ü",
	"ń", "n", "ň", "n", "ǹ", "n", "ḿ", "m",
}

// plainVowel maps each tone-marked vowel to its plain form.
var plainVowel = func() map[rune]rune {
	m := map[rune]rune{}
	for i := 0; i < len(tonePairs); i += 2 {
		m[[]rune(tonePairs[i])[0]] = []rune(tonePairs[i+1])[0]
	}
	return m
}()

// tonelessIs reports whether p without its tone marks is want, without
// building that string: readings are compared with every parenthesis of
// a report full of them.
func tonelessIs(p, want string) bool {
	i := 0
	for _, r := range p {
		if v, ok := plainVowel[r]; ok {
			r = v
		}
		w, size := utf8.DecodeRuneInString(want[i:])
		if size == 0 || w != r {
			return false
		}
		i += size
	}
	return i == len(want)
}

// hasToneMark reports whether s holds a tone-marked vowel.
func hasToneMark(s string) bool {
	for _, r := range s {
		if _, ok := plainVowel[r]; ok {
			return true
		}
	}
	return false
}

// tone marks per vowel, index = tone 1..4.
var toneMarks = map[rune][4]rune{
	'a': {'ā', 'á', 'ǎ', 'à'},
	'e': {'ē', 'é', 'ě', 'è'},
	'i': {'ī', 'í', 'ǐ', 'ì'},
	'o': {'ō', 'ó', 'ǒ', 'ò'},
	'u': {'ū', 'ú', 'ǔ', 'ù'},
	'ü': {'ǖ', 'ǘ', 'ǚ', 'ǜ'},
}

// normalizeLatin lowercases a syllable and spells ü the standard way
// ("lv", "lu:", "LÜ" → "lü"); it turns a trailing tone number into a
// tone mark ("guo2" → "guó"). ok is false when s has anything but
// pinyin letters.
func normalizeLatin(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "u:", "ü")
	s = strings.ReplaceAll(s, "v", "ü")
	tone := 0
	if n := len(s); n > 0 && s[n-1] >= '0' && s[n-1] <= '5' {
		tone = int(s[n-1] - '0')
		s = s[:n-1]
	}
	if s == "" || len(s) > 12 {
		return "", false
	}
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r == 'ü' || r == 'ê' {
			continue
		}
		if _, ok := plainVowel[r]; !ok {
			return "", false // not a pinyin letter
		}
	}
	if tone >= 1 && tone <= 4 {
		if hasToneMark(s) {
			return "", false // both a mark and a number
		}
		s = addTone(s, tone)
	}
	return s, true
}

// addTone puts tone mark t on the vowel that carries it: a or e first,
// the o of ou, otherwise the last vowel.
func addTone(s string, t int) string {
	rs := []rune(s)
	at := -1
	for i, r := range rs {
		if r == 'a' || r == 'e' {
			at = i
			break
		}
	}
	if at < 0 {
		if i := strings.Index(s, "ou"); i >= 0 {
			at = len([]rune(s[:i]))
		}
	}
	if at < 0 {
		for i, r := range rs {
			if _, ok := toneMarks[r]; ok {
				at = i
			}
		}
	}
	if at < 0 {
		return s
	}
	rs[at] = toneMarks[rs[at]][t-1]
	return string(rs)
}

// IsReadingOf reports whether latin (like "guó", "jing", "lü", "lv",
// "GUO", "guo2") is a Mandarin pinyin reading of r, heteronyms included.
// With a tone mark or number the tone must match; without one, any tone
// (or the neutral tone) matches. Anything that is not a pinyin syllable
// ("AQI", "xx", "2019") is never a reading of a character that does not
// read that way.
func IsReadingOf(r rune, latin string) bool {
	if !IsHan(r) {
		return false
	}
	want, ok := normalizeLatin(latin)
	if !ok {
		return false
	}
	marked := hasToneMark(want)
	for _, p := range readings(r) {
		if marked {
			if p == want {
				return true
			}
		} else if tonelessIs(p, want) {
			return true
		}
	}
	return false
}
