// Package metrics finds the quantities a report states — values, changes and
// shares — with what they measure, their period, status and qualifier.
package metrics

import (
	"math"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"baogao/hanzi"
	"baogao/model"
)

// Context is where a run of text sits in the report.
type Context struct {
	Kind model.Kind // the section's kind: KindPlans makes "target" the default status
	// Heading is the section's heading, read before the text as a line of
	// its own (a heading that runs on into its paragraph holds figures
	// too): Extract(text, Context{Heading: h}) is Extract(h+"\n"+text,
	// Context{}), without building that string.
	Heading string
}

// Extract finds every metric in text — one section's own body, already
// normalized, paragraphs separated by "\n" — and in ctx.Heading. It reads
// simplified Chinese: text that holds a character hanzi.ToSimplified would
// change is folded first (a caller with text it knows to be traditional
// saves a decoding by folding it itself).
func Extract(text string, ctx Context) []model.Metric {
	if strings.IndexByte(text, '\t') >= 0 {
		if rest, tables := splitTableRows(text); len(tables) > 0 {
			out := Extract(rest, ctx)
			for _, t := range tables {
				out = append(out, tableMetrics(t, ctx)...)
			}
			return out
		}
	}
	// Most sections hold no metric: those are not even decoded.
	inHeading, inText := mayHoldMetric(ctx.Heading), mayHoldMetric(text)
	if !inHeading && !inText {
		return nil
	}
	sc := scratches.Get().(*scratch)
	defer sc.release()
	x := extractor{ctx: ctx, out: sc.out[:0]}
	if inHeading {
		x.scan(ctx.Heading, sc)
		x.lastSubject = "" // as the line break after the heading would
	}
	if inText {
		x.scan(text, sc)
	}
	sc.out = x.out // keep the grown buffer
	if len(x.out) == 0 {
		return nil
	}
	return append([]model.Metric(nil), x.out...)
}

// scan adds the metrics of text to x.out, decoding it in sc's buffers.
func (x *extractor) scan(text string, sc *scratch) {
	d := decode(text, sc)
	if d.simplifies {
		if s := hanzi.ToSimplified(text); s != text {
			text, d = s, decode(s, sc)
		}
	}
	x.n, x.orig, x.text, x.offs = d.n, d.orig, "", nil
	if d.valid {
		x.text, x.offs = text, d.offs
	}
	n, marks := d.n, d.marks
	start, from := 0, 0 // the sentence's first rune and first mark
	for mi := 0; mi <= len(marks); mi++ {
		i := len(n)
		if mi < len(marks) {
			if i = marks[mi]; !isSentenceEnd(n[i]) {
				continue
			}
		}
		if i > start {
			x.sentence(start, i, marks[from:mi])
		}
		if i < len(n) && n[i] == '\n' {
			x.lastSubject = "" // a paragraph break ends what a bare 增长x% can refer to
		}
		start, from = i+1, mi+1
	}
}

// scratch holds the buffers one Extract works in, kept for the next in
// scratches; nothing Extract returns points into them.
type scratch struct {
	runes []rune         // decode's orig, n and offs
	marks []int          // decode's marks
	out   []model.Metric // the metrics found, copied out at their final size
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// release returns sc to scratches, holding no strings alive.
func (sc *scratch) release() {
	clear(sc.out)
	sc.out = sc.out[:0]
	scratches.Put(sc)
}

// lookupIndicator is model.LookupIndicator, remembering the last answer:
// a figure that takes the subject of the one before asks the same again.
func (x *extractor) lookupIndicator(name string) (string, bool) {
	if x.looked && name == x.lookedName {
		return x.lookedID, x.lookedOK
	}
	ind, ok := model.LookupIndicator(name)
	x.looked, x.lookedName, x.lookedID, x.lookedOK = true, name, ind.ID, ok
	return ind.ID, ok
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '!', '?', '\n', '…':
		return true
	}
	return false
}

func isClauseEnd(r rune) bool {
	switch r {
	case ',', ';', ':':
		return true
	}
	return false
}

// mayHoldMetric reports whether scan could find a metric in text, by the
// rules quantity keeps: a metric is a number that is a share (百分之五十,
// 三分之一: text with 分之) or is followed by a unit. A number without a
// digit, x or X is in Chinese numerals, and its last rune (or 多 or 余
// after it) stands right before the unit; a lone 一 is no metric. So text
// with no digit, no x, no 分之 and no numeral before a unit's first rune
// holds none. It reads the runes scan does: folded and normalized, so a
// rune that folding may change, or that is beyond the Basic Multilingual
// Plane or broken, answers yes at once.
func mayHoldMetric(text string) bool {
	// Nearly every text with a metric has one of the commonest digits: a
	// vector search for each finds one sooner than decoding up to it.
	for k := 0; k < len(numberBytes); k++ {
		if strings.IndexByte(text, numberBytes[k]) >= 0 {
			return true
		}
	}
	for i := 0; i < len(text); {
		at := i
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			if r, size = hanzi.DecodeFast(text, i); size == 0 {
				if r, size = hanzi.DecodeRune(text, i); size < 3 && r == utf8.RuneError || size == 4 {
					return true
				}
			}
		}
		i += size
		if !metricCues.has(r) {
			continue
		}
		if simplifying.has(r) {
			return true
		}
		switch r = normalizeRune(r); {
		case isDigit(r) || r == 'x' || r == 'X':
			return true
		case r == '之':
			if before, _ := hanzi.DecodeLastRune(text[:at]); before == '分' {
				return true
			}
		case unitFirst.has(r):
			if numeralEnds(text[:at]) {
				return true
			}
		}
	}
	return false
}

// numberBytes are the commonest digits in reports' figures, first the
// commonest: searching for more costs texts without a digit more than it
// saves the others.
const numberBytes = "120"

// numeralEnds reports whether s, free of digits, ends as a number in
// Chinese numerals can: in a numeral other than a lone 一 (一 after a
// numeral or a range's 至, 到 or dash), or in 多 or 余 after a numeral.
func numeralEnds(s string) bool {
	last, n := hanzi.DecodeLastRune(s)
	before, _ := hanzi.DecodeLastRune(s[:len(s)-n])
	switch {
	case last == '一':
		return isNumeral(before) || before == '至' || before == '到' || normalizeRune(before) == '-'
	case last == '多' || last == '余':
		return isNumeral(before)
	}
	return isNumeral(last)
}

// isNumeral reports the runes parseChinese reads.
func isNumeral(r rune) bool {
	_, digit := cnDigit(r)
	_, small := cnSmall(r)
	_, big := cnBig(r)
	return digit || small || big
}

// metricCues holds the runes mayHoldMetric looks at: digits, x and X, 之,
// the first runes of units, and the runes normalizing or folding changes.
var metricCues = func() runeSet {
	s := *unitFirst
	s.addAll(&changing)
	for _, r := range "0123456789xX之" {
		s.add(r)
	}
	return s
}()

// decoded is a text as the scanners read it.
type decoded struct {
	orig, n []rune // its runes (as []rune(text) gives them), and normalized
	offs    []rune // when valid, the byte offset of each rune (as an int32)
	marks   []int  // the offsets of the runes in n that are in markRunes
	valid   bool   // the text is valid UTF-8, so runs can be cut from it
	// simplifies says the text may change under hanzi.ToSimplified: it
	// holds a rune hanzi.Simplifies says yes to, or one outside the BMP.
	simplifies bool
}

// markRunes holds the runes that end a sentence or a clause and those the
// clause scanner acts on (clauseStarts): the scanners visit these alone,
// not every rune, three times over (sentences, clauses, quantities). It
// and decodeSpecial are values, not pointers, so that decode's loop need
// not load them for every rune.
var markRunes = func() runeSet {
	s := *clauseStarts
	for _, r := range "。!?\n…,;:" {
		s.add(r)
	}
	return s
}()

// decodeSpecial holds the runes decode looks at twice: those normalizeRune
// changes, those it marks, and those hanzi.ToSimplified may change. It
// changes no rune outside the set's range, the Basic Multilingual Plane,
// and marks none there.
var decodeSpecial = func() runeSet {
	s := markRunes
	s.addAll(&changing)
	return s
}()

// changing holds the runes normalizeRune or hanzi.ToSimplified may change.
var changing = func() (s runeSet) {
	s = simplifying
	for r := rune(0); r < 0x10000; r++ {
		if normalizeRune(r) != r {
			s.add(r)
		}
	}
	return s
}()

// simplifying holds the runes of the Basic Multilingual Plane that
// hanzi.Simplifies says yes to: asking it costs a map lookup for the
// punctuation decode meets in every sentence.
var simplifying = func() (s runeSet) {
	for r := rune(0); r < 0x10000; r++ {
		if hanzi.Simplifies(r) {
			s.add(r)
		}
	}
	return s
}()

// decode decodes and normalizes text, in sc's buffers (grown when too
// small). It decodes first and normalizes after, in two short loops that
// keep their few variables in registers, where one loop doing both spilled
// them on every rune.
func decode(text string, sc *scratch) decoded {
	if len(text) >= math.MaxInt32 {
		return slowDecode(text, sc)
	}
	// Valid text has at most one rune per byte: decode into thirds of
	// that size and cut them to length after.
	size := len(text)
	if cap(sc.runes) < 3*size {
		sc.runes = make([]rune, 3*size)
	}
	b := sc.runes[:3*size]
	orig, n, offs := b[:size:size], b[size:2*size:2*size], b[2*size:]
	offs = offs[:len(n)] // one bounds check for both
	i, k, beyondBMP := 0, 0, false
	for i < len(text) && k < len(n) {
		// The inner loop takes the runes DecodeFast reads, nearly all:
		// with no call in it, its variables stay in registers.
		for ; i < len(text) && k < len(n); k++ {
			r, size := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				if r, size = hanzi.DecodeFast(text, i); size == 0 {
					break
				}
			}
			n[k], offs[k] = r, rune(i)
			i += size
		}
		if i == len(text) || k == len(n) {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			return slowDecode(text, sc)
		}
		beyondBMP = beyondBMP || size == 4 // decodeSpecial cannot tell these
		n[k], offs[k] = r, rune(i)
		i, k = i+size, k+1
	}
	n, offs = n[:k:k], offs[:k:k]
	orig = orig[:copy(orig, n):k]
	marks := sc.marks[:0]
	simplifies := beyondBMP
	for k, r := range n {
		if decodeSpecial.has(r) {
			simplifies = simplifies || simplifying.has(r)
			r = normalizeRune(r)
			n[k] = r
			if markRunes.has(r) {
				marks = append(marks, k)
			}
		}
	}
	sc.marks = marks // keep the grown buffer
	return decoded{orig: orig, n: n, offs: offs, marks: marks, valid: true, simplifies: simplifies}
}

// slowDecode is decode for text that is not valid UTF-8.
func slowDecode(text string, sc *scratch) decoded {
	d := decoded{orig: []rune(text), simplifies: true} // rare: no need to tell
	d.n = make([]rune, len(d.orig))
	marks := sc.marks[:0]
	for i, r := range d.orig {
		d.n[i] = normalizeRune(r)
		if markRunes.has(d.n[i]) {
			marks = append(marks, i)
		}
	}
	sc.marks, d.marks = marks, marks
	return d
}

// normalizeRune maps full-width forms to ASCII (hanzi.FoldWidth) and the
// dashes, tildes and × that write ranges and multiples to '-' and 'X', rune
// for rune, so offsets in the normalized text are offsets in the original.
func normalizeRune(r rune) rune {
	switch r {
	case '～', '~', '—', '－', '–', '―':
		return '-'
	case '×':
		return 'X'
	case '\t':
		return ' '
	}
	return hanzi.FoldWidth(r)
}

type extractor struct {
	n, orig []rune
	ctx     Context
	out     []model.Metric

	// text is the text orig was decoded from when it is valid UTF-8, so
	// runs of it can be cut out instead of encoded again; offs holds the
	// byte offset of each rune in it.
	text string
	offs []rune

	// the last indicator lookup (see lookupIndicator)
	looked, lookedOK     bool
	lookedName, lookedID string

	lastSubject string
	each        bool // the last figure applies to each of a list (均, 各)
}

// byteOffset is the byte offset in x.text of rune offset k.
func (x *extractor) byteOffset(k int) int {
	if k == len(x.offs) {
		return len(x.text)
	}
	return int(x.offs[k])
}

// slice is string(x.orig[s:e]).
func (x *extractor) slice(s, e int) string {
	if x.text == "" {
		return string(x.orig[s:e])
	}
	bs := x.byteOffset(s)
	return x.text[bs:x.byteOffset(e)]
}

// sentence state
type sentState struct {
	start, end int
	period     string
	forecast   bool // 预计 seen in this clause group (up to ;)
	target     bool // 力争/确保/争取/拟 seen in this clause group
	first      int  // index in x.out of the sentence's first metric
	source     string
	// clausePeriod is a period stated inside the current clause.
	clausePeriod string
}

// sentence extracts the metrics of the sentence n[s:e], whose marks (see
// decoded.marks) are marks.
func (x *extractor) sentence(s, e int, marks []int) {
	st := sentState{start: s, end: e, first: len(x.out)}
	cs, from := s, 0 // the clause's first rune and first mark
	for mi := 0; mi <= len(marks); mi++ {
		i := e
		if mi < len(marks) {
			if i = marks[mi]; !isClauseEnd(x.n[i]) || x.thousands(i) {
				continue
			}
		}
		if i > cs {
			x.clause(&st, cs, i, marks[from:mi])
		}
		if i < e && x.n[i] == ';' {
			st.forecast, st.target = false, false
		}
		cs, from = i+1, mi+1
	}
}

// thousands reports whether the comma at i separates thousands: 1,234.5.
func (x *extractor) thousands(i int) bool {
	n := x.n
	return x.orig[i] == ',' && i > 0 && isDigit(n[i-1]) && i+3 < len(n) && isDigit(n[i+1]) && isDigit(n[i+2]) && isDigit(n[i+3]) &&
		(i+4 == len(n) || !isDigit(n[i+4]))
}

// clause extracts the metrics of one clause n[cs:ce] (between , ; :
// marks), whose marks are marks.
func (x *extractor) clause(st *sentState, cs, ce int, marks []int) {
	n := x.n
	seg := cs // start of the text before the next number
	first := len(x.out)
	fenbie := -1
	st.clausePeriod = ""
	i := cs // where scanning resumes: runes before it are read
	for _, at := range marks {
		if at < i {
			continue
		}
		i = at
		r := n[i]
		if !clauseStarts.has(r) {
			continue // nothing below starts at r
		}
		if r < 0x80 && isDigit(r) || r >= 0x4E00 && periodFirst.has(r) {
			if p, k, ok := matchPeriod(n, i, ce); ok {
				// A period that opens a clause holds for the rest of the
				// sentence (1-6月,A…;B…); one inside a clause only there.
				// 去年全年 is a comparison base, not a period.
				switch {
				case i >= cs+2 && (hasAt(n, i-2, "去年") || hasAt(n, i-2, "上年")):
				case opensClause(n, cs, i):
					st.period, st.clausePeriod = p, ""
				default:
					st.clausePeriod = p
				}
				i = k
				continue
			}
		}
		switch r {
		case '预', '力', '确', '争', '目':
			if hasAt(n, i, "预计") {
				st.forecast = true
			}
			if hasAnyAt(n, i, strongTarget) {
				st.target = true
			}
		case '分':
			if hasAt(n, i, "分别") && fenbie < 0 {
				fenbie = i
			}
		}
		if !(isDigit(r) || r == 'x' || r == 'X' || isCnStart(r) || r == '百') {
			continue
		}
		end, ok := x.quantity(st, cs, ce, seg, i)
		if end <= i {
			end = i + 1
		}
		if ok {
			if x.each {
				x.expandEach()
			}
			seg = end
		}
		x.each = false
		i = end
	}
	if fenbie >= 0 {
		x.distribute(st, cs, fenbie, first)
	}
}

// clauseStarts holds every rune the clause scanner acts on: period
// starts, the first runes of 预计, strongTarget words and 分别, and the
// runes a number can start with.
var clauseStarts = func() *runeSet {
	var s runeSet
	for r := rune(0); r < 0x10000; r++ {
		if r < 0x80 && isDigit(r) || r >= 0x4E00 && periodFirst.has(r) ||
			isDigit(r) || r == 'x' || r == 'X' || isCnStart(r) || r == '百' {
			s.add(r)
		}
	}
	for _, r := range "预力确争目分" {
		s.add(r)
	}
	return &s
}()

var strongTarget = []string{"力争", "确保", "预期目标", "目标是", "目标为"}

// wordsAt is a word list looked for at a position in the runes: the
// words, and the set of their first runes, so that most lookups end at
// one test.
type wordsAt struct {
	words []string
	first *runeSet
}

func wordsAtOf(words ...string) *wordsAt { return &wordsAt{words, firstRunes(words)} }

// at reports whether one of the words stands in n at i.
func (l *wordsAt) at(n []rune, i int) bool {
	return i >= 0 && i < len(n) && l.first.has(n[i]) && hasAnyAt(n, i, l.words)
}

func hasAnyAt(n []rune, i int, words []string) bool {
	for _, w := range words {
		if hasAt(n, i, w) {
			return true
		}
	}
	return false
}

// quantity reads the number at i with its unit and qualifiers and, when it
// is a metric, adds it to x.out (so no copy of it is returned). end is
// where scanning resumes.
func (x *extractor) quantity(st *sentState, cs, ce, seg, i int) (end int, ok bool) {
	n := x.n
	var m model.Metric
	prev := rune(0)
	if i > cs {
		prev = n[i-1]
	} else if i > 0 {
		prev = n[i-1]
	}
	num, ok := parseNumber(n[:ce], x.orig[:ce], i)
	if !ok {
		return skipRun(n, i, ce), false
	}
	j := num.end
	// codes and names with digits: G60, 5G, 3+3+N, 4A级, PM2.5; clock times 9:30
	if isASCIILetter(prev) && !num.unknown || prev == '+' || prev == '.' || prev == '第' || prev == '#' ||
		j < ce && (isASCIILetter(n[j]) || n[j] == '+' || n[j] == '.' && j+1 < ce && isDigit(n[j+1])) ||
		j+1 < len(n) && n[j] == ':' && isDigit(n[j+1]) || prev == ':' && i >= 2 && isDigit(n[i-2]) {
		return skipRun(n, j, ce), false
	}
	if num.unknown && (isASCIILetter(prev) || j < ce && isASCIILetter(n[j])) {
		return j, false
	}
	if num.chinese && (prev == '“' || prev == '‘' || prev == '《' || prev == '「' || prev == '"' || prev == '之') {
		return j, false
	}
	var u unit
	if !num.percent && (j >= ce || !unitFirst.has(n[j])) {
		return j, false
	}
	if num.percent {
		u = unit{text: "%", base: "%", mult: 1, kind: unitRatio, end: j}
	} else {
		u, ok = parseUnit(n[:ce], j)
		if !ok {
			return j, false
		}
	}
	j = u.end
	// 5%-8%, 5%至8%
	if num.valueMax == 0 && u.kind == unitRatio && j+1 < ce && (n[j] == '-' || n[j] == '至' || n[j] == '到') {
		if v, k, ok := parseAny(n[:ce], x.orig[:ce], j+1); ok && v > num.value {
			if u2, ok := parseUnit(n[:ce], k); ok && u2.text == u.text {
				num.valueMax, j = v, u2.end
			}
		}
	}
	// ranks: 前3位, 前10名
	if prev == '前' && (u.base == "位" || u.base == "名" || u.base == "强") {
		return j, false
	}
	// qualifiers after the unit
	qual := num.midQual
	if qual == "" {
		qual = u.qual
	}
	after := ""
	if j < ce && afterQualifierFirst.has(n[j]) {
		for _, q := range afterQualifiers {
			if hasAt(n[:ce], j, q) {
				after = q
				j += runeLen(q)
				break
			}
		}
	}
	if after == "" && j < ce && n[j] == '内' && (u.base == "工作日" || u.base == "个工作日" || u.base == "天" || u.base == "个月") {
		after = "内"
		j++
	}
	if after != "" {
		qual = after
	}
	nextHan := j < ce && (hanzi.IsHan(n[j]) || n[j] == '“' || isASCIILetter(n[j])) && !hasAt(n, j, "目标")
	// 10万吨级航道, 5亿级企业: a class, not a quantity
	if j < ce && n[j] == '级' {
		return j + 1, false
	}
	// size thresholds inside a name: 5亿元以上项目, 50万元以上的村, 超50亿元内资项目
	if i-seg > maxPre {
		seg = i - maxPre // an indicator is short; its words are nearest the number
	}
	pre := n[seg:i:i]
	pe := i
	for pe > seg && n[pe-1] == ' ' {
		pe--
	}
	p := n[seg:pe:pe] // the words before the number, read-only
	if nextHan && (after == "以上" || after == "以下" || hasSuffixRunes(p, "超") || hasSuffixRunes(p, "超过")) &&
		(digitAhead(n, j, ce) || n[j] == '的' || nounHeads.at(n, j)) {
		return j, false
	}
	if nextHan && u.kind == unitQuantity && digitAhead(n, j, ce) {
		return j, false
	}
	// Chinese numerals are metrics only as plain quantities; 八项规定,
	// 五个方面, 四家省级特色小镇 are names and structural counts.
	if num.chinese && !num.percent {
		lone := num.end-num.start == 1 && n[num.start] == '一'
		if lone || nextHan && qual == "" && u.base != "次" && u.kind != unitRatio {
			return j, false
		}
	}

	m.Value, m.ValueMax, m.Unknown = num.value, num.valueMax, num.unknown
	m.Unit = u.text
	m.BaseUnit = u.base
	m.BaseValue = num.value * u.mult
	if u.base == "成" {
		m.BaseValue, m.BaseUnit = num.value*10, "%"
	}
	if u.base == "" {
		m.BaseUnit = ""
	}
	if m.BaseValue != 0 {
		m.BaseValue = roundSig(m.BaseValue)
	}

	// qualifier written before the number, and the verb before that
	if qi := preQualifierWords.first(p); qi >= 0 && !boundQualifier(p, qi) {
		if qual == "" {
			qual = preQualifiers[qi]
		}
		p = p[:len(p)-len(preQualifierWords.runes[qi])]
	}
	m.Qualifier = qual
	// 职工医保、生育保险参保率均达98%: one figure for each conjunct
	if eachMarked(p) {
		x.each = true
	}
	measure, sign, subject, share := classify(p, x, seg)
	if measure == model.MeasureShare && u.kind != unitRatio {
		// 占补平衡项目601个: 占 starts a name here
		share, measure, subject = false, "", x.runesString(seg, seg+len(p))
	}
	if measure == "" {
		measure = model.MeasureLevel
		if u.kind == unitRatio {
			measure = model.MeasureShare
		}
	}
	if u.base == "个百分点" || u.base == "百分点" {
		if measure == model.MeasureShare {
			measure = model.MeasureChange
		}
	}
	m.Measure = measure
	if sign < 0 {
		m.Value, m.ValueMax, m.BaseValue = -m.Value, -m.ValueMax, -m.BaseValue
	}

	// what is measured
	subj := subject
	inherited := false
	if nextHan && u.kind != unitRatio || u.kind == unitRatio && j+1 < ce && n[j] == '的' && hanzi.IsHan(n[j+1]) {
		// 5家企业申报…, 97%的城市社区: the noun comes after the count
		post, k := x.postNoun(j, ce)
		if k < ce && isDigit(n[k]) && (strings.HasSuffix(post, "至") || strings.HasSuffix(post, "到") || strings.HasSuffix(post, "为")) {
			post = "" // 由48个精简至40个: a verb, not a noun, follows
		}
		if strings.Contains(post, "排名") || strings.Contains(post, "位列") || strings.Contains(post, "位居") {
			return k, false // 在全省14个分中心中排名第二: the count frames a rank
		}
		subj += post
		j = k
	}
	subj = cleanIndicator(subj)
	if u.kind != unitRatio {
		subj = trimDoneVerb(subj)
	}
	named := ""
	if (!twoHan(subj) || isLeadVerb(subj)) && len(x.out) == st.first && cs > st.start {
		// 地区生产总值突破千亿元大关，达到1023亿元: the clause before,
		// which stated no figure, named it
		named = x.milestoneSubject(st.start, cs)
	}
	if named != "" {
		subj = named
	} else if !twoHan(subj) {
		// 和7.5%: the measure of the figure before it in the clause
		if len(x.out) > 0 && x.out[len(x.out)-1].Source != "" && onlyRunes(p, joiners) && len(x.out) > st.first {
			last := x.out[len(x.out)-1]
			if last.Measure == model.MeasureChange && m.Measure != model.MeasureChange && last.Unit == m.Unit {
				m.Measure = model.MeasureChange
				if last.Value < 0 {
					m.Value, m.BaseValue = -m.Value, -m.BaseValue
				}
			}
		}
		subj, inherited = x.lastSubject, true
	} else if share {
		if x.lastSubject != "" && !strings.HasPrefix(subj, x.lastSubject) {
			subj = x.lastSubject + subj
		}
	}
	if !inherited && !share {
		x.lastSubject = subj
	}
	m.Indicator = subj
	if id, ok := x.lookupIndicator(subj); ok {
		m.IndicatorID = id
	}

	// period, status, where
	m.Period = st.period
	if st.clausePeriod != "" {
		m.Period = st.clausePeriod
	}
	if m.Period == "" && containsRunes(pre, "较年初") || containsRunes(pre, "比年初") {
		m.Period = "年初以来"
	}
	m.Status = x.status(st, cs, i, j, ce, p, u.kind == unitRatio)
	if st.source == "" {
		st.source = trimSpace(x.slice(st.start, st.end))
	}
	m.Source = st.source
	x.out = append(x.out, m)
	return j, true
}

// milestoneVerbs say that an indicator passed a mark, in a clause that
// states no figure of its own; the next clause gives the figure.
var milestoneVerbs = []string{"突破", "跨越", "迈上", "迈入", "站上", "跃上", "首次", "首超", "超过", "跨过"}

// milestoneSubject gives the indicator that n[s:e] (the clauses before a
// figure) names before a milestone verb, or "".
func (x *extractor) milestoneSubject(s, e int) string {
	for k := s; k+1 < e; k++ {
		if hasAnyAt(x.n, k, milestoneVerbs) {
			if subj := cleanIndicator(trimSpace(x.runesString(s, k))); twoHan(subj) {
				return subj
			}
			return ""
		}
	}
	return ""
}

// joiners are what may stand before a figure that shares the subject of
// the one before it: 和7.5%.
var joiners = runeSetOf(" 、和及与,")

// onlyRunes reports whether every rune of p is in set: strings.Trim(string(p),
// cutset) == "" without building the string.
func onlyRunes(p []rune, set *runeSet) bool {
	for _, r := range p {
		if !set.has(r) {
			return false
		}
	}
	return true
}

// twoHan reports whether s holds at least two CJK ideographs
// (hanzi.CountHan(s) >= 2), reading no further than the second.
func twoHan(s string) bool {
	n := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r, size = hanzi.DecodeFast(s, i); size == 0 {
				r, size = hanzi.DecodeRune(s, i)
			}
		}
		if hanzi.IsHan(r) {
			if n++; n == 2 {
				return true
			}
		}
		i += size
	}
	return false
}

// trimSpace is strings.TrimSpace, answering at once when s neither
// starts nor ends with a space, as subjects and sentences seldom do:
// strings.TrimSpace decodes both ends of non-ASCII text the slow way.
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	first, n := hanzi.DecodeFast(s, 0)
	if n == 0 {
		first, _ = hanzi.DecodeRune(s, 0)
	}
	last, _ := hanzi.DecodeLastRune(s)
	if !mayBeSpace(first) && !mayBeSpace(last) {
		return s
	}
	return strings.TrimSpace(s)
}

// mayBeSpace is unicode.IsSpace, answering ideographs without its tables.
func mayBeSpace(r rune) bool {
	return !hanzi.IsHan(r) && unicode.IsSpace(r)
}

func roundSig(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	if math.Abs(v) < 1e15 && v == math.Trunc(v) {
		// A whole number of at most 15 digits has no noise to drop (and
		// v*mag below is exact for it, so the rounding gives v back).
		return v
	}
	// drop float noise from 1.81*1e8 while keeping 15 significant digits
	mag := pow10Of(15 - math.Ceil(math.Log10(math.Abs(v))))
	if math.IsInf(mag, 0) || mag == 0 {
		return v
	}
	r := math.Round(v*mag) / mag
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return v
	}
	return r
}

// pow10Of is math.Pow(10, e), from a table of its answers for the
// exponents roundSig meets in reports' figures: math.Pow is slow.
func pow10Of(e float64) float64 {
	if k := int(e) - minPow10; float64(int(e)) == e && k >= 0 && k < len(pow10s) {
		return pow10s[k]
	}
	return math.Pow(10, e)
}

const minPow10 = -30

var pow10s = func() (t [61]float64) {
	for k := range t {
		t[k] = math.Pow(10, float64(k+minPow10))
	}
	return t
}()

// afterQualifiers are the qualifiers written after a number's unit, and
// afterQualifierFirst their first runes.
var (
	afterQualifiers     = []string{"左右", "以上", "以下", "以内", "上下", "之多", "多", "余"}
	afterQualifierFirst = firstRunes(afterQualifiers)
)

// firstRunes is the set of the first runes of words.
func firstRunes(words []string) *runeSet {
	var s runeSet
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		s.add(r)
	}
	return &s
}

// isLeadVerb reports the leadWords that are verbs: 完成率 and 实现率 keep them.
func isLeadVerb(w string) bool { return w == "完成" || w == "实现" }

// trimDoneVerb cuts the verb that reports an amount done from the end of
// its indicator: 规上工业总产值完成126.3亿元 measures 规上工业总产值. A share
// keeps it: 绿化种植已完成96% is how much of the planting is done.
func trimDoneVerb(s string) string {
	if !strings.HasSuffix(s, "成") && !strings.HasSuffix(s, "现") {
		return s // no verb below ends s
	}
	for _, v := range [...]string{"圆满完成", "已完成", "完成", "实现"} {
		if t, ok := strings.CutSuffix(s, v); ok && twoHan(t) {
			return t
		}
	}
	return s
}

// boundQualifier reports a one-character qualifier that is the end of a
// word instead: 签约5个, 节约3吨, 最近2年.
func boundQualifier(p []rune, qi int) bool {
	q := preQualifierWords.runes[qi]
	if len(q) != 1 || len(p) < 2 {
		return false
	}
	return strings.ContainsRune(boundBefore[q[0]], p[len(p)-2])
}

// boundBefore lists, for a one-character qualifier, the characters that
// make a word with it.
var boundBefore = map[rune]string{
	'约': "签合节制预履违条公集特邀相契",
	'近': "最附临就亲贴靠邻",
	'超': "赶高",
}

var preQualifiers = []string{"不超过", "不低于", "不少于", "超过", "将近", "接近", "突破", "大约", "不足", "不到", "约", "近", "超", "逾"}

// maxPre is how far before a number its indicator is looked for, in runes.
const maxPre = 40

// hasSuffixRunes reports whether p ends with the runes of s, comparing
// from the end so that most words fail on their last rune.
func hasSuffixRunes(p []rune, s string) bool {
	j := len(p)
	for e := len(s); e > 0; {
		b := e - 1
		for b > 0 && s[b]&0xC0 == 0x80 {
			b--
		}
		j--
		if j < 0 {
			return false
		}
		var r rune
		switch c := s[b]; e - b {
		case 1:
			r = rune(c)
		case 2:
			r = rune(c&0x1F)<<6 | rune(s[b+1]&0x3F)
		case 3:
			r = rune(c&0x0F)<<12 | rune(s[b+1]&0x3F)<<6 | rune(s[b+2]&0x3F)
		default:
			r = rune(c&0x07)<<18 | rune(s[b+1]&0x3F)<<12 | rune(s[b+2]&0x3F)<<6 | rune(s[b+3]&0x3F)
		}
		if p[j] != r {
			return false
		}
		e = b
	}
	return true
}

// skipRun advances past a run of digits, letters and number punctuation.
func skipRun(n []rune, i, ce int) int {
	j := i
	for j < ce && (isDigit(n[j]) || isASCIILetter(n[j]) || n[j] == '.' || n[j] == '+' || n[j] == ':' || n[j] == '-') {
		j++
	}
	if j == i {
		j++
	}
	return j
}

func digitAhead(n []rune, j, ce int) bool {
	for k := j; k < ce; k++ {
		if isDigit(n[k]) {
			return true
		}
	}
	return false
}

// postNoun is the noun a count is written before: 5家企业申报… → 企业申报….
// It ends at the next number or list break; k is where it ends.
func (x *extractor) postNoun(j, ce int) (string, int) {
	n := x.n
	k := j
	for k < ce && k-j < 20 && !isDigit(n[k]) && n[k] != '、' && !(isCnStart(n[k]) && k > j && !hanzi.IsHan(n[k-1])) {
		k++
	}
	return trimSpace(x.runesString(j, k)), k
}

// runesString is string(x.n[a:b]): cut from the text when normalizing
// changed none of those runes, so nothing is copied.
func (x *extractor) runesString(a, b int) string {
	if x.text == "" {
		return string(x.n[a:b])
	}
	for k := a; k < b; k++ {
		if x.n[k] != x.orig[k] {
			return string(x.n[a:b])
		}
	}
	return x.slice(a, b)
}

// nounHeads end a name that a size threshold sits in: 5亿元以上项目.
var nounHeads = wordsAtOf("项目", "企业", "工业", "案件", "内资", "外资", "产业", "重大", "重点", "规模", "老人", "人员", "人口", "城市", "建筑", "工程", "楼宇", "客商")

var changeVerbs = []struct {
	word string
	sign int
}{
	{"增长", 1}, {"增加", 1}, {"提高", 1}, {"提升", 1}, {"上升", 1}, {"上涨", 1}, {"增速", 1}, {"增幅", 1}, {"涨幅", 1}, {"增量", 1}, {"扩大", 1},
	{"下降", -1}, {"降低", -1}, {"减少", -1}, {"回落", -1}, {"下滑", -1}, {"降幅", -1}, {"缩小", -1}, {"下跌", -1},
	{"增", 1}, {"减", -1}, {"降", -1},
}

var trailingFillers = []string{"分别为", "分别", "达到", "了", "达", "为", "是", "共"}

// The word lists that quantity, classify and eachMarked test against the
// end of the words before a number.
var (
	trailingFillerWords = suffixWordsOf(trailingFillers)
	comparisonBaseWords = suffixWordsOf(comparisonBases)
	changeVerbWords     = func() *suffixWords {
		words := make([]string, len(changeVerbs))
		for i, v := range changeVerbs {
			words[i] = v.word
		}
		return suffixWordsOf(words)
	}()
	preQualifierWords = suffixWordsOf(preQualifiers)
	eachFillerWords   = suffixWordsOf([]string{"达到", "保持在", "稳定在", "控制在", "达", "为", "在", "超过", "超"})
)

// suffixWords is a word list looked for at the end of the words before a
// number: the words as runes, and the set of their last runes, so that
// most lookups end at one test instead of one per word.
type suffixWords struct {
	runes [][]rune
	last  runeSet
}

func suffixWordsOf(words []string) *suffixWords {
	l := &suffixWords{runes: make([][]rune, len(words))}
	for i, w := range words {
		l.runes[i] = []rune(w)
		l.last.add(l.runes[i][len(l.runes[i])-1])
	}
	return l
}

// mayEnd reports whether some word of l can end p.
func (l *suffixWords) mayEnd(p []rune) bool {
	return len(p) > 0 && l.last.has(p[len(p)-1])
}

// first is the index of the first word of l that ends p, or -1.
func (l *suffixWords) first(p []rune) int {
	if l.mayEnd(p) {
		for i, w := range l.runes {
			if hasSuffixWord(p, w) {
				return i
			}
		}
	}
	return -1
}

// trimEach cuts each word of l, in order, from the end of p where it stands.
func (l *suffixWords) trimEach(p []rune) []rune {
	if l.mayEnd(p) {
		for _, w := range l.runes {
			if hasSuffixWord(p, w) {
				p = p[:len(p)-len(w)]
			}
		}
	}
	return p
}

// trimAll repeats trimEach until no word of l ends p.
func (l *suffixWords) trimAll(p []rune) []rune {
	for l.mayEnd(p) {
		q := l.trimEach(p)
		if len(q) == len(p) {
			break
		}
		p = q
	}
	return p
}

// hasSuffixWord reports whether p ends with w, comparing from the end.
func hasSuffixWord(p, w []rune) bool {
	if len(w) > len(p) {
		return false
	}
	p = p[len(p)-len(w):]
	for i := len(w) - 1; i >= 0; i-- {
		if p[i] != w[i] {
			return false
		}
	}
	return true
}

// classify reads the text before a number: whether it ends in a change verb
// (and its sign) or a share marker, and the subject left before those.
// p is x.n[at:at+len(p)].
func classify(p []rune, x *extractor, at int) (measure model.Measure, sign int, subject string, share bool) {
	sign = 1
	p = trailingFillerWords.trimAll(p)
	if hasSuffixRunes(p, "到") || hasSuffixRunes(p, "至") {
		// 提高到680元 is a level; in 由62个精简至50个 the subject is before 由
		q := p[:len(p)-1]
		if len(q) <= 3 {
			return "", 1, "", false
		}
		return "", 1, x.runesString(at, at+len(p)), false
	}
	if vi := changeVerbWords.first(p); vi >= 0 {
		v := changeVerbs[vi]
		k := len(p) - len(changeVerbWords.runes[vi])
		if v.word != "增" || k == 0 || p[k-1] != '新' && p[k-1] != '净' {
			measure, sign = model.MeasureChange, v.sign
			p = p[:k]
		}
	}
	p = comparisonBaseWords.trimEach(p)
	s := x.runesString(at, at+len(p))
	if measure == "" {
		if i := lastIndexZhan(p, s); i >= 0 && !strings.Contains(s[i:], "地") {
			share = true
			measure = model.MeasureShare
			if i == 0 || strings.TrimLeft(s[:i], " ,、") == "" {
				return measure, sign, s[i:], true
			}
		}
		if strings.HasSuffix(s, "比重") || strings.HasSuffix(s, "占比") || strings.HasSuffix(s, "比例") {
			measure = model.MeasureShare
		}
	}
	return measure, sign, s, share && strings.HasPrefix(s, "占")
}

// comparisonBases are cut from the end of a subject, each once, in order.
var comparisonBases = []string{"同比", "比上年同期", "比上年", "较上年", "比去年同期", "较去年同期", "比去年", "较去年", "较年初", "比年初", "环比", "分别"}

// lastIndexZhan is strings.LastIndex(s, "占") for s = string(p), looking
// at the runes first: most subjects hold no 占.
func lastIndexZhan(p []rune, s string) int {
	for _, r := range p {
		if r == '占' {
			return strings.LastIndex(s, "占")
		}
	}
	return -1
}

var leadWords = []string{"其中", "并且", "并", "和", "及", "以及", "与", "同时", "此外", "另外", "全市", "全区", "全县", "我市", "我区",
	"同比", "比上年同期", "比上年", "较上年同期", "较上年", "较去年同期", "比去年同期", "较去年", "比去年", "较年初", "分别", "共", "预计",
	"力争", "确保", "争取", "实现", "完成", "已经", "已", "目前", "均", "总计", "合计", "进展情况", "的"}
var tailWords = []string{"分别为", "分别", "达到", "共计", "合计", "总计", "累计达", "达", "为", "是", "共", "已", "了", "的", "均", "由", "各", "稳定在", "保持在", "控制在"}

// leadWordFirst and tailWordLast hold the first runes of leadWords and the
// last runes of tailWords: a subject that starts or ends otherwise has
// none of them to trim.
var leadWordFirst, tailWordLast = func() (*runeSet, *runeSet) {
	first, last := firstRunes(leadWords), &runeSet{}
	for _, w := range tailWords {
		r, _ := utf8.DecodeLastRuneInString(w)
		last.add(r)
	}
	return first, last
}()

// leadWordsFrom maps the first rune of leadWords to the set of their
// indices in leadWords (a bit each), so that cleanIndicator tries, in
// order, only the words that can start a subject.
var leadWordsFrom = func() map[rune]uint64 {
	if len(leadWords) > 64 {
		panic("metrics: leadWordsFrom holds at most 64 lead words")
	}
	m := make(map[rune]uint64)
	for i, w := range leadWords {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] |= 1 << i
	}
	return m
}()

// The cutsets cleanIndicator trims from the ends of a subject.
var (
	subjectLeftTrim  = runeSetOf(" 、,;:.)）]】”’·-①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳0123456789")
	subjectRightTrim = runeSetOf(" 、,;:(（[【“‘-")
)

// trimLeftSet is strings.TrimLeft with the cutset as a runeSet (which
// never holds utf8.RuneError, as an invalid byte decodes to it).
func trimLeftSet(s string, set *runeSet) string {
	for len(s) > 0 {
		r, n := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			if r, n = hanzi.DecodeFast(s, 0); n == 0 {
				r, n = hanzi.DecodeRune(s, 0)
			}
		}
		if !set.has(r) {
			break
		}
		s = s[n:]
	}
	return s
}

// trimRightSet is strings.TrimRight with the cutset as a runeSet.
func trimRightSet(s string, set *runeSet) string {
	for len(s) > 0 {
		r, n := rune(s[len(s)-1]), 1
		if r >= utf8.RuneSelf {
			if r, n = lastRuneFast(s); n == 0 {
				r, n = hanzi.DecodeLastRune(s)
			}
		}
		if !set.has(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// lastRuneFast is hanzi.DecodeFast of the last three bytes of s: the
// common case of hanzi.DecodeLastRune, inlined, where a call to it costs
// more than the decoding. Size 0 says to call DecodeLastRune.
func lastRuneFast(s string) (rune, int) {
	if len(s) < 3 {
		return 0, 0
	}
	return hanzi.DecodeFast(s, len(s)-3)
}

// byteOffset is the byte offset of rune k in s.
func byteOffset(s string, k int) int {
	for i := range s {
		if k == 0 {
			return i
		}
		k--
	}
	return len(s)
}

// cleanIndicator trims punctuation, list marks, periods and function words
// from the ends of a subject; a long subject keeps its tail, nearest the number.
func cleanIndicator(s string) string {
	for changed := true; changed; {
		changed = false
		t := trimLeftSet(s, subjectLeftTrim)
		if len(t) != len(s) { // t is a suffix of s
			s, changed = t, true
		}
		r, n := hanzi.DecodeFast(s, 0) // inlined; DecodeRune where it fails
		if n == 0 {
			r, _ = hanzi.DecodeRune(s, 0)
		}
		if periodFirst.has(r) || isDigit(r) {
			var buf [64]rune
			rs := buf[:0]
			for i := 0; i < len(s); {
				r, n := hanzi.DecodeFast(s, i) // inlined, where range calls the runtime's decoder
				if n == 0 {
					r, n = hanzi.DecodeRune(s, i)
				}
				rs = append(rs, r)
				i += n
			}
			if p, k, ok := matchPeriod(rs, 0, len(rs)); ok && p != "" {
				if utf8.ValidString(s) {
					s = s[byteOffset(s, k):]
				} else {
					s = string(rs[k:])
				}
				changed = true
			}
		}
		if r, n = hanzi.DecodeFast(s, 0); n == 0 {
			r, _ = hanzi.DecodeRune(s, 0)
		}
		if leadWordFirst.has(r) {
			// The words after the last one tried (wi) that start with
			// s's first rune, in order.
			for ws := leadWordsFrom[r]; ws != 0; {
				wi := bits.TrailingZeros64(ws)
				// 完成率 keeps its verb: what is left must still name something.
				if w := leadWords[wi]; strings.HasPrefix(s, w) && len(s) > len(w) && (!isLeadVerb(w) || twoHan(s[len(w):])) {
					s, changed = s[len(w):], true
					if r, n = hanzi.DecodeFast(s, 0); n == 0 {
						r, _ = hanzi.DecodeRune(s, 0)
					}
					ws = leadWordsFrom[r]
				}
				ws &^= 1<<(wi+1) - 1
			}
		}
		t = trimRightSet(s, subjectRightTrim)
		if len(t) != len(s) { // t is a prefix of s
			s, changed = t, true
		}
		r, n = lastRuneFast(s)
		if n == 0 {
			r, _ = hanzi.DecodeLastRune(s)
		}
		if tailWordLast.has(r) {
			for _, w := range tailWords {
				if strings.HasSuffix(s, w) && len(s) > len(w) {
					s, changed = s[:len(s)-len(w)], true
				}
			}
		}
	}
	if len(s) > 30 && utf8.RuneCountInString(s) > 30 {
		if !utf8.ValidString(s) {
			r := []rune(s) // encoding the runes again mends broken bytes
			return string(r[len(r)-30:])
		}
		e := len(s)
		for range 30 {
			_, size := hanzi.DecodeLastRune(s[:e])
			e -= size
		}
		s = s[e:]
	}
	return s
}

// statusOpeners open a clause that states a target; targetEnds end the
// words before a figure that names one; plannedVerbs follow 计划 in them.
var (
	statusOpeners = wordsAtOf("计划", "拟", "需", "预期")
	targetEnds    = suffixWordsOf([]string{"计划", "总任务", "任务数", "计划数", "目标"})
	plannedVerbs  = wordsAtOf("新增", "新建", "完成", "引进", "启动", "发展", "建设", "实施", "投资", "开工", "竣工", "整治", "改造", "招引", "培育", "推进")
)

// opensClause reports whether only list marks, spaces and framing words
// (预计, 力争, 全市 …) stand between the clause start cs and i.
func opensClause(n []rune, cs, i int) bool {
	k := cs
	for k < i {
		if r := n[k]; r == ' ' || r >= '①' && r <= '⑳' || r == '(' || r == ')' {
			k++
			continue
		}
		matched := false
		for _, w := range []string{"预计", "力争", "确保", "全市", "全区", "全县", "我市", "我区"} {
			if hasAt(n[:i], k, w) {
				k += runeLen(w)
				matched = true
				break
			}
		}
		if !matched {
			return false
		}
	}
	return true
}

// status: forecast for 预计; target in plans, after 力争/确保/拟, and for
// figures named as plans or tasks (计划引进…, 总任务…, …目标); else actual.
func (x *extractor) status(st *sentState, cs, i, j, ce int, p []rune, ratio bool) model.Status {
	n := x.n
	// a clause that opens with 计划/拟/需/预期 (after list marks and a period)
	k := cs
	for k < i && (n[k] == ' ' || n[k] >= '①' && n[k] <= '⑳') {
		k++
	}
	if _, e, ok := matchPeriod(n, k, i); ok {
		k = e
	}
	if statusOpeners.at(n[:i], k) {
		return model.StatusTarget
	}
	if st.forecast {
		return model.StatusForecast
	}
	if x.ctx.Kind == model.KindPlans || st.target {
		return model.StatusTarget
	}
	if hasAt(n, j, "目标") || j+1 < ce && hasAt(n, j+1, "目标") {
		return model.StatusTarget
	}
	if ratio {
		// 完成目标任务74%, 年度计划投资完成率52%: progress, not a plan
		return model.StatusActual
	}
	ps := p
	for len(ps) > 0 && (ps[len(ps)-1] == ' ' || ps[len(ps)-1] == '为' || ps[len(ps)-1] == '达') {
		ps = ps[:len(ps)-1]
	}
	if !containsRunes(ps, "占") {
		if targetEnds.first(ps) >= 0 {
			return model.StatusTarget
		}
		// 计划新增…, 工作计划的锅炉整治项目153项 (but not 培育计划项目)
		if k := indexRunes(ps, "计划"); k >= 0 && !containsRunes(ps[:k], "完成") {
			rest := ps[k+runeLen("计划"):]
			if hasAt(rest, 0, "的") || plannedVerbs.at(rest, 0) {
				return model.StatusTarget
			}
		}
	}
	// 其中…: a breakdown shares the status of its total
	k = cs
	for k < i && mayBeSpace(n[k]) {
		k++
	}
	if hasAt(n[:i], k, "其中") && len(x.out) > st.first {
		return x.out[len(x.out)-1].Status
	}
	return model.StatusActual
}

// distribute handles 分别: "城镇和农村居民人均可支配收入分别为35606元、21748元"
// and "存款余额…,贷款余额…,较年初分别增长11.2%和7.5%".
func (x *extractor) distribute(st *sentState, cs, fenbie, first int) {
	group := x.out[first:]
	k := len(group)
	if k < 2 {
		return
	}
	subj := cleanIndicator(string(x.n[cs:fenbie]))
	if p, _, ok := matchPeriod([]rune(subj), 0, utf8.RuneCountInString(subj)); ok && p != "" {
		subj = cleanIndicator(subj)
	}
	var names []string
	if parts := splitConjuncts(subj); len(parts) == k {
		names = sharedTail(parts)
	} else if !twoHan(subj) {
		// the subjects of the figures before, in order
		var prev []string
		seen := map[string]bool{}
		for _, m := range x.out[st.first:first] {
			if !seen[m.Indicator] && m.Indicator != "" {
				seen[m.Indicator] = true
				prev = append(prev, m.Indicator)
			}
		}
		if len(prev) >= k {
			names = prev[len(prev)-k:]
		}
	}
	if names == nil {
		return
	}
	for i := range group {
		group[i].Indicator = names[i]
		group[i].IndicatorID = ""
		if id, ok := x.lookupIndicator(names[i]); ok {
			group[i].IndicatorID = id
		}
	}
}

// eachMarked reports whether the words before a number end in 均 or 各
// (…参保率均达98%, …各1个), so the figure holds for each item of a list.
func eachMarked(p []rune) bool {
	p = eachFillerWords.trimAll(p)
	return len(p) > 0 && (p[len(p)-1] == '均' || p[len(p)-1] == '各')
}

// expandEach turns the last metric, whose subject is a list, into one metric
// per item.
func (x *extractor) expandEach() {
	last := x.out[len(x.out)-1]
	names := sharedTail(splitConjuncts(last.Indicator))
	if len(names) < 2 {
		return
	}
	x.out = x.out[:len(x.out)-1]
	for _, name := range names {
		m := last
		m.Indicator, m.IndicatorID = name, ""
		if id, ok := x.lookupIndicator(name); ok {
			m.IndicatorID = id
		}
		x.out = append(x.out, m)
	}
}

// sharedTail completes the first conjuncts of 城镇和农村居民人均可支配收入
// with the tail of the last one: 城镇居民人均可支配收入.
func sharedTail(parts []string) []string {
	if len(parts) < 2 {
		return nil
	}
	last := []rune(parts[len(parts)-1])
	out := make([]string, len(parts))
	for i, p := range parts {
		if pr := []rune(p); i < len(parts)-1 && len(pr) < len(last) {
			p += string(last[len(pr):])
		}
		out[i] = p
	}
	return out
}

func splitConjuncts(s string) []string {
	f := func(r rune) bool { return r == '和' || r == '、' || r == '及' }
	parts := strings.FieldsFunc(s, f)
	if len(parts) < 2 {
		return nil
	}
	return parts
}
