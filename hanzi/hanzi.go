// Package hanzi knows about Chinese characters: traditional ↔ simplified
// conversion, folding for matching, and which Latin syllables are readings
// of a character (to spot pinyin residue). It is a leaf package shared by
// parser, model and ui.
package hanzi

// ToSimplified converts traditional characters to simplified ones.
// STUB: identity until the generated tables land.
func ToSimplified(s string) string { return s }

// ToTraditional converts simplified characters to traditional ones.
// STUB: identity until the generated tables land.
func ToTraditional(s string) string { return s }

// Fold maps s to the form used for matching: simplified characters and
// half-width ASCII letters, digits and punctuation.
// STUB: identity until the generated tables land.
func Fold(s string) string { return ToSimplified(s) }

// LooksTraditional reports whether s is written mostly in traditional
// characters. STUB.
func LooksTraditional(s string) bool { return false }

// IsHan reports whether r is a CJK ideograph.
func IsHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF
}

// IsReadingOf reports whether latin (like "guó", "jing", "lü") is a pinyin
// reading of r. STUB.
func IsReadingOf(r rune, latin string) bool { return false }
