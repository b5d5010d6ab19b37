package parser

import (
	"strings"
	"unicode/utf8"

	"baogao/hanzi"
)

// Lead sentences are short topic sentences that open a run of detail
// ("工业经济提质增效。", "硬核防控守阵地。", "项目突破上,"). Reports put
// them either at the start of paragraphs or, when a whole chapter is one
// paragraph, in the middle of it.

// leadOpeners start sentences that are narration, never a topic.
var leadOpeners = []string{
	"今年", "去年", "明年", "上半年", "下半年", "全年", "年初", "目前", "当前", "截至", "其中", "同时",
	"此外", "另外", "为此", "对此", "总之", "总体", "各位", "同志们", "我们", "我", "在", "据",
	"预计", "一是", "二是", "三是", "四是", "五是", "六是", "通过", "但", "这", "以上", "根据", "按照",
	"一要", "二要", "三要", "四要", "五要", "六要", "首先", "其次", "最后",
}

// maxOpenerRunes is the length of the longest lead opener.
var maxOpenerRunes = func() int {
	n := 0
	for _, o := range leadOpeners {
		n = max(n, utf8.RuneCountInString(o))
	}
	return n
}()

var leadOpenerIndex = newPhraseIndex(leadOpeners)

// sentenceEnd is the byte length of the first sentence of p including its
// full stop, or -1 when p holds no full stop.
func sentenceEnd(p string) int {
	i := fullStops.index(p)
	if i < 0 {
		return -1
	}
	_, s := hanzi.DecodeRune(p, i)
	return i + s
}

// leadShape checks a candidate topic sentence (without its full stop).
// inline leads, found mid-paragraph, must be shorter and plainer.
func leadShape(s string, inline bool) bool {
	// Fold works rune for rune and no opener is longer than
	// maxOpenerRunes, so folding that many runes is enough to test them,
	// and only when the first rune folds to an opener's first rune.
	if r, _ := hanzi.DecodeRune(s, 0); leadOpenerIndex.isFirst(hanzi.FoldRune(r)) && leadOpenerIndex.startsWith(hanzi.Fold(runePrefix(s, maxOpenerRunes))) {
		return false
	}
	han, commas := 0, 0
	quoted := 0
	maxHan := 30
	if inline {
		maxHan = 12
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r, size = hanzi.DecodeFast(s, i); size == 0 {
				r, size = hanzi.DecodeRune(s, i)
			}
		}
		i += size
		// Only ideographs change script when folded, and they stay
		// ideographs: the width fold is all the cases below need.
		r = hanzi.FoldWidth(r)
		switch {
		case hanzi.IsHan(r): // most runes: asked first
			if han++; han > maxHan {
				return false // too long to be a lead, whatever follows
			}
		case r == '“' || r == '「':
			quoted++
		case r == '”' || r == '」':
			quoted--
		case r >= '0' && r <= '9', r == '%', r == '：', r == ':', r == '；', r == ';', r == '(', r == '（':
			return false
		case r == '，' || r == ',':
			commas++
		case r == '、' && quoted <= 0:
			return false
		}
	}
	if inline {
		return han >= 4 && han <= 12 && commas == 0
	}
	return han >= 4 && han <= 30 && commas <= 1
}

// paragraphLead finds a lead at the start of paragraph p: its title and
// where the detail after it starts.
func paragraphLead(p string) (title string, rest int, ok bool) {
	// "【项目建设】全年签约…": a topic in lenticular brackets.
	if t, ok := strings.CutPrefix(p, "【"); ok {
		if i := strings.Index(t, "】"); i > 0 && leadShape(t[:i], true) && atLeastRunes(t[i:], 8) {
			return t[:i], len("【") + i + len("】"), true
		}
	}
	// "项目突破上,全年…": a topic phrase closed by 上 and a comma.
	if i := commaMarks.index(p); i > 0 {
		head := p[:i]
		if strings.HasSuffix(head, "上") && atLeastRunes(head, 4) && !atLeastRunes(head, 10) && leadShape(head, true) {
			_, s := hanzi.DecodeRune(p, i)
			return head, i + s, true
		}
	}
	end := sentenceEnd(p)
	if end < 0 || !atLeastRunes(p[end:], 8) || introducesList(p[end:]) {
		return "", 0, false
	}
	_, s := hanzi.DecodeLastRune(p[:end])
	sentence := trimBullet(p[:end-s])
	if !leadShape(sentence, false) {
		return "", 0, false
	}
	return sentence, end, true
}

// bullets are the marks lists put before items in place of numbers
// ("——坚持创新驱动，…", "●工业生产稳步回升。"): not part of a title.
const bullets = "—●○■□◆◇★☆▲△▶►•·※➢➤√✓"

// trimBullet drops a bullet, and the spaces after it, from the start of s.
func trimBullet(s string) string {
	t := strings.TrimLeft(s, bullets)
	if len(t) == len(s) {
		return s
	}
	return strings.TrimLeft(t, " \t\u3000")
}

// introducesList reports a rest of a paragraph that only announces a
// list ("重点抓好以下工作："): the sentence before it is an introduction,
// not a topic with its detail.
func introducesList(rest string) bool {
	rest = strings.TrimSpace(rest)
	return (strings.HasSuffix(rest, "：") || strings.HasSuffix(rest, ":")) && !fullStops.contains(rest)
}

// inlineLeads finds the leads inside paragraph p after its first sentence:
// byte offsets of each lead's start and end (after its full stop).
func inlineLeads(p string) [][2]int {
	var out [][2]int
	pos := 0
	for {
		end := sentenceEnd(p[pos:])
		if end < 0 {
			return out
		}
		start := pos
		pos += end
		if start == 0 || !atLeastRunes(p[pos:], 8) {
			continue
		}
		_, s := hanzi.DecodeLastRune(p[:pos])
		if leadShape(p[start:pos-s], true) {
			out = append(out, [2]int{start, pos})
		}
	}
}

// atLeastRunes reports whether s holds n runes or more, without counting
// the rest of a long paragraph.
func atLeastRunes(s string, n int) bool {
	switch {
	case n <= 0 || len(s) >= 4*n: // no rune is longer than 4 bytes
		return true
	case len(s) < n:
		return false
	}
	return len(runePrefix(s, n-1)) < len(s)
}
