package parser

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"baogao/cells"
	"baogao/hanzi"
	"baogao/model"
	"baogao/parser/metrics"
)

// normalized is the text after every repair, with the spans that say what
// changed and the metadata lifted out of web furniture.
type normalized struct {
	text   string
	spans  []model.Span // built once every stage has run, from stages
	meta   model.Meta
	script int // hanzi.ScriptScore(text), kept up to date edit by edit
	// stages are the edits each stage made, with the text it made them
	// on: their spans, mapped through the stages after, are built into
	// one slice of the right size at the end rather than stage by stage.
	stages [8]stage // markup ×2, misreading, readings, mojibake, furniture, spaces, joins
	staged int
	// Stages append their edits to spare, the room left in arena, an
	// array editPool keeps from report to report.
	arena, spare []edit
}

// editPool keeps the array the stages append their edits to: a report
// with a reading after every character has thousands of them.
var editPool = sync.Pool{New: func() any { return new([]edit) }}

// take notes that edits were appended to spare, and returns them.
func (n *normalized) take(edits []edit) []edit {
	if cap(edits) != cap(n.spare) { // append moved them to a new array
		n.arena = edits[:0]
	}
	n.spare = edits[len(edits):]
	return edits
}

// A stage is prepared edits and the text they were made on.
type stage struct {
	text  string
	edits []edit
}

// apply applies edits to the text as one stage (their spans are built
// with every stage's at the end, see buildSpans), and updates the script
// score by what they remove and insert, which is much less text than the
// whole.
func (n *normalized) apply(edits []edit) {
	edits = prepareEdits(edits)
	for _, e := range edits {
		n.script += hanzi.ScriptScore(e.repl) - hanzi.ScriptScore(n.text[e.start:e.end])
	}
	n.applyPrepared(edits)
}

// applyNoHan is apply for edits that remove and insert no ideograph —
// readings, blanks, line breaks, stray digits — and so leave the script
// score as it is.
func (n *normalized) applyNoHan(edits []edit) {
	n.applyPrepared(prepareEdits(edits))
}

func (n *normalized) applyPrepared(edits []edit) {
	if len(edits) > 0 {
		n.record(edits, applyText(n.text, edits))
	}
}

// record notes prepared edits as a stage and makes text, the text they
// make of the current one, current.
func (n *normalized) record(edits []edit, text string) {
	n.stages[n.staged] = stage{n.text, edits}
	n.staged++
	n.text = text
}

// buildSpans lists the spans of every stage, as applyEdits run stage by
// stage lists them.
func (n *normalized) buildSpans() {
	total := 0
	for _, s := range n.stages[:n.staged] {
		total += len(s.edits)
	}
	if total == 0 {
		return
	}
	n.spans = make([]model.Span, 0, total)
	for _, s := range n.stages[:n.staged] {
		n.spans = addSpans(n.spans, s.text, s.edits)
	}
}

// normalize runs the stages in order. Each stage sees the previous stage's
// output and reports its changes as edits, so spans stay valid. d.text is
// valid UTF-8; d.triggers is false when decode saw no rune that could
// start a mojibake repair (removing readings adds none).
func normalize(d decoded) normalized {
	n := normalized{text: d.text, script: d.script}
	pooled := editPool.Get().(*[]edit)
	n.arena, n.spare = *pooled, *pooled
	markup := mayHoldHTML(n.text)
	if markup {
		n.apply(htmlEdits(n.text)) // an entity may stand for an ideograph
	}
	if mayHoldMarkdown(n.text) {
		n.apply(markdownEdits(n.text)) // an image goes with its alt text
	}
	// Text misread wholesale is read again first, as decoding would have.
	misread := misreadingOf(n.text)
	if misread != nil {
		n.apply(recodeEdits(n.text, misread))
	}
	if mayHoldReadings(n.text) {
		n.applyNoHan(n.take(appendPinyinEdits(n.spare, n.text)))
	}
	// Only an entity or a line read again can add U+3000 where decode saw none.
	ideoSpace := d.ideoSpace || markup || misread != nil
	if d.triggers || misread != nil { // what was misread can hold its own mojibake
		ideoSpace = n.repairMojibake() || ideoSpace
	}
	furn, meta := furnitureEdits(n.text)
	n.meta = meta
	blanks := blanksIn(n.text, ideoSpace)
	if edits, ok := furnitureSpaceEdits(n.spare, n.text, prepareEdits(furn), blanks); ok {
		n.apply(n.take(edits)) // one copy of the text rather than two
	} else {
		n.apply(furn)
		n.applyNoHan(spaceEdits(n.text, blanks))
	}
	n.applyNoHan(joinEdits(n.text))
	n.buildSpans()
	// The spans are built: the edits are done with. Their replacements
	// are let go of so the pool keeps no text alive.
	used := n.arena[:cap(n.arena)-cap(n.spare)]
	for i := range used {
		used[i].repl = ""
	}
	*pooled = n.arena
	editPool.Put(pooled)
	n.stages, n.arena, n.spare = [len(n.stages)]stage{}, nil, nil
	return n
}

// toneMarked holds the vowels that only pinyin writes.
const toneMarked = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"

// toneMarkedSet is toneMarked as a bitmap over the runes below ḿ, the
// highest: the reading scans ask it of every rune after a parenthesis.
var toneMarkedSet = func() (set [('ḿ' + 64) / 64]uint64) {
	for _, r := range toneMarked {
		set[r/64] |= 1 << (r % 64)
	}
	return set
}()

// isToneMarked reports whether r is in toneMarked.
func isToneMarked(r rune) bool {
	return r >= 0 && r <= 'ḿ' && toneMarkedSet[r/64]&(1<<(r%64)) != 0
}

// pinyinEdits removes readings in parentheses after a character —
// 國(guó) → 國 — which some sites add for every character. A parenthesis
// goes only when its Latin text is a reading: tone-marked syllables always
// are, plain Latin only when hanzi says it reads the character before it,
// so (AQI), (xx), (稻谷) and (2019-2021年) stay. text is valid UTF-8: the
// openers are found by their bytes.
func pinyinEdits(text string) []edit { return appendPinyinEdits(nil, text) }

// appendPinyinEdits appends pinyinEdits(text) to edits.
func appendPinyinEdits(edits []edit, text string) []edit {
	// Sites that add readings add one to every character: make room for
	// them at once rather than growing a slice of thousands.
	edits = slices.Grow(edits, strings.Count(text, "("))
	openers := newReadingFinder()
	for i, open := 0, 0; ; {
		if i, open = openers.index(text, i); i == len(text) {
			break
		}
		j := i + len(readingOpeners[open])
		if open >= openBroken {
			// "?jǐn)": a reading whose character and opening parenthesis
			// were lost to a replacement character.
			if end := brokenReading(text[j:]); end > 0 {
				edits = append(edits, edit{start: j, end: j + end, kind: kindPinyin})
				j += end
			}
			i = j
			continue
		}
		k, closer, tone := readingAt(text, j)
		if closer == 0 {
			i = j
			continue
		}
		prev, _ := hanzi.DecodeLastRune(text[:i])
		han := hanzi.IsHan(prev) // no ideograph is a space: IsSpace need not search its tables
		if tone && prev != utf8.RuneError && (han || !unicode.IsSpace(prev)) || han && hanzi.IsReadingOf(prev, text[j:k]) {
			edits = append(edits, edit{start: i, end: k + closer, kind: kindPinyin})
		}
		i = k + closer
	}
	return edits
}

// readingAt measures what may be a reading at text[j:], right after an
// opening parenthesis: Latin letters, ü or tone-marked vowels, at most
// 24 bytes of them before the last, then a closing parenthesis at k of
// size closer; closer is 0 when there is none. tone says whether a vowel
// was tone-marked.
func readingAt(text string, j int) (k, closer int, tone bool) {
	for k = j; k < len(text); {
		// Most of a reading is ASCII, which needs no decoding.
		if c := text[k]; c < utf8.RuneSelf {
			switch {
			case c == ')':
				if k == j {
					return k, 0, false
				}
				return k, 1, tone
			case k-j > 24 || c|0x20 < 'a' || c|0x20 > 'z':
				return k, 0, false
			}
			k++
			continue
		}
		c, cs := hanzi.DecodeRune(text, k)
		switch {
		case c == '）':
			if k == j {
				return k, 0, false
			}
			return k, cs, tone
		case k-j > 24: // too long for a reading
			return k, 0, false
		case c == 'ü', c == 'Ü':
		case isToneMarked(c):
			tone = true
		default:
			return k, 0, false
		}
		k += cs
	}
	return k, 0, false
}

// mayHoldReadings reports whether pinyinEdits can find anything in valid
// UTF-8 text: every reading it removes starts with ( （ ? or U+FFFD right
// before a Latin letter, ü or tone-marked vowel. Most reports have no such
// place, and then the stage is skipped before it sizes or borrows anything.
func mayHoldReadings(text string) bool {
	for _, open := range readingOpeners {
		for i := 0; ; {
			k := strings.Index(text[i:], open)
			if k < 0 {
				break
			}
			i += k + len(open)
			if r, _ := utf8.DecodeRuneInString(text[i:]); isReadingRune(r) {
				return true
			}
		}
	}
	return false
}

// isReadingRune reports the runes a reading is written in.
func isReadingRune(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == 'ü' || c == 'Ü' || isToneMarked(c)
}

// readingOpeners are the runes a reading can start at: its parenthesis,
// or the ? or U+FFFD that replaced the character and parenthesis.
var readingOpeners = [...]string{"(", "（", "?", "\uFFFD"}

// openBroken is the first of readingOpeners that stands for a lost
// parenthesis rather than being one.
const openBroken = 2

// readingFinder finds the next place a reading can start: the first of
// the openers from a rune start on, which is what a scan rune by rune
// would stop at. It keeps where each opener occurs next, and searches for
// one again (at memchr speed) only once the scan has passed it.
type readingFinder struct {
	next [len(readingOpeners)]int // -1 before the first search
}

func newReadingFinder() readingFinder {
	var f readingFinder
	for k := range f.next {
		f.next[k] = -1
	}
	return f
}

// index is the offset of the first opener in text from i on, or
// len(text), and which of readingOpeners it is.
func (f *readingFinder) index(text string, i int) (first, which int) {
	// Pages that add readings add them a few characters apart: step over
	// those runes before searching. Every opener starts with ( ? or 0xEF.
	for end := min(len(text), i+48); i < end; {
		if c := text[i]; c >= 0xE0 { // nearly every character between
			if c == 0xEF {
				break
			}
			i += 3 + int(c>>4&1) // four bytes from 0xF0 on
		} else if c == '(' {
			return i, 0
		} else if c == '?' {
			return i, openBroken // readingOpeners[2]
		} else {
			i += 1 + int(c>>7) // two bytes from 0xC0 on
		}
	}
	first = len(text)
	for k := range f.next {
		if f.next[k] < i {
			f.next[k] = len(text)
			if j := strings.Index(text[i:], readingOpeners[k]); j >= 0 {
				f.next[k] = i + j
			}
		}
		if f.next[k] < first {
			first, which = f.next[k], k
		}
	}
	return first, which
}

// brokenReading measures a tone-marked syllable and its closing
// parenthesis at the start of s, or returns 0.
func brokenReading(s string) int {
	tone := false
	for i, c := range s {
		switch {
		case c == ')' || c == '）':
			if tone && i > 0 {
				return i + utf8.RuneLen(c)
			}
			return 0
		case c >= 'a' && c <= 'z', c == 'ü':
		case isToneMarked(c):
			tone = true
		default:
			return 0
		}
		if i > 12 {
			return 0
		}
	}
	return 0
}

// repairMojibake replaces runs of byte-misaligned GBK with what can be
// recovered, recording each as a mojibake span, and says whether a repair
// holds U+3000.
func (n *normalized) repairMojibake() (ideoSpace bool) {
	fixed, repairs := RepairMojibake(n.text, hanzi.ToSimplified)
	if len(repairs) == 0 {
		return false
	}
	// Turn repairs (offsets in fixed) back into edits on the text: sorted
	// and apart, they are prepared, and make fixed of it.
	edits := make([]edit, 0, len(repairs))
	delta := 0
	for _, r := range repairs {
		start := r.Start - delta
		e := edit{start: start, end: start + len(r.Original), repl: fixed[r.Start:r.End], kind: kindMojibake}
		n.script += hanzi.ScriptScore(e.repl) - hanzi.ScriptScore(r.Original)
		ideoSpace = ideoSpace || strings.Contains(e.repl, "\u3000")
		edits = append(edits, e)
		delta += (r.End - r.Start) - len(r.Original)
	}
	n.record(edits, fixed)
	return ideoSpace
}

var (
	// Web and newspaper furniture. Both scripts are listed so the patterns
	// work on the text as written.
	reDate     = regexp.MustCompile(`(?:发布时间|發布時間|发布日期|發布日期|日期|时间|時間)\s*[:：]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?)`)
	reSource   = regexp.MustCompile(`(?:来源|來源|稿源)\s*[:：]\s*([^\s:：]{1,30})?`)
	reClicks   = regexp.MustCompile(`(?:点击|點擊|浏览|瀏覽|阅读|閱讀)(?:次数|次數|量)?\s*[:：]\s*\d*\s*次?`)
	reJunkLine = regexp.MustCompile(`^(?:热点文章阅读|熱點文章閱讀|相关文章|相關文章|上一篇.*|下一篇.*|分享到.*|责任编辑.*|責任編輯.*|字体\s*[:：]?\s*大\s*中\s*小|字體\s*[:：]?\s*大\s*中\s*小|页面调色.*|頁面調色.*|【?\s*字号.*|扫一扫.*|掃一掃.*)$`)
	// Page numbers alone on a line: "3", "- 3 -", "第3页", "第 3 页 共 9 页".
	rePageNo = regexp.MustCompile(`^(?:[-—–]?\s*\d{1,3}\s*[-—–]?|第\s*\d{1,3}\s*[页頁](?:\s*共\s*\d{1,3}\s*[页頁])?|\d{1,3}\s*/\s*\d{1,3})$`)
	// A margin fragment of one to three characters glued before a heading
	// marker by PDF extraction: "角 (二)…".
	reMarginBeforeHeading = regexp.MustCompile(`^\p{Han}{1,3}\s+([（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}(?:方面|部分))`)
	// A page number glued to the start of a line before a year: "0 2020 年…".
	reStrayLeadDigit = regexp.MustCompile(`^\d\s+(\d{4}\s*年)`)
)

// furnitureEdits removes web furniture, page numbers and margin fragments
// line by line, lifting the date and source into metadata.
func furnitureEdits(text string) ([]edit, model.Meta) {
	var edits []edit
	var meta model.Meta
	forEachLine(text, func(start, end int) {
		line := text[start:end]
		trimmed := trimSpace(line)
		if trimmed == "" {
			return
		}
		if len(trimmed) > 240 {
			return // furniture and debris lines are short; paragraphs are not
		}
		labels, site := furnitureWordsIn(trimmed)
		rest, furniture := "", false
		if labels {
			rest, furniture = liftFurniture(trimmed, &meta)
		}
		switch {
		case furniture && utf8.RuneCountInString(strings.TrimSpace(rest)) <= 8,
			len(trimmed) <= 60 && (reJunkLine.MatchString(trimmed) || rePageNo.MatchString(trimmed)),
			siteFurniture(trimmed, site),
			contentsLine(trimmed):
			edits = append(edits, edit{start: start, end: lineEnd(text, end), kind: kindDebris})
			return
		}
		if m := matchMarginBeforeHeading(line); m != nil {
			edits = append(edits, edit{start: start, end: start + m[2], kind: kindDebris})
		} else if m := matchStrayLeadDigit(line); m != nil {
			edits = append(edits, edit{start: start, end: start + m[2], kind: kindDebris})
		}
	})
	return edits, meta
}

// contentsLine reports a line of a table of contents — a heading, dot
// leaders and a page number, "一、工作回顾……………1" — or its title "目  录":
// the headings come again in the body, where they belong.
func contentsLine(line string) bool {
	if last := line[len(line)-1]; last >= '0' && last <= '9' {
		body := strings.TrimRight(line, "0123456789 \t")
		n := len(body)
		body = strings.TrimRight(body, "…．.·-_ \t")
		return body != "" && utf8.RuneCountInString(line[len(body):n]) >= 4 // leaders, not an ellipsis
	}
	return len(line) <= 12 && strings.HasPrefix(line, "目") && reContentsTitle.MatchString(line)
}

var reContentsTitle = regexp.MustCompile(`^目[\s\x{3000}]*[录錄]$`)

// Site furniture that pages put around an article: a breadcrumb, a
// footer, and rows of buttons ("【打印本页】【关闭窗口】", "字体：[大 中 小]").
// The words are simplified; a line is folded before it is matched, and
// only lines that may match are: a line holding a footer word, or one
// made of nothing but the buttons' characters and separators.
var (
	reSiteLine  = regexp.MustCompile(`^(?:当前位置|您当前的位置|您现在的位置|您的位置|所在位置|主办单位|承办单位|技术支持|网站标识码|联系我们|网站地图)|^首页\s*[>＞»›]|版权所有|ICP备|公网安备`)
	siteWords   = newPhraseIndex(bothScripts("位置", "主办单位", "承办单位", "技术支持", "网站标识码", "联系我们", "网站地图", "首页", "版权所有", "ICP备", "公网安备"))
	siteButtons = []string{"打印", "打印本页", "打印此页", "打印文章", "关闭", "关闭窗口", "关闭本页",
		"收藏", "加入收藏", "分享", "分享到", "返回顶部", "返回", "顶部", "字体", "字号", "大", "中", "小", "默认",
		"保存", "保存本页", "纠错", "我要纠错", "视力保护色", "页面调色", "放大", "缩小", "微信", "微博", "扫一扫"}
	siteButtonSet   = map[string]bool{}
	siteButtonRunes = newPhraseIndex(bothScripts(siteButtons...))
	// siteSeparators stand between buttons.
	siteSeparators = "【】[]「」|｜丨·：:/ \t\u3000"
)

func init() {
	for _, b := range siteButtons {
		siteButtonSet[b] = true
	}
}

// bothScripts is words and their traditional forms.
func bothScripts(words ...string) []string {
	out := append([]string(nil), words...)
	for _, w := range words {
		if t := hanzi.ToTraditional(w); t != w {
			out = append(out, t)
		}
	}
	return out
}

// siteFurniture reports a line that is a page's breadcrumb, footer or row
// of buttons; hasSiteWord is siteWords.any(line), which the caller knows.
func siteFurniture(line string, hasSiteWord bool) bool {
	if hasSiteWord {
		return reSiteLine.MatchString(hanzi.Fold(line))
	}
	for _, r := range line {
		if !siteButtonRunes.inAnyWord(r) && !strings.ContainsRune(siteSeparators, r) {
			return false
		}
	}
	words := strings.FieldsFunc(hanzi.Fold(line), func(r rune) bool { return strings.ContainsRune(siteSeparators, r) })
	if len(words) == 0 || len(words) == 1 && utf8.RuneCountInString(words[0]) < 2 {
		return false
	}
	for _, w := range words {
		if !siteButtonSet[w] {
			return false
		}
	}
	return true
}

// liftFurniture cuts the date, source and click-count labels out of a
// line, noting the first date and source in meta, and says whether it
// found any. Only lines with a furniture word can match: the caller asks
// it of those alone.
func liftFurniture(line string, meta *model.Meta) (rest string, furniture bool) {
	rest = line
	if m := reDate.FindStringSubmatchIndex(rest); m != nil {
		if meta.Date == "" {
			meta.Date = normalizeDate(rest[m[2]:m[3]])
		}
		rest = rest[:m[0]] + " " + rest[m[1]:]
		furniture = true
	}
	if m := reSource.FindStringSubmatchIndex(rest); m != nil && (furniture || utf8.RuneCountInString(rest) < 40) {
		if meta.Source == "" && m[2] >= 0 {
			meta.Source = rest[m[2]:m[3]]
		}
		rest = rest[:m[0]] + " " + rest[m[1]:]
		furniture = true
	}
	if m := reClicks.FindStringIndex(rest); m != nil {
		rest = rest[:m[0]] + " " + rest[m[1]:]
		furniture = true
	}
	return rest, furniture
}

// reSpace is the set \s stands for in the patterns.
const reSpace = " \t\n\f\r"

// matchMarginBeforeHeading is reMarginBeforeHeading's submatch index. Every
// match has a \s right after its one to three characters (at most 12
// bytes), and most lines have none there, so they skip the regexp.
func matchMarginBeforeHeading(line string) []int {
	if strings.IndexAny(line[:min(len(line), 13)], reSpace) < 0 {
		return nil
	}
	return reMarginBeforeHeading.FindStringSubmatchIndex(line)
}

// matchStrayLeadDigit is reStrayLeadDigit's submatch index, asked only of
// lines that open with a digit and a \s.
func matchStrayLeadDigit(line string) []int {
	if len(line) < 2 || line[0] < '0' || line[0] > '9' || strings.IndexByte(reSpace, line[1]) < 0 {
		return nil
	}
	if _, ok := lexMarker(line); ok {
		return nil // "3 2024年工作计划" is a heading; outlines never number one 0
	}
	return reStrayLeadDigit.FindStringSubmatchIndex(line)
}

// furnitureWords are the labels web pages put on their furniture lines;
// only lines holding one are matched against the furniture patterns.
var furnitureWords = []string{"时间", "時間", "日期", "来源", "來源", "稿源", "点击", "點擊", "浏览", "瀏覽", "阅读", "閱讀"}

// lineWords indexes furnitureWords then the site words, so that one scan
// of a line tells whether it holds either.
var lineWords = newPhraseIndex(append(append([]string(nil), furnitureWords...), siteWords.words...))

// furnitureWordsIn reports whether line holds a furniture word and whether
// it holds a site word (siteWords.any).
func furnitureWordsIn(line string) (labels, site bool) {
	lineWords.scanUntil(line, func(k int) bool {
		if k < len(furnitureWords) {
			labels = true
		} else {
			site = true
		}
		return !labels || !site
	})
	return labels, site
}

// normalizeDate writes 2020年7月5日, 2020/7/5 and 2020-07-05 as 2020-07-05.
func normalizeDate(s string) string {
	var parts []string
	cur := ""
	for _, r := range s {
		if r >= '0' && r <= '9' {
			cur += string(r)
		} else if cur != "" {
			parts = append(parts, cur)
			cur = ""
		}
	}
	if cur != "" {
		parts = append(parts, cur)
	}
	if len(parts) != 3 {
		return strings.TrimSpace(s)
	}
	for i := 1; i < 3; i++ {
		if len(parts[i]) == 1 {
			parts[i] = "0" + parts[i]
		}
	}
	return parts[0] + "-" + parts[1] + "-" + parts[2]
}

// forEachLine calls fn with the byte range of each line, without its "\n".
func forEachLine(text string, fn func(start, end int)) {
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			fn(start, len(text))
			return
		}
		fn(start, start+end)
		start += end + 1
	}
}

// lineEnd extends a line's end over its "\n" so deleting it leaves no gap.
func lineEnd(text string, end int) int {
	if end < len(text) && text[end] == '\n' {
		return end + 1
	}
	return end
}

// isWidePunct reports full-width punctuation that sits tight against text.
func isWidePunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF65 || r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·'
}

// spaceEdits drops spaces that PDF extraction puts around numbers and
// Latin inside Chinese text ("增长 0.5%", "长三角 G60 科创"), the
// indentation at the start of a line and trailing blanks. A space between
// two Chinese phrases is kept: headings use it as a separator. blanks
// says which blanks text holds (blanksIn).
func spaceEdits(text string, blanks blankKinds) []edit {
	var edits []edit
	forEachLine(text, func(start, end int) {
		edits = lineSpaceEdits(edits, text, start, end, blanks)
	})
	return edits
}

// furnitureSpaceEdits appends to edits the furniture edits furn
// (furnitureEdits(text)) and, in one sorted list of edits on text, the
// space edits spaceEdits
// finds in the text furn makes of it: furn only removes whole lines, or the
// start of a line up to a heading marker or a year, and spaceEdits looks at
// a line at a time, so they are the space edits of what furn leaves of
// each line. Applied at once, they make the text and spans that applying
// furn and then the space edits makes, provided no space edit starts where
// a furniture edit ends or the other way round: then their spans could tie
// on a start with a span carried from before and order otherwise. ok is
// false in that case.
func furnitureSpaceEdits(edits []edit, text string, furn []edit, blanks blankKinds) (_ []edit, ok bool) {
	k := 0                      // furn[k] is the first furniture edit not yet passed
	furnEnd, spaceEnd := -1, -1 // where the last edit of each kind ends
	ok = true
	forEachLine(text, func(start, end int) {
		for ; k < len(furn) && furn[k].start < start; k++ {
			ok = false // not at a line's start: never made, but not passed over
		}
		if k < len(furn) && furn[k].start == start {
			f := furn[k]
			k++
			edits = append(edits, f)
			ok = ok && spaceEnd != f.start
			furnEnd = f.end
			if f.end >= end {
				return // the whole line goes
			}
			start = f.end
		}
		n := len(edits)
		if edits = lineSpaceEdits(edits, text, start, end, blanks); n < len(edits) {
			ok = ok && edits[n].start != furnEnd
			spaceEnd = edits[len(edits)-1].end
		}
	})
	return edits, ok && k == len(furn)
}

// lineSpaceEdits appends the space edits of text[start:end], a line, to edits.
func lineSpaceEdits(edits []edit, text string, start, end int, blanks blankKinds) []edit {
	{
		line := text[start:end]
		// Leading and trailing blanks, including the ideographic space.
		lead, trail := lineBlanks(line)
		if lead == len(line) || trail == len(line) { // a blank line ("  \r" too)
			return edits
		}
		if lead > 0 {
			edits = append(edits, edit{start: start, end: start + lead, kind: kindSpace})
		}
		body := line[lead : len(line)-trail]
		base := start + lead
		row, rowKnown := false, false // a table row's gaps part cells; asked at its first blank
		for i := blanks.next(body, 0); i < len(body); i = blanks.next(body, i) {
			j := blankRunEnd(body, i)
			if !rowKnown {
				row, rowKnown = metrics.IsTableRow(body) || spacedRow(body, blanks), true
			}
			if row && (strings.IndexByte(body[i:j], '\t') >= 0 || isGap(body[i:j])) {
				if body[i:j] != "\t" {
					edits = append(edits, edit{start: base + i, end: base + j, repl: "\t", kind: kindSpace})
				}
				i = j
				continue
			}
			left, _ := hanzi.DecodeLastRune(body[:i])
			right, _ := hanzi.DecodeRune(body, j)
			wideL := hanzi.IsHan(left) || isWidePunct(left)
			wideR := hanzi.IsHan(right) || isWidePunct(right)
			narrowL := left < 0x80 && left != ' '
			narrowR := right < 0x80 && right != ' '
			// Lone page-number digits between Chinese and Latin: "长三角 0 G60".
			if wideL && right >= '0' && right <= '9' && j+1 < len(body) && body[j+1] == ' ' {
				k := j + 1
				for k < len(body) && body[k] == ' ' {
					k++
				}
				if k < len(body) && (body[k] >= 'A' && body[k] <= 'Z' || body[k] >= 'a' && body[k] <= 'z') {
					edits = append(edits, edit{start: base + i, end: base + k, kind: kindDebris})
					i = k
					continue
				}
			}
			switch {
			case i > 0 && isDecimalNumber(body[:i]) && decimalTitle(body[j:]):
				// "1.2 项目建设": the space is what makes the number a heading's.
				if j-i > 1 || body[i] != ' ' {
					edits = append(edits, edit{start: base + i, end: base + j, repl: " ", kind: kindSpace})
				}
			case wideL && (narrowR || isWidePunct(right)), narrowL && wideR, isWidePunct(left) || isWidePunct(right):
				edits = append(edits, edit{start: base + i, end: base + j, kind: kindSpace})
			case j-i > 1 || body[i] != ' ':
				// Collapse a run to one plain space.
				edits = append(edits, edit{start: base + i, end: base + j, repl: " ", kind: kindSpace})
			}
			i = j
		}
		if trail > 0 {
			edits = append(edits, edit{start: end - trail, end: end, kind: kindSpace})
		}
	}
	return edits
}

// spacedRow reports a row of a table that a PDF laid out with blanks: two
// gaps between cells at least (see isGap), and a figure.
func spacedRow(body string, blanks blankKinds) bool {
	gaps := 0
	for i := blanks.next(body, 0); i < len(body); i = blanks.next(body, i) {
		j := blankRunEnd(body, i)
		if isGap(body[i:j]) {
			gaps++
		}
		i = j
	}
	return gaps >= 2 && strings.ContainsAny(body, "0123456789")
}

// blankRunEnd is where the run of spaces, tabs and U+3000 at s[i] ends.
func blankRunEnd(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case strings.HasPrefix(s[i:], "\u3000"):
			i += len("\u3000")
		default:
			return i
		}
	}
	return i
}

// isGap reports blanks wider than the space between two words: two
// blanks at least.
func isGap(blanks string) bool { return utf8.RuneCountInString(blanks) >= 2 }

// lineBlanks measures the blanks a line starts and ends with: spaces,
// tabs, U+3000 and U+00A0, and at the end "\r" too. line is valid UTF-8,
// so the blanks are found by their bytes rather than rune by rune.
func lineBlanks(line string) (lead, trail int) {
	for lead < len(line) {
		if c := line[lead]; c == ' ' || c == '\t' {
			lead++
		} else if strings.HasPrefix(line[lead:], "\u3000") {
			lead += len("\u3000")
		} else if strings.HasPrefix(line[lead:], "\u00a0") {
			lead += len("\u00a0")
		} else {
			break
		}
	}
	for end := len(line); end > 0; end = len(line) - trail {
		if c := line[end-1]; c == ' ' || c == '\t' || c == '\r' {
			trail++
		} else if strings.HasSuffix(line[:end], "\u3000") {
			trail += len("\u3000")
		} else if strings.HasSuffix(line[:end], "\u00a0") {
			trail += len("\u00a0")
		} else {
			break
		}
	}
	return lead, trail
}

// trimSpace is strings.TrimSpace, which it skips for the lines that start
// and end with a rune no space is: nearly all, as they start and end
// with an ideograph, punctuation or ASCII. No space lies above U+3000.
func trimSpace(line string) string {
	if line == "" {
		return line
	}
	first, last := rune(line[0]), rune(line[len(line)-1])
	if first >= utf8.RuneSelf {
		first, _ = hanzi.DecodeFast(line, 0) // 0 for a rune it does not decode
	}
	if last >= utf8.RuneSelf {
		last, _ = hanzi.DecodeLastRune(line)
	}
	if notSpace(first) && notSpace(last) {
		return line
	}
	return strings.TrimSpace(line)
}

// notSpace reports runes trimSpace knows are no space.
func notSpace(r rune) bool {
	return r > '\u3000' || r > ' ' && r < utf8.RuneSelf
}

// blankKinds says which blanks other than the space a text holds at all:
// most reports have no tab and no U+3000, and then only spaces are looked
// for line by line.
type blankKinds struct{ tab, ideographic bool }

// blanksIn says which blanks text holds; mayHoldIdeoSpace false (decode
// saw no U+3000) saves searching for one.
func blanksIn(text string, mayHoldIdeoSpace bool) blankKinds {
	return blankKinds{
		tab:         strings.IndexByte(text, '\t') >= 0,
		ideographic: mayHoldIdeoSpace && strings.Contains(text, "\u3000"),
	}
}

// next is the offset of the first space, tab or U+3000 in s from byte
// from on, or len(s). None of their bytes is ever a continuation byte, so
// a byte search finds where a blank rune starts; it runs at memchr speed
// where stepping through the runes does not.
func (k blankKinds) next(s string, from int) int {
	n := len(s)
	if i := strings.IndexByte(s[from:], ' '); i >= 0 {
		n = from + i
	}
	if k.tab {
		if i := strings.IndexByte(s[from:n], '\t'); i >= 0 {
			n = from + i
		}
	}
	if k.ideographic {
		if i := strings.Index(s[from:n], "\u3000"); i >= 0 {
			n = from + i
		}
	}
	return n
}

// joinEdits rejoins lines that a PDF broke in mid-sentence. A break is
// removed when the line before it does not end a sentence, is not itself a
// heading or a subtitle, and the next line does not start a heading.
func joinEdits(text string) []edit {
	pooled := joinLinePool.Get().(*[]joinLine)
	lines := appendJoinLines((*pooled)[:0], text)
	defer func() {
		clear(lines) // keep no text alive
		*pooled = lines[:0]
		joinLinePool.Put(pooled)
	}()
	wrap := -1 // wrapWidth(lines) once a short line asks for it: most never do
	var edits []edit
	for i := 0; i+1 < len(lines); i++ {
		prev, next := &lines[i], &lines[i+1]
		if prev.text == "" || next.text == "" || prev.ends || next.heading() || prev.heading() && !fullStops.contains(prev.text) || strings.HasPrefix(prev.text, "——") {
			continue
		}
		if !atLeastRunes(prev.text, 41) && !fullStopsSemi.contains(prev.text) && !midClause(next.text) && !endsOpen(prev.text) {
			if wrap < 0 {
				wrap = wrapWidth(lines)
			}
			if wrap == 0 || prev.width() < wrap-2-paragraphIndent(lines, i) {
				continue // a short line of its own: a heading, title or subtitle
			}
		}
		edits = append(edits, edit{start: prev.end, end: prev.end + 1, kind: kindJoin})
	}
	return edits
}

// midClause reports a break that can only fall inside a sentence, however
// short the line before it: the next line opens with punctuation that
// goes on from something (，、）…) or with a percentage (7.5%，…), which
// no paragraph starts with.
func midClause(next string) bool {
	if r, _ := hanzi.DecodeRune(next, 0); strings.ContainsRune("，,、；;：:。）)”%％", r) {
		return true
	}
	i := 0
	for i < len(next) && (next[i] >= '0' && next[i] <= '9' || i > 0 && next[i] == '.') {
		i++
	}
	return i > 0 && (strings.HasPrefix(next[i:], "%") || strings.HasPrefix(next[i:], "％") || strings.HasPrefix(next[i:], "个百分点"))
}

// endsOpen reports a line that stops where no paragraph, heading or title
// can end: after a comma, an enumeration comma or an opening bracket.
func endsOpen(line string) bool {
	r, _ := hanzi.DecodeLastRune(strings.TrimRight(line, " \t\u3000"))
	return strings.ContainsRune("，,、（(“《", r)
}

// joinLine is a line as joinEdits and wrapWidth read it, each test made
// once: both ask them of every line.
type joinLine struct {
	text string
	end  int  // where the line ends in the text
	ends bool // endsSentence; false for an empty line
	// head is startsHeading(text) as 1 or 0 once heading has been asked,
	// else -1: only lines after one that ends mid-sentence, or that end
	// mid-sentence themselves, are asked.
	head int8
	cols int // lineWidth.Width(text) once width has been asked, else -1
}

// joinLinePool keeps joinEdits' lines from report to report.
var joinLinePool = sync.Pool{New: func() any { return new([]joinLine) }}

// appendJoinLines appends the lines of text to lines.
func appendJoinLines(lines []joinLine, text string) []joinLine {
	lines = slices.Grow(lines, strings.Count(text, "\n")+1)
	forEachLine(text, func(s, e int) {
		l := joinLine{text: text[s:e], end: e, head: -1, cols: -1}
		if l.text == "" {
			l.head = 0
		} else {
			l.ends = endsSentence(l.text)
		}
		lines = append(lines, l)
	})
	return lines
}

func (l *joinLine) heading() bool {
	if l.head < 0 {
		l.head = 0
		if startsHeading(l.text) {
			l.head = 1
		}
	}
	return l.head == 1
}

func (l *joinLine) width() int {
	if l.cols < 0 {
		l.cols = lineWidth.Width(l.text)
	}
	return l.cols
}

// lineWidth measures lines as a page lays them out: ideographs two
// columns, Latin letters and digits one.
var lineWidth = cells.New(false)

// paragraphIndent is how many columns short of the wrap width line i may
// be and still run to the margin: four when it opens a paragraph, which
// a document laid out to the national standard indents by two ideographs
// (the space stage has dropped the indent by now), else none.
func paragraphIndent(lines []joinLine, i int) int {
	if i == 0 {
		return 4
	}
	if before := &lines[i-1]; before.text == "" || before.ends || before.heading() {
		return 4
	}
	return 0
}

// wrapWidth is the width at which a PDF wrapped the report's lines, or 0
// when its lines were not wrapped at one width. Wrapped lines run to the
// right margin, so many lines that end mid-sentence share the largest
// width (give or take a column for a half-width digit); web text, one
// paragraph to a line, has no such width.
func wrapWidth(lines []joinLine) int {
	counts := map[int]int{}
	open := 0 // lines that end mid-sentence
	for i := range lines {
		l := &lines[i]
		if i+1 == len(lines) || l.text == "" || l.ends || l.heading() {
			continue
		}
		open++
		if w := l.width(); w >= 30 {
			counts[w]++
		}
	}
	best, bestN := 0, 0
	for w, n := range counts {
		if n += counts[w-1]; n > bestN || n == bestN && w > best {
			best, bestN = w, n
		}
	}
	if bestN < 3 || bestN*3 < open {
		return 0
	}
	return best
}

// endsSentence reports whether a line ends with sentence-final punctuation,
// allowing closing quotes and brackets after it.
func endsSentence(line string) bool {
	for {
		r, n := hanzi.DecodeLastRune(line)
		switch r {
		case '”', '’', '」', '』', ')', '）', '》', '"', '\'', ' ':
			line = line[:len(line)-n]
			continue
		case '。', '！', '？', '!', '?', '；', ';', '：', ':', '…':
			return true
		}
		return false
	}
}
