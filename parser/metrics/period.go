package metrics

import (
	"math/bits"
	"unicode/utf8"
)

// matchPeriod reads a period phrase at i: 1-6月, 前5月, 上半年, 全年,
// 今年以来, 截至6月底, 2018年度 …, and returns it as the report would list it.
func matchPeriod(n []rune, i, end int) (string, int, bool) {
	if i >= end {
		return "", i, false
	}
	n = n[:end]
	switch r := n[i]; {
	case isDigit(r):
		// 1-6月, 1-5月 (not 1-6月份的), YYYY年度
		j := i
		for j < end && isDigit(n[j]) {
			j++
		}
		if j-i == 4 && hasAt(n, j, "年度") {
			return string(n[i : j+2]), j + 2, true
		}
		if j < end && n[j] == '-' && j-i <= 2 {
			k := j + 1
			for k < end && isDigit(n[k]) {
				k++
			}
			if k > j+1 && k-j-1 <= 2 && k < end && n[k] == '月' {
				out := string(n[i : k+1])
				k++
				if hasAt(n, k, "份") {
					k++
				}
				return out, k, true
			}
		}
		// 5月, as a whole clause opener: "5月,…"
		if j-i <= 2 && j < end && n[j] == '月' && (j+1 >= end || isClauseEnd(n[j+1]) || hasAt(n, j+1, "份,")) {
			return string(n[i : j+1]), j + 1, true
		}
	case r == '前':
		j := i + 1
		for j < end && (isDigit(n[j]) || isCnStart(n[j])) {
			j++
		}
		if j > i+1 && j < end && n[j] == '月' {
			return string(n[i : j+1]), j + 1, true
		}
		if hasAt(n, i, "前三季度") {
			return "前三季度", i + 4, true
		}
	case r == '截' || r == '至':
		j := i + 1
		if r == '截' {
			if j >= end || n[j] != '至' && n[j] != '止' {
				return "", i, false
			}
			j++
		}
		if hasAt(n, j, "目前") {
			return string(n[i : j+2]), j + 2, true
		}
		k := j
		for k < end && k-j < 12 && (isDigit(n[k]) || n[k] == '年' || n[k] == '月' || n[k] == '日' || n[k] == '底' || n[k] == '末') {
			k++
		}
		if k > j && (n[k-1] == '底' || n[k-1] == '日' || n[k-1] == '末' || n[k-1] == '月') && isDigit(n[j]) {
			return string(n[i:k]), k, true
		}
	}
	if !periodFirst.has(n[i]) {
		return "", i, false
	}
	for ws := periodWordsFrom[n[i]]; ws != 0; ws &= ws - 1 {
		wi := bits.TrailingZeros64(ws)
		if w := periodWordRunes[wi]; hasAtRunes(n, i, w) {
			return periodWords[wi].as, i + len(w), true
		}
	}
	return "", i, false
}

// periodWordsFrom maps the first rune of periodWords to the set of their
// indices (a bit each), so that matchPeriod tries, in order, only the
// words that start with the rune it is at.
var periodWordsFrom = func() map[rune]uint64 {
	if len(periodWords) > 64 {
		panic("metrics: periodWordsFrom holds at most 64 period words")
	}
	m := make(map[rune]uint64)
	for i, w := range periodWordRunes {
		m[w[0]] |= 1 << i
	}
	return m
}()

// periodWordRunes are the texts of periodWords as runes.
var periodWordRunes = func() [][]rune {
	out := make([][]rune, len(periodWords))
	for i, w := range periodWords {
		out[i] = []rune(w.text)
	}
	return out
}()

var periodWords = []struct{ text, as string }{
	{"今年以来", "今年以来"}, {"年初以来", "年初以来"}, {"上半年", "上半年"}, {"下半年", "下半年"}, {"全年", "全年"},
	{"一季度", "一季度"}, {"第一季度", "一季度"}, {"前三季度", "前三季度"}, {"二季度", "二季度"}, {"三季度", "三季度"}, {"四季度", "四季度"},
	{"年底前", "年底前"}, {"当年", "当年"}, {"明年", "明年"}, {"今年", "今年"}, {"较年初", "年初以来"}, {"比年初", "年初以来"},
}

// periodFirst holds the runes a period phrase can start with, so the
// scanner tries matchPeriod only there.
var periodFirst = func() *runeSet {
	var s runeSet
	for _, r := range "前截至" {
		s.add(r)
	}
	for _, w := range periodWords {
		r, _ := utf8.DecodeRuneInString(w.text)
		s.add(r)
	}
	return &s
}()
