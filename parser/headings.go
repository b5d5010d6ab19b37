package parser

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"baogao/hanzi"
	"baogao/model"
	"baogao/parser/metrics"
)

// A marker is the numbering that opens a heading: 一、 (一) 第一方面 1. (1) ①.
type marker struct {
	style string // numbering style; levels follow the order styles appear in
	label string // normalized label: "一", "(一)", "第一方面", "1", "(1)", "①"
	num   int    // ordinal value; 0 when mojibake ate the number
	end   int    // byte offset just past the marker (and its separator)
}

const cnDigits = "一二三四五六七八九十"

// The numbering patterns are read by small scanners, each giving what
// FindStringSubmatchIndex of its pattern would (m[0:2] the match, then the
// groups), with ok for a match:
//
//	cnOrdinal  ^第([一二三四五六七八九十]{1,3})(方面|部分|章|节|節|篇)\s*[:：、.．]?\s*
//	cnDun      ^([一二三四五六七八九十]{1,3})[、．.]\s*
//	cnParen    ^[（(]([一二三四五六七八九十]{0,3})[)）]\s*
//	arabic     ^([0-9０-９]{1,3})([.．、)）])\s*
//	arParen    ^[（(]([0-9０-９]{1,2})[)）]\s*
//
// (\s is [\t\n\f\r ]). No pattern can backtrack into a
// shorter run of numerals and still match, so reading the longest run is
// what the patterns do.

// cnRun is the end of a run of at most max numerals 一…十 from byte i.
func cnRun(p string, i, max int) int {
	for ; max > 0 && i+3 <= len(p) && isCnNumeral(p[i:i+3]); max-- {
		i += 3
	}
	return i
}

func isCnNumeral(s string) bool {
	switch s {
	case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十":
		return true
	}
	return false
}

// digitRun is the end of a run of at most max ASCII digits from byte i.
func digitRun(p string, i, max int) int {
	for ; max > 0 && i < len(p) && p[i] >= '0' && p[i] <= '9'; max-- {
		i++
	}
	return i
}

// numeralRun is digitRun for list numbers, which some reports write in
// full-width digits (１． （２）).
func numeralRun(p string, i, max int) int {
	for ; max > 0 && i < len(p); max-- {
		switch {
		case p[i] >= '0' && p[i] <= '9':
			i++
		case isWideDigit(p[i:]):
			i += len("０")
		default:
			return i
		}
	}
	return i
}

// isWideDigit reports whether s opens with a full-width digit ０…９ (EF BC 90–99).
func isWideDigit(s string) bool {
	return len(s) >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99
}

// spaceRun is the end of a run of \s from byte i.
func spaceRun(p string, i int) int {
	for i < len(p) && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\f' || p[i] == '\r') {
		i++
	}
	return i
}

// oneOf is the end of whichever of words stands at byte i, or -1.
func oneOf(p string, i int, words ...string) int {
	for _, w := range words {
		if strings.HasPrefix(p[i:], w) {
			return i + len(w)
		}
	}
	return -1
}

func matchCnOrdinal(p string) (m [6]int, ok bool) {
	if !strings.HasPrefix(p, "第") {
		return m, false
	}
	i := len("第")
	j := cnRun(p, i, 3)
	if j == i {
		return m, false
	}
	k := oneOf(p, j, "方面", "部分", "章", "节", "節", "篇")
	if k < 0 {
		return m, false
	}
	end := spaceRun(p, k)
	if e := oneOf(p, end, ":", "：", "、", ".", "．"); e >= 0 {
		end = e
	}
	return [6]int{0, spaceRun(p, end), i, j, j, k}, true
}

func matchCnDun(p string) (m [4]int, ok bool) {
	j := cnRun(p, 0, 3)
	if j == 0 {
		return m, false
	}
	k := oneOf(p, j, "、", "．", ".")
	if k < 0 {
		return m, false
	}
	return [4]int{0, spaceRun(p, k), 0, j}, true
}

func matchCnParen(p string) (m [4]int, ok bool) {
	i := oneOf(p, 0, "（", "(")
	if i < 0 {
		return m, false
	}
	j := cnRun(p, i, 3)
	k := oneOf(p, j, ")", "）")
	if k < 0 {
		return m, false
	}
	return [4]int{0, spaceRun(p, k), i, j}, true
}

func matchArabic(p string) (m [6]int, ok bool) {
	j := numeralRun(p, 0, 3)
	if j == 0 {
		return m, false
	}
	k := oneOf(p, j, ".", "．", "、", ")", "）")
	if k < 0 {
		return m, false
	}
	return [6]int{0, spaceRun(p, k), 0, j, j, k}, true
}

func matchArParen(p string) (m [4]int, ok bool) {
	i := oneOf(p, 0, "（", "(")
	if i < 0 {
		return m, false
	}
	j := numeralRun(p, i, 2)
	if j == i {
		return m, false
	}
	k := oneOf(p, j, ")", "）")
	if k < 0 {
		return m, false
	}
	return [4]int{0, spaceRun(p, k), i, j}, true
}

// decimalNumber reads a decimal outline number, 1, 1.2 or 1.2.3, at the
// start of p: its end and how many numbers it has. Outlines count from 1.
func decimalNumber(p string) (end, parts int, ok bool) {
	for parts < 3 {
		j := digitRun(p, end, 2)
		if j == end || p[end] == '0' {
			return 0, 0, false
		}
		parts++
		end = j
		if end+1 < len(p) && p[end] == '.' && p[end+1] >= '1' && p[end+1] <= '9' {
			end++
			continue
		}
		break
	}
	return end, parts, true
}

// matchDecimal reads decimal outline numbering, "1 ", "1.2 ", "1.2.3 ",
// followed by spaces and a title (see decimalTitle): the number's end, the
// marker's end and how many numbers it has.
func matchDecimal(p string) (numEnd, end, parts int, ok bool) {
	numEnd, parts, ok = decimalNumber(p)
	if !ok || numEnd >= len(p) || p[numEnd] != ' ' {
		return 0, 0, 0, false
	}
	end = numEnd
	for end < len(p) && p[end] == ' ' {
		end++
	}
	if !decimalTitle(p[end:]) {
		return 0, 0, 0, false
	}
	return numEnd, end, parts, true
}

// isDecimalNumber reports whether s is a decimal outline number and nothing else.
func isDecimalNumber(s string) bool {
	end, _, ok := decimalNumber(s)
	return ok && end == len(s)
}

// decimalTitle reports whether what follows a decimal number is a heading:
// it opens with an ideograph or a year and is short, with no full stop, so
// that a page number left before a line of text ("12 全区…") is not read
// as one.
func decimalTitle(rest string) bool {
	title := rest
	if startsWithYear(rest) {
		title = rest[4+len("年"):]
	}
	r, _ := hanzi.DecodeRune(title, 0)
	// A numbered row of a table ("1 地区生产总值 亿元 2856.3") is not one
	// either, nor a line a PDF wrapped before an amount ("1.5 亿元，…").
	return hanzi.IsHan(r) && !unitWords.startsWith(title) && !atLeastRunes(title, 41) && !fullStops.contains(title) && strings.IndexAny(title, "0123456789") < 0
}

// unitWords open the unit after a number, never a heading's title.
var unitWords = newPhraseIndex([]string{"亿", "万元", "万人", "万吨", "万亩", "万户", "万平方米", "元", "个", "家", "吨", "亩", "倍", "户", "辆", "平方米", "公里", "千米", "千克", "百分点"})

// startsWithYear reports a text that opens with a year: 2024年.
func startsWithYear(s string) bool {
	return len(s) >= 4+len("年") && digitRun(s, 0, 4) == 4 && strings.HasPrefix(s[4:], "年")
}

// lexMarker reads the numbering at the start of a paragraph.
func lexMarker(p string) (marker, bool) {
	first, _ := hanzi.DecodeRune(p, 0)
	if !(first >= '0' && first <= '9' || first >= '０' && first <= '９' || first == '(' || first == '（' || first == '第' || first >= '①' && first <= '⒛' || strings.ContainsRune(cnDigits, first)) {
		return marker{}, false
	}
	if m, ok := matchCnOrdinal(p); ok {
		num := p[m[2]:m[3]]
		unit := p[m[4]:m[5]]
		return marker{style: "cn-ordinal-" + unit, label: "第" + num + unit, num: cnNumber(num), end: m[1]}, true
	}
	if m, ok := matchCnDun(p); ok && m[1] < len(p) {
		num := p[m[2]:m[3]]
		if n := cnNumber(num); n > 0 {
			return marker{style: "cn-dun", label: num, num: n, end: m[1]}, true
		}
	}
	if m, ok := matchCnParen(p); ok && m[1] < len(p) {
		num := p[m[2]:m[3]]
		n := cnNumber(num)
		if n > 0 || num == "" {
			return marker{style: "cn-paren", label: "(" + num + ")", num: n, end: m[1]}, true
		}
	}
	if m, ok := matchArabic(p); ok && m[1] < len(p) {
		next, _ := hanzi.DecodeRune(p, m[1])
		// "1.5%" and "2019年" are numbers, not list labels.
		if !(next >= '0' && next <= '9' || next >= '０' && next <= '９') && next != '%' && next != '％' && !strings.HasPrefix(p[m[1]:], "年") {
			num := hanzi.Fold(p[m[2]:m[3]]) // labels in ASCII digits
			style, label := "arabic-dot", num
			switch p[m[4]:m[5]] {
			case "、":
				style = "arabic-dun"
			case ")", "）":
				style, label = "arabic-close", num+")"
			}
			return marker{style: style, label: label, num: atoi(num), end: m[1]}, true
		}
	}
	if numEnd, end, parts, ok := matchDecimal(p); ok {
		label := p[:numEnd]
		last := label[strings.LastIndexByte(label, '.')+1:]
		return marker{style: "decimal-" + string(rune('0'+parts)), label: label, num: atoi(last), end: end}, true
	}
	if m, ok := matchArParen(p); ok && m[1] < len(p) {
		num := hanzi.Fold(p[m[2]:m[3]]) // labels in ASCII digits
		return marker{style: "arabic-paren", label: "(" + num + ")", num: atoi(num), end: m[1]}, true
	}
	if r, size := hanzi.DecodeRune(p, 0); size < len(p) {
		// One-character numbers: ① … ⑳, and the forms of (1) and 1. that
		// some fonts and converters use (⑴ … ⒇, ⒈ … ⒛).
		end := spaceRun(p, size)
		switch {
		case r >= '①' && r <= '⑳':
			return marker{style: "circled", label: string(r), num: int(r-'①') + 1, end: size}, true
		case r >= '⑴' && r <= '⒇':
			n := int(r-'⑴') + 1
			return marker{style: "arabic-paren", label: "(" + strconv.Itoa(n) + ")", num: n, end: end}, true
		case r >= '⒈' && r <= '⒛':
			n := int(r-'⒈') + 1
			return marker{style: "arabic-dot", label: strconv.Itoa(n), num: n, end: end}, true
		}
	}
	return marker{}, false
}

// isListStyle reports the numbering styles of list items (1. 1、 1) (1) ①),
// whose text is one item's detail: no leads are looked for inside them.
func isListStyle(style string) bool {
	switch style {
	case "arabic-dot", "arabic-dun", "arabic-close", "arabic-paren", "circled":
		return true
	}
	return false
}

// startsHeading reports whether a line opens with heading numbering.
func startsHeading(line string) bool {
	_, ok := lexMarker(line)
	return ok
}

// cnNumber reads 一 … 九十九; 0 when s is not such a numeral.
func cnNumber(s string) int {
	rs := []rune(s)
	val := func(r rune) int { return strings.IndexRune(cnDigits, r)/3 + 1 }
	switch len(rs) {
	case 1:
		return val(rs[0])
	case 2:
		if rs[0] == '十' && rs[1] != '十' {
			return 10 + val(rs[1])
		}
		if rs[1] == '十' && rs[0] != '十' {
			return val(rs[0]) * 10
		}
	case 3:
		if rs[1] == '十' && rs[0] != '十' && rs[2] != '十' {
			return val(rs[0])*10 + val(rs[2])
		}
	}
	return 0
}

func cnNumeral(n int) string {
	d := []rune(cnDigits)
	switch {
	case n <= 0 || n >= 100:
		return ""
	case n <= 10:
		return string(d[n-1])
	case n < 20:
		return "十" + string(d[n-11])
	case n%10 == 0:
		return string(d[n/10-1]) + "十"
	}
	return string(d[n/10-1]) + "十" + string(d[n%10-1])
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// A keyword paragraph opens with a phrase that names its own section kind:
// "进展情况:…", "存在问题:…", "下一步打算:…", "今年的主要预期目标是:…".
type keyword struct {
	canon    string // simplified keyword, the section's title after script conversion
	kind     model.Kind
	progress bool // a task's progress paragraph: kept in metric section paths
}

var keywords = []keyword{
	{"进展情况", model.KindAchievements, true},
	{"工作进展", model.KindAchievements, true},
	{"完成情况", model.KindAchievements, true},
	{"执行情况", model.KindAchievements, true},
	{"推进情况", model.KindAchievements, true},
	{"落实情况", model.KindAchievements, true},
	{"实施情况", model.KindAchievements, true},
	{"目前进展", model.KindAchievements, true},
	{"进展", model.KindAchievements, true},
	{"存在问题", model.KindProblems, false},
	{"主要问题", model.KindProblems, false},
	{"存在的问题", model.KindProblems, false},
	{"下一步工作打算", model.KindPlans, false},
	{"下一步打算", model.KindPlans, false},
	{"下步打算", model.KindPlans, false},
	{"下一步工作", model.KindPlans, false},
	{"工作打算", model.KindPlans, false},
	{"主要预期目标", model.KindPlans, false},
	{"预期目标", model.KindPlans, false},
	{"主要目标", model.KindPlans, false},
}

// lexKeyword finds a keyword paragraph. It returns the keyword as written
// (the section title), where the body starts, and the keyword entry.
// folded is hanzi.Fold(p), rune for rune, or p itself when the two differ
// only in width forms (：，；　 against :,; and a space): the colon and
// break finders take both forms, TrimSpace trims both spaces, and the
// keywords are ideographs, so the answer is the same.
func lexKeyword(p, folded string) (title string, bodyStart int, kw keyword, ok bool) {
	colon := colons.index(folded)
	if colon < 0 {
		return "", 0, kw, false
	}
	head := folded[:colon]
	if atLeastRunes(head, 31) || headBreaks.contains(head) {
		return "", 0, kw, false
	}
	head = strings.TrimSpace(head)
	// "今年全区经济社会发展的主要预期目标是" names the targets too.
	trimmed := strings.TrimSuffix(strings.TrimSuffix(head, "是"), "为")
	for _, k := range keywords {
		if trimmed != k.canon && !(strings.HasSuffix(trimmed, "的"+k.canon) && k.kind == model.KindPlans && strings.HasSuffix(k.canon, "目标")) {
			continue
		}
		// Cut the same runes out of the original text.
		runeStart := utf8.RuneCountInString(trimmed) - utf8.RuneCountInString(k.canon)
		title = runeSlice(p, runeStart, runeStart+utf8.RuneCountInString(k.canon))
		_, cs := utf8.DecodeRuneInString(folded[colon:])
		return title, byteOffsetOfRune(p, utf8.RuneCountInString(folded[:colon+cs])), k, true
	}
	return "", 0, kw, false
}

var reProblems = regexp.MustCompile(`清醒(?:地)?(?:认识|看|意识)到|在肯定成绩的同时|(?:但|也|同时)(?:也|还)?(?:要)?(?:清醒)?(?:地)?看到|存在(?:着)?(?:一些|不少)?(?:困难和)?(?:问题|不足|短板)|问题和不足|差距和不足`)

// mayOwnProblems reports whether s holds 到, 在 or 和不足, which every
// reading of reProblems does; most paragraphs hold none and skip it.
func mayOwnProblems(s string) bool {
	return strings.Contains(s, "到") || strings.Contains(s, "在") || strings.Contains(s, "和不足")
}

// problemsWords are words every reading of reProblems holds, one per
// alternative: 清醒…到, 在肯定成绩的同时, …看到, 存在…, …和不足. Each holds
// 到, 在 or 和不足, so mayOwnProblems is true wherever one of them is.
var problemsWords = newPhraseIndex([]string{"清醒", "在肯定成绩的同时", "看到", "存在", "和不足"})

// isProblems reports a paragraph that opens by owning up to shortcomings:
// "在肯定成绩的同时,我们也清醒地认识到…". folded is as for lexKeyword: the
// words and the pattern are ideographs only, so width forms do not matter.
func isProblems(folded string) bool {
	head := runePrefix(folded, 60)
	if !problemsWords.any(head) {
		return false
	}
	loc := reProblems.FindStringIndex(head)
	return loc != nil && utf8.RuneCountInString(head[:loc[0]]) <= 30
}

// isStandalone reports a short line without sentence punctuation: an
// unnumbered heading, a title or a subtitle.
func isStandalone(p string) bool {
	if len(p) > 40*4 || metrics.IsTableRow(p) {
		return false
	}
	n, han, digits := 0, 0, 0
	for i := 0; i < len(p); n++ {
		if c := p[i]; c < utf8.RuneSelf {
			if c >= '0' && c <= '9' {
				digits++
			}
			i++
			continue
		}
		r, size := hanzi.DecodeFast(p, i)
		if size == 0 {
			r, size = hanzi.DecodeRune(p, i)
		}
		if hanzi.IsHan(r) {
			han++
		}
		i += size
	}
	if n < 2 || n > 40 || allStops.contains(p) || strings.HasPrefix(p, "——") {
		return false
	}
	last, _ := hanzi.DecodeLastRune(p)
	if last == ':' || last == '：' || last == '；' || last == ';' || last == '，' || last == ',' || last == '、' {
		return false
	}
	return han >= 2 && han*2 >= n-digits
}

// splitTitle cuts a heading's run-on paragraph into its title and the body
// after it: the title ends at the first full stop, or at a colon that ends
// the line or follows a short phrase with no comma ("聚焦产业发展：…"); an
// overlong title is cut at a comma so the tree stays readable.
func splitTitle(rest string) (title, body string) {
	end, next := len(rest), len(rest)
	if i := allStops.index(rest); i >= 0 {
		_, s := hanzi.DecodeRune(rest, i)
		end, next = i, i+s
	} else if strings.HasSuffix(rest, "：") || strings.HasSuffix(rest, ":") {
		_, s := hanzi.DecodeLastRune(rest)
		end, next = len(rest)-s, len(rest)
	}
	// "聚焦产业发展：全年新开工…": a short phrase and a colon end a heading
	// before its first full stop.
	if i := colons.index(rest[:end]); i > 0 && !atLeastRunes(rest[:i], 21) && !commaMarks.contains(rest[:i]) {
		_, s := hanzi.DecodeRune(rest, i)
		end, next = i, i+s
	}
	title = rest[:end]
	if atLeastRunes(title, 41) { // more than 40 runes, without counting a long paragraph
		cut := -1
		runes := 0 // utf8.RuneCountInString(title[:i])
		for i := 0; i < len(title) && runes <= 40; runes++ {
			r, size := rune(title[i]), 1
			if r >= utf8.RuneSelf {
				if r, size = hanzi.DecodeFast(title, i); size == 0 {
					r, size = hanzi.DecodeRune(title, i)
				}
			}
			if r == '，' || r == ',' || r == '；' || r == ';' {
				cut = i
			}
			i += size
		}
		if cut > 0 {
			_, s := utf8.DecodeRuneInString(title[cut:])
			return title[:cut], strings.TrimSpace(rest[cut+s:])
		}
	}
	return strings.TrimSpace(title), strings.TrimSpace(rest[next:])
}

// runePrefix is the first n runes of s.
func runePrefix(s string, n int) string {
	for i := 0; i < len(s); n-- {
		if n == 0 {
			return s[:i]
		}
		size := 1
		if s[i] >= utf8.RuneSelf {
			if _, size = hanzi.DecodeFast(s, i); size == 0 {
				_, size = hanzi.DecodeRune(s, i)
			}
		}
		i += size
	}
	return s
}

func runeSlice(s string, from, to int) string {
	return s[byteOffsetOfRune(s, from):byteOffsetOfRune(s, to)]
}

func byteOffsetOfRune(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// A runeFinder finds the first of a few runes in a string by their UTF-8
// bytes, as strings.IndexAny would but without decoding every rune: an
// encoded rune can only match where a rune starts, so the byte search
// finds what the rune search finds.
type runeFinder struct {
	runes []string
}

func newRuneFinder(runes string) *runeFinder {
	f := &runeFinder{}
	for _, r := range runes {
		f.runes = append(f.runes, string(r))
	}
	return f
}

// index is the byte offset of the first of f's runes in s, or -1. One
// strings.Index per rune, each over what the ones before left, runs at
// memchr speed where a loop over the bytes does not.
func (f *runeFinder) index(s string) int {
	n := len(s)
	for _, e := range f.runes {
		if k := strings.Index(s[:n], e); k >= 0 {
			n = k
		}
	}
	if n == len(s) {
		return -1
	}
	return n
}

// contains reports whether s holds any of f's runes.
func (f *runeFinder) contains(s string) bool { return f.index(s) >= 0 }

var (
	fullStops     = newRuneFinder("。！？")
	allStops      = newRuneFinder("。！？!?")
	fullStopsSemi = newRuneFinder("。！？；")
	colons        = newRuneFinder(":：")
	headBreaks    = newRuneFinder("。，,；;")
	commaMarks    = newRuneFinder("，,")
)

// appendixWords open the lines that head what follows a report proper.
var appendixWords = []string{"名词解释", "名詞解釋", "名词注释", "名詞註釋", "附件", "附表", "附录", "附錄"}

// isAppendix reports a line that heads a glossary or an attachment:
// "名词解释", "附件1", "附件：2023年重点项目表". A sentence that merely
// starts with one of the words ("附件所列项目已全部开工。") is not one.
func isAppendix(p string) bool {
	if !strings.HasPrefix(p, "附") && !strings.HasPrefix(p, "名") { // every word's first
		return false
	}
	for _, w := range appendixWords {
		rest, ok := strings.CutPrefix(p, w)
		if !ok {
			continue
		}
		rest = rest[numeralRun(rest, 0, 2):]
		switch {
		case rest == "" || rest == ":" || rest == "：":
			return true
		case strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\u3000"):
			return isStandalone(strings.TrimLeft(rest, ":： \u3000"))
		}
	}
	return false
}
