package metrics

import (
	"sort"

	"baogao/hanzi"
)

// unitKind says how a unit behaves in a sentence.
type unitKind int

const (
	unitCount    unitKind = iota // 个 家 项: counts, often written before the noun (5家企业)
	unitQuantity                 // 元 亩 吨: amounts; "50亿元内资项目7个" is a size threshold
	unitRatio                    // % 个百分点 倍 成
)

type baseUnit struct {
	name string
	kind unitKind
	// needsEnd: only a unit when not followed by a Han character (1类新药).
	needsEnd bool
	runes    []rune // name as runes
	// prefixed[pi] is the unit's text after prefixes[pi]: 万亩 (also
	// when 余 or 多 stands between them, as in 42万余人次).
	prefixed []string
}

var baseUnits = func() []baseUnit {
	counts := []string{"个", "家", "名", "人", "户", "位", "项", "件", "座", "条", "处", "台", "辆", "艘", "架", "所",
		"场", "次", "支", "种", "批次", "家次", "人次", "户次", "场次", "幢", "栋", "株", "棵", "册", "张", "套", "间", "床",
		"块", "片", "段", "起", "宗", "篇", "只", "头", "大类", "个工作日", "工作日", "天", "个月", "个(次)", "所次", "项次"}
	quantities := []string{"元", "美元", "欧元", "港元", "日元", "亩", "公顷", "平方米", "平方公里", "立方米", "公里", "千米", "米",
		"吨", "吨/年", "千克", "公斤", "千瓦", "千瓦时", "兆瓦", "标箱", "标准箱", "微克/立方米", "毫克/立方米"}
	var us []baseUnit
	for _, c := range counts {
		us = append(us, baseUnit{name: c, kind: unitCount})
	}
	us = append(us, baseUnit{name: "类", kind: unitCount, needsEnd: true})
	for _, q := range quantities {
		us = append(us, baseUnit{name: q, kind: unitQuantity})
	}
	for _, r := range []string{"%", "‰", "个百分点", "百分点", "倍"} {
		us = append(us, baseUnit{name: r, kind: unitRatio})
	}
	us = append(us, baseUnit{name: "成", kind: unitRatio, needsEnd: true})
	sort.SliceStable(us, func(i, j int) bool { return len([]rune(us[i].name)) > len([]rune(us[j].name)) })
	for i := range us {
		us[i].runes = []rune(us[i].name)
		for _, p := range prefixes {
			us[i].prefixed = append(us[i].prefixed, p.name+us[i].name)
		}
	}
	return us
}()

type prefix struct {
	name string
	mult float64
}

// Longest first.
var prefixes = []prefix{{"万亿", 1e12}, {"千万", 1e7}, {"百万", 1e6}, {"十万", 1e5}, {"亿", 1e8}, {"万", 1e4}, {"千", 1e3}, {"百", 1e2}}

// unit is a unit as written after a number.
type unit struct {
	text string // as written: 万亩
	base string // 亩
	mult float64
	kind unitKind
	end  int    // rune offset after the unit
	qual string // 余 or 多 written inside the unit: 42万余人次
}

// parseUnit reads a unit at i: an optional multiplier prefix and a base
// unit, longest match first. A bare 万 or 亿 before punctuation is a unit
// too (人口1.2亿).
func parseUnit(n []rune, i int) (unit, bool) {
	best := unit{}
	found := false
	try := func(pi int, p prefix, at int) {
		if at >= len(n) || !unitFirst.has(n[at]) {
			return
		}
		for _, b := range unitsByFirst[n[at]] {
			if !hasAtRunes(n, at, b.runes) {
				continue
			}
			end := at + len(b.runes)
			if b.needsEnd && end < len(n) && hanzi.IsHan(n[end]) && n[end] != '以' && n[end] != '左' && n[end] != '多' {
				continue
			}
			if !found || end > best.end {
				text := b.name
				if pi >= 0 {
					text = b.prefixed[pi]
				}
				best = unit{text: text, base: b.name, mult: p.mult, kind: b.kind, end: end}
				found = true
			}
			return // base units are sorted longest first
		}
	}
	try(-1, prefix{"", 1}, i)
	if i >= len(n) || !prefixFirst.has(n[i]) {
		return best, found
	}
	for pi, p := range prefixes {
		if hasAtRunes(n, i, prefixRunes[pi]) {
			at := i + len(prefixRunes[pi])
			try(pi, p, at)
			if !found && at < len(n) && (n[at] == '余' || n[at] == '多') {
				// 42万余人次: the qualifier sits inside the unit
				try(pi, p, at+1)
				if found {
					best.qual = string(n[at])
				}
			}
			if !found && (at >= len(n) || !hanzi.IsHan(n[at])) && (p.name == "万" || p.name == "亿" || p.name == "万亿") {
				best = unit{text: p.name, mult: p.mult, kind: unitQuantity, end: at}
				found = true
			}
		}
	}
	return best, found
}

// prefixRunes are the names of prefixes as runes; prefixFirst holds their
// first runes.
var prefixRunes, prefixFirst = func() ([][]rune, *runeSet) {
	out := make([][]rune, len(prefixes))
	var first runeSet
	for i, p := range prefixes {
		out[i] = []rune(p.name)
		first.add(out[i][0])
	}
	return out, &first
}()

// unitsByFirst indexes base units by their first rune (longest first), and
// unitFirst says which runes can start a unit, prefixes included.
var unitsByFirst, unitFirst = func() (map[rune][]baseUnit, *runeSet) {
	by := map[rune][]baseUnit{}
	var first runeSet
	for _, b := range baseUnits {
		r := []rune(b.name)[0]
		by[r] = append(by[r], b)
		first.add(r)
	}
	for _, p := range prefixes {
		first.add([]rune(p.name)[0])
	}
	return by, &first
}()
