package metrics

import (
	"math"
	"strconv"

	"baogao/hanzi"
)

// number is a quantity as written: a value (or range, or placeholder) and
// the runes it spans.
type number struct {
	start, end int // rune offsets of the numeral itself (before any unit)
	value      float64
	valueMax   float64
	unknown    bool
	chinese    bool // written in Chinese numerals (三千, 十余)
	percent    bool // 百分之五十 or 三分之一: the unit is % already
	// midQual is a qualifier between the number and its unit: 20多项, 5350余亩.
	midQual string
}

// cnDigit, cnSmall and cnBig read one Chinese numeral character: a digit,
// a small multiplier (十 百 千) or a big one (万 亿).
func cnDigit(r rune) (float64, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

func cnSmall(r rune) (float64, bool) {
	switch r {
	case '十':
		return 10, true
	case '百':
		return 100, true
	case '千':
		return 1000, true
	}
	return 0, false
}

func cnBig(r rune) (float64, bool) {
	switch r {
	case '万':
		return 1e4, true
	case '亿':
		return 1e8, true
	}
	return 0, false
}

func isDigit(r rune) bool       { return r >= '0' && r <= '9' }
func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// isCnStart reports whether a Chinese numeral may start with r (百 and 千
// alone are left out: 百日, 千方百计).
func isCnStart(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// parseArabic reads digits with an optional decimal part and ASCII thousands
// separators (only where the original text had an ASCII comma: a converted
// full-width comma is a clause break).
func parseArabic(n []rune, orig []rune, i int) (float64, int, bool) {
	var buf [32]byte
	b := buf[:0]
	j := i
	for j < len(n) && isDigit(n[j]) {
		b = append(b, byte(n[j]))
		j++
	}
	if j == i {
		return 0, i, false
	}
	if j-i <= 3 {
		for j+3 < len(n) && orig[j] == ',' && isDigit(n[j+1]) && isDigit(n[j+2]) && isDigit(n[j+3]) && (j+4 >= len(n) || !isDigit(n[j+4])) {
			b = append(b, byte(n[j+1]), byte(n[j+2]), byte(n[j+3]))
			j += 4
		}
	}
	if j+1 < len(n) && n[j] == '.' && isDigit(n[j+1]) {
		b = append(b, '.')
		j++
		for j < len(n) && isDigit(n[j]) {
			b = append(b, byte(n[j]))
			j++
		}
	}
	if v, ok := smallDecimal(b); ok {
		return v, j, true
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, j, false
	}
	return v, j, true
}

// smallDecimal reads digits with an optional decimal point when there are
// at most 15 digits: the mantissa is then exact, and dividing it by an
// exact power of ten rounds once, correctly — the value ParseFloat gives.
func smallDecimal(b []byte) (float64, bool) {
	var m uint64
	digits, frac := 0, -1
	for _, c := range b {
		if c == '.' {
			frac = 0
			continue
		}
		m = m*10 + uint64(c-'0')
		digits++
		if frac >= 0 {
			frac++
		}
	}
	if digits > 15 {
		return 0, false
	}
	if frac <= 0 {
		return float64(m), true
	}
	return float64(m) / pow10[frac], true
}

var pow10 = [16]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

func roundTo(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

// parseChinese reads a Chinese numeral (三千, 一万二千, 十五). A trailing 万 or
// 亿 is left for the unit (两万亩 → 2 万亩), as with Arabic numbers.
func parseChinese(n []rune, i int) (float64, int, bool) {
	if i >= len(n) || !isCnStart(n[i]) {
		return 0, i, false
	}
	var total, section, num float64
	haveNum := false
	j := i
	lastBig := -1
	for j < len(n) {
		r := n[j]
		if d, ok := cnDigit(r); ok {
			if haveNum && r != '零' && r != '〇' {
				break // 十三五: two digits in a row end the numeral
			}
			num, haveNum = d, true
			j++
			continue
		}
		if u, ok := cnSmall(r); ok {
			if !haveNum {
				if u != 10 || j != i && section == 0 && total == 0 {
					break
				}
				num = 1
			}
			section += num * u
			num, haveNum = 0, false
			j++
			continue
		}
		if b, ok := cnBig(r); ok && j > i {
			lastBig = j
			if b == 1e8 {
				total = (total + section + num) * b
			} else {
				total += (section + num) * b
			}
			section, num, haveNum = 0, 0, false
			j++
			continue
		}
		break
	}
	if j == i {
		return 0, i, false
	}
	if lastBig == j-1 {
		// back off a trailing 万/亿 (and 万亿) so the unit keeps it
		j = lastBig
		for j > i {
			if _, ok := cnBig(n[j-1]); !ok {
				break
			}
			j--
		}
		v, k, ok := parseChinese(n[:j], i)
		return v, k, ok
	}
	return total + section + num, j, true
}

// parseNumber reads any number form starting at i: Arabic, Chinese,
// 百分之五十, 三分之一, a placeholder (x, XX), with 多/余 and a range
// (5-8, 5至8). ok is false when no number starts at i.
func parseNumber(n, orig []rune, i int) (num number, ok bool) {
	num.start = i
	var j int
	switch {
	case hasAt(n, i, "百分之"):
		v, k, ok := parseAny(n, orig, i+3)
		if !ok {
			return num, false
		}
		num.value, num.percent, j = v, true, k
	case isDigit(n[i]):
		v, k, ok := parseArabic(n, orig, i)
		if !ok {
			return num, false
		}
		num.value, j = v, k
	case n[i] == 'x' || n[i] == 'X':
		j = i
		for j < len(n) && (n[j] == 'x' || n[j] == 'X') {
			j++
		}
		if j-i > 3 {
			return num, false
		}
		num.unknown = true
	case isCnStart(n[i]):
		v, k, ok := parseChinese(n, i)
		if !ok {
			return num, false
		}
		num.value, num.chinese, j = v, true, k
		// 三分之一
		if hasAt(n, j, "分之") {
			d, k2, ok := parseChinese(n, j+2)
			if ok && num.value != 0 {
				num.value, num.percent, j = roundTo(100*d/num.value, 2), true, k2
			}
		}
	default:
		return num, false
	}
	num.end = j
	// 20多, 5350余, 十余
	if j < len(n) && (n[j] == '多' || n[j] == '余') {
		num.midQual = string(n[j])
		j++
	}
	// ranges: 5-8, 5至8, 5%-8% is handled by the caller after the unit
	if !num.unknown && j+1 < len(n) && (n[j] == '-' || n[j] == '至' || n[j] == '到') {
		if v, k, ok := parseAny(n, orig, j+1); ok && v > num.value {
			num.valueMax = v
			j = k
		}
	}
	num.end = j
	return num, true
}

func parseAny(n, orig []rune, i int) (float64, int, bool) {
	if i >= len(n) {
		return 0, i, false
	}
	if isDigit(n[i]) {
		return parseArabic(n, orig, i)
	}
	return parseChinese(n, i)
}

// hasAt reports whether the runes of s stand in n at i. The words it is
// given are valid UTF-8, so they are decoded here without the general
// decoder's checks.
func hasAt(n []rune, i int, s string) bool {
	for k := 0; k < len(s); i++ {
		if i >= len(n) {
			return false
		}
		var r rune
		switch c := s[k]; {
		case c < 0x80:
			r = rune(c)
			k++
		case c < 0xE0:
			r = rune(c&0x1F)<<6 | rune(s[k+1]&0x3F)
			k += 2
		case c < 0xF0:
			r = rune(c&0x0F)<<12 | rune(s[k+1]&0x3F)<<6 | rune(s[k+2]&0x3F)
			k += 3
		default:
			r = rune(c&0x07)<<18 | rune(s[k+1]&0x3F)<<12 | rune(s[k+2]&0x3F)<<6 | rune(s[k+3]&0x3F)
			k += 4
		}
		if n[i] != r {
			return false
		}
	}
	return true
}

// runeLen counts the runes of a word; the words it is given are valid
// UTF-8, so it counts the bytes that start a rune.
func runeLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// containsRunes reports whether the runes of word stand anywhere in n.
func containsRunes(n []rune, word string) bool {
	return indexRunes(n, word) >= 0
}

// indexRunes is the rune offset of the first word in n, or -1.
func indexRunes(n []rune, word string) int {
	first, size := hanzi.DecodeFast(word, 0) // inlined, for the Chinese words it is given
	if size == 0 {
		first, size = hanzi.DecodeRune(word, 0)
	}
	for i, r := range n {
		if r == first && hasAt(n, i+1, word[size:]) {
			return i
		}
	}
	return -1
}

// hasAtRunes reports whether w stands in n at i.
func hasAtRunes(n []rune, i int, w []rune) bool {
	if i < 0 || len(n)-i < len(w) {
		return false
	}
	n = n[i : i+len(w)]
	for k, r := range w {
		if n[k] != r {
			return false
		}
	}
	return true
}
