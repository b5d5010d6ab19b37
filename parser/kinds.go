package parser

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"baogao/hanzi"
	"baogao/model"
)

// Title phrases strong enough to set a section's kind even against the
// kind its parent passes down. Achievements are tried first so that
// "计划执行情况" is a review, not a plan.
var (
	titleAchievements = []string{"执行情况", "进展情况", "完成情况", "推进情况", "开展情况", "落实情况", "回顾", "工作总结", "主要成绩", "主要成就", "取得的成绩", "工作成绩", "工作成效", "主要成效", "取得的成效", "工作进展", "主要进展", "过去一年", "过去五年", "主要做法", "基本情况", "做法和经验", "经验做法"}
	titleProblems     = []string{"存在的问题", "存在问题", "主要问题", "问题和不足", "问题与不足", "短板", "困难和问题", "差距和不足", "差距与不足", "困难和挑战", "困难与挑战", "风险和挑战", "风险挑战", "面临的困难", "面临的问题", "关注的问题", "薄弱环节", "不足之处", "几个问题", "问题与挑战", "问题和挑战", "面临的挑战", "不足和问题"}
	titlePlans        = []string{"下半年", "打算", "主要任务", "工作措施", "重点工作", "工作安排", "展望", "预期目标", "主要目标", "下一步", "工作思路", "总体要求", "工作计划", "目标任务", "今后五年", "今后一个时期", "下步", "下阶段", "明年", "对策建议", "意见建议", "工作建议", "几点建议", "计划安排", "计划草案", "工作重点", "工作要点", "重点任务", "发展目标", "总体目标", "目标要求", "指导思想", "总体思路", "发展思路"}
	// "上半年…情况", "上半年…工作": a review of the first half.
	reFirstHalf = regexp.MustCompile(`上半年.{0,12}(?:情况|工作|成绩|总结)`)
	// "存在的困难", "工作中存在的主要矛盾": what exists, when named, is a problem.
	reExisting = regexp.MustCompile(`存在.{0,8}(?:问题|困难|不足|短板|差距|矛盾|隐患)`)
)

// titleKind is n's heading's kind, worked out once.
func (n *node) titleKind() (model.Kind, bool) {
	if !n.titleKnown {
		n.titleKindVal, n.titleKindOK = titleKind(n.sec.Title)
		n.titleKnown = true
	}
	return n.titleKindVal, n.titleKindOK
}

// headingKind is titleKind where the title is a heading: a lead's title is
// its sentence, whose words never set a kind, so it is not read at all.
func (n *node) headingKind() (model.Kind, bool) {
	if n.style == "lead" {
		return model.KindOther, false
	}
	return n.titleKind()
}

// titleKind reads a kind from a heading's own words: of the kinds they
// name, achievements first (see titleKinds).
func titleKind(title string) (model.Kind, bool) {
	for i, named := range titleKinds(title) {
		if named {
			return listKinds[i], true
		}
	}
	return model.KindOther, false
}

// listKinds are the kinds of the three title lists, in their order.
var listKinds = [3]model.Kind{model.KindAchievements, model.KindProblems, model.KindPlans}

// titleKinds reports which of listKinds a title's words name. The words
// and the pattern are ideographs (and "." for any rune), so a title is
// folded only when it has a traditional character: width forms change
// nothing here.
func titleKinds(title string) (named [3]bool) {
	t := title
	if hanzi.FoldsHan(title) {
		t = hanzi.Fold(title)
	}
	// One pass finds which of the three lists have a word in t, and
	// whether the patterns' first words are there.
	var cues [2]bool
	titleWords.scan(t, func(k int) {
		if l := titleWordList[k]; l < len(named) {
			named[l] = true
		} else {
			cues[l-len(named)] = true
		}
	})
	named[0] = named[0] || cues[0] && reFirstHalf.MatchString(t)
	named[1] = named[1] || strings.HasSuffix(t, "不足") || strings.HasSuffix(t, "困难") ||
		cues[1] && reExisting.MatchString(t)
	return named
}

// titleWords indexes the three title lists, then the first words of
// reFirstHalf and reExisting; titleWordList says which list (0
// achievements, 1 problems, 2 plans, 3 and 4 the patterns) each word
// comes from.
var titleWords, titleWordList = func() (*phraseIndex, []int) {
	var words []string
	var list []int
	for i, l := range [][]string{titleAchievements, titleProblems, titlePlans, {"上半年"}, {"存在"}} {
		for _, w := range l {
			words = append(words, w)
			list = append(list, i)
		}
	}
	return newPhraseIndex(words), list
}()

// A phraseIndex finds every occurrence of a few words in one pass over a
// text instead of one pass per word. Words are valid UTF-8, so they can
// only match where a rune starts, and they are found by their first rune.
type phraseIndex struct {
	first   [0x10000 / 64]uint64 // first runes in the BMP, as a bitmap
	inWords [0x10000 / 64]uint64 // every rune of every word
	byFirst map[rune][]int
	words   []string
}

func newPhraseIndex(words []string) *phraseIndex {
	x := &phraseIndex{byFirst: map[rune][]int{}, words: words}
	for k, w := range words {
		for _, r := range w {
			if r >= 0x10000 || r == utf8.RuneError {
				panic("phraseIndex: word outside the BMP: " + w)
			}
			x.inWords[r>>6] |= 1 << (r & 63)
		}
		r, _ := utf8.DecodeRuneInString(w)
		x.first[r>>6] |= 1 << (r & 63)
		x.byFirst[r] = append(x.byFirst[r], k)
	}
	return x
}

// inAnyWord reports whether r is a rune of some word.
func (x *phraseIndex) inAnyWord(r rune) bool {
	return r >= 0 && r < 0x10000 && x.inWords[r>>6]&(1<<(r&63)) != 0
}

// startsWith reports whether s begins with one of the words, testing only
// the words that share its first rune.
func (x *phraseIndex) startsWith(s string) bool {
	if s == "" {
		return false
	}
	r, _ := hanzi.DecodeRune(s, 0)
	if !x.isFirst(r) {
		return false
	}
	for _, k := range x.byFirst[r] {
		if strings.HasPrefix(s, x.words[k]) {
			return true
		}
	}
	return false
}

// scanFolded calls fn as scan(hanzi.Fold(s), fn) would. It reads s itself
// while folding changes no rune that is, or becomes, a rune of a word (a
// comma folding to "," cannot make or break a match), and at the first
// one that does calls restart and scans Fold(s) instead: fn must only
// gather what restart can forget.
func (x *phraseIndex) scanFolded(s string, restart func(), fn func(k int)) {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r, size = hanzi.DecodeFast(s, i); size == 0 {
				r, size = hanzi.DecodeRune(s, i)
			}
			if !hanzi.IsFolded(r) && (x.inAnyWord(r) || x.inAnyWord(hanzi.FoldRune(r))) {
				restart()
				x.scan(hanzi.Fold(s), fn)
				return
			}
		}
		if x.isFirst(r) {
			for _, k := range x.byFirst[r] {
				if strings.HasPrefix(s[i:], x.words[k]) {
					fn(k)
				}
			}
		}
		i += size
	}
}

// isFirst reports whether some word begins with r.
func (x *phraseIndex) isFirst(r rune) bool {
	return r >= 0 && r < 0x10000 && x.first[r>>6]&(1<<(r&63)) != 0
}

// any reports whether s holds any of the words.
func (x *phraseIndex) any(s string) bool {
	found := false
	x.scanUntil(s, func(int) bool { found = true; return false })
	return found
}

// scan calls fn with the index of each word at each place it occurs in s,
// in text order (words of one place in list order).
func (x *phraseIndex) scan(s string, fn func(k int)) {
	x.scanUntil(s, func(k int) bool { fn(k); return true })
}

// scanUntil is scan stopping as soon as fn returns false.
func (x *phraseIndex) scanUntil(s string, fn func(k int) bool) {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r, size = hanzi.DecodeFast(s, i); size == 0 {
				r, size = hanzi.DecodeRune(s, i)
			}
		}
		if x.isFirst(r) {
			for _, k := range x.byFirst[r] {
				if strings.HasPrefix(s[i:], x.words[k]) && !fn(k) {
					return
				}
			}
		}
		i += size
	}
}

// Words that mark intent and words that mark work done, for sections whose
// headings say nothing about their kind.
var (
	planWords = []string{"要", "将", "力争", "确保", "争取", "努力", "计划", "预期", "拟", "下一步", "明年", "今后", "推动", "加快", "进一步"}
	doneWords = []string{"了", "已", "累计", "同比", "取得", "获评", "入选", "圆满", "成功", "首获", "位居", "今年以来", "上半年", "1-"}
)

// intentWords indexes planWords then doneWords.
var intentWords = func() *phraseIndex {
	words := append(append([]string(nil), planWords...), doneWords...)
	for _, w := range words {
		for k := 1; k < len(w); k++ {
			if strings.HasPrefix(w, w[len(w)-k:]) {
				panic("contentKind: " + w + " can overlap itself; count it with strings.Count")
			}
		}
	}
	return newPhraseIndex(words)
}()

// contentKind guesses a kind from the titles and texts of a section's
// subtree. Each is folded and scanned on its own rather than joined into
// one string: no word holds the "\n" a join would put between them.
func contentKind(s *model.Section) (model.Kind, bool) {
	plan, done := 0, 0
	s.Walk(0, func(x *model.Section, _ int) bool {
		for _, t := range [...]string{x.Title, x.Text} {
			// Counting every occurrence in one pass is strings.Count for
			// words that cannot overlap themselves, which intentWords checks.
			p, d := 0, 0
			intentWords.scanFolded(t, func() { p, d = 0, 0 }, func(k int) {
				if k < len(planWords) {
					p++
				} else {
					d++
				}
			})
			plan, done = plan+p, done+d
		}
		return true
	})
	switch {
	case plan+done < 3:
		return model.KindOther, false
	case plan*10 > done*13:
		return model.KindPlans, true
	case done*10 > plan*13:
		return model.KindAchievements, true
	}
	return model.KindOther, false
}

// resolveKinds sets every section's kind: its own title's kind when it
// has one, else its parent's, else one derived from what it holds. doc is
// the kind the report's own title names, if any (see documentKind).
//
// Top-level sections whose titles name no kind are placed in the report's
// course. Parts headed with two different years review the earlier and
// plan the later (yearKinds). Reports review before they turn to problems
// or plans: an untitled part before the first one titled as either
// (2020年展望, 存在问题, 下半年打算) is a review, unless it holds tasks
// with progress reports. And they do not go back: an untitled part after
// the turn ("三、全面加强政府自身建设" after "二、2024年工作安排") is more
// of the plan. Either way, and for the parts the document's kind decides,
// what a part holds (derivedKind) goes first when it says anything.
func resolveKinds(root *node, doc model.Kind, hasDoc bool) {
	byYear := yearKinds(root.children)
	ahead := len(root.children)
	for i, n := range root.children {
		k, ok := n.titleKind()
		if !ok {
			k, ok = byYear[n]
		}
		if ok && !n.hasOwn && (k == model.KindPlans || k == model.KindProblems) {
			ahead = i
			break
		}
	}
	for i, n := range root.children {
		_, titled := n.titleKind()
		switch k, ok := byYear[n]; {
		case titled || n.hasOwn:
			resolveKind(n, model.KindOther, false)
		case ok:
			resolveKind(n, k, true)
		case i < ahead && ahead < len(root.children) && !n.hasProgress():
			resolveKind(n, model.KindAchievements, true)
		case i > ahead:
			resolveKind(n, derivedOr(n, model.KindPlans), true)
		case hasDoc:
			resolveKind(n, derivedOr(n, doc), true)
		default:
			resolveKind(n, model.KindOther, false)
		}
	}
	settleOthers(root.children)
}

// documentKind is the kind a report's title names ("2024年政府工作要点",
// "上半年工作总结"), when it names one kind only: "…执行情况与…计划草案的
// 报告" names two and says nothing about any one part.
func documentKind(title string) (model.Kind, bool) {
	found, n := model.KindOther, 0
	for i, named := range titleKinds(title) {
		if named {
			found, n = listKinds[i], n+1
		}
	}
	if n != 1 {
		return model.KindOther, false
	}
	return found, true
}

// yearKinds reads kinds from the years parts open with. A report that
// heads its parts with two different years ("2023年工作回顾",
// "2024年主要工作") looks back on the earlier and ahead to the later, so
// a part whose words name no kind takes the one its year gives.
func yearKinds(parts []*node) map[*node]model.Kind {
	years := map[*node]int{}
	latest, earliest := 0, 0
	for _, n := range parts {
		y := titleYear(n.sec.Title)
		if y == 0 {
			continue
		}
		years[n] = y
		if latest == 0 || y > latest {
			latest = y
		}
		if earliest == 0 || y < earliest {
			earliest = y
		}
	}
	if earliest == latest {
		return nil
	}
	kinds := map[*node]model.Kind{}
	for n, y := range years {
		if y == latest {
			kinds[n] = model.KindPlans
		} else {
			kinds[n] = model.KindAchievements
		}
	}
	return kinds
}

// titleYear is the year a heading opens with ("2024年…", "关于2024年…"),
// or 0.
func titleYear(title string) int {
	t := strings.TrimPrefix(hanzi.Fold(title), "关于")
	if !startsWithYear(t) {
		return 0
	}
	if y := atoi(t[:4]); y >= 1949 && y <= 2199 {
		return y
	}
	return 0
}

// settleOthers gives a top-level section that nothing marked (kind other)
// the kind most of its same-style siblings have: chapters of one report
// numbered alike are of one kind unless they say otherwise.
func settleOthers(sibs []*node) {
	type vote struct {
		style string
		kind  model.Kind
	}
	votes := map[vote]int{} // one map, not one per style
	for _, n := range sibs {
		if n.sec.Kind != model.KindOther {
			votes[vote{n.style, n.sec.Kind}]++
		}
	}
	for _, n := range sibs {
		if n.sec.Kind != model.KindOther || n.hasOwn {
			continue
		}
		best, bestN := model.KindOther, 0
		for _, k := range model.Kinds {
			if v := votes[vote{n.style, k}]; v > bestN {
				best, bestN = k, v
			}
		}
		if bestN > 0 {
			setKind(n, best)
		}
	}
}

// setKind sets n's kind and passes it to descendants that took theirs
// from n.
func setKind(n *node, k model.Kind) {
	old := n.sec.Kind
	n.sec.Kind = k
	for _, c := range n.children {
		if c.sec.Kind == old && !c.hasOwn {
			if _, titled := c.headingKind(); !titled {
				setKind(c, k)
			}
		}
	}
}

func resolveKind(n *node, inherited model.Kind, hasInherited bool) {
	switch {
	case n.hasOwn:
		n.sec.Kind = n.ownKind
	default:
		if k, ok := n.headingKind(); ok {
			n.sec.Kind = k
		} else if hasInherited {
			n.sec.Kind = inherited
		} else {
			n.sec.Kind = derivedKind(n)
		}
	}
	for _, c := range n.children {
		resolveKind(c, n.sec.Kind, true)
	}
}

// derivedOr is derivedKind, or dflt where that finds none.
func derivedOr(n *node, dflt model.Kind) model.Kind {
	if k := derivedKind(n); k != model.KindOther {
		return k
	}
	return dflt
}

// derivedKind reads a kind from what a section holds, for one whose
// heading names none: a task with a progress report is a plan; children
// whose headings name a kind vote; otherwise the whole subtree is read for
// intent versus work done. KindOther when nothing says.
func derivedKind(n *node) model.Kind {
	votes := map[model.Kind]int{}
	for _, c := range n.children {
		if c.progress {
			return model.KindPlans
		}
		if k, ok := c.headingKind(); ok && !c.hasOwn {
			votes[k]++
		} else if c.hasProgress() {
			votes[model.KindPlans]++
		}
	}
	best, bestN := model.KindOther, 0
	for _, k := range model.Kinds {
		if votes[k] > bestN {
			best, bestN = k, votes[k]
		}
	}
	if bestN > 0 {
		return best
	}
	if k, ok := contentKind(n.sec); ok {
		return k
	}
	return model.KindOther
}

func (n *node) hasProgress() bool {
	for _, c := range n.children {
		if c.progress {
			return true
		}
	}
	return false
}
