package metrics

import "unicode/utf8"

// runeSet is a set of runes in the Basic Multilingual Plane, as a bitmap:
// the scanners ask it once per character, where a map costs a hash.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 0x10000 {
		s[r>>6] |= 1 << (r & 63)
	}
}

// addAll adds the runes of t.
func (s *runeSet) addAll(t *runeSet) {
	for i := range s {
		s[i] |= t[i]
	}
}

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r>>6]&(1<<(r&63)) != 0
}

// runeSetOf is the set of the runes of s.
func runeSetOf(s string) *runeSet {
	var set runeSet
	for _, r := range s {
		if r == utf8.RuneError {
			panic("runeSetOf: RuneError would match invalid bytes")
		}
		set.add(r)
	}
	return &set
}
