package parser

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"baogao/hanzi"
	"baogao/model"
)

// A paragraph is one line of the normalized text.
type paragraph struct {
	start int    // byte offset in the report text
	text  string // the line
}

// node is a section under construction. Its items keep paragraphs and
// child sections in document order until leads are found.
type node struct {
	sec      *model.Section
	style    string
	num      int
	leaf     bool // a lead, keyword or problems section: never has heading children
	progress bool // a task's progress paragraph (进展情况)
	ownKind  model.Kind
	hasOwn   bool
	items    []item
	// The heading's own kind, cached: titleKind is asked many times.
	titleKindVal model.Kind
	titleKindOK  bool
	titleKnown   bool
	// The children among the items, listed once the items are final: by
	// finish, and for the root by buildTree.
	children []*node
}

// item is one thing inside a section: a paragraph of its text or a child.
type item struct {
	para  paragraph
	child *node
}

// arena hands out a report's nodes, sections and short slices from
// chunks: a tree of hundreds of sections then costs a few allocations
// rather than several per section.
type arena struct {
	nodes     []node
	secs      []model.Section
	items     []item
	kids      []*model.Section
	nodeLists []*node
}

// node returns a new node holding a new section.
func (a *arena) node(n node, sec model.Section) *node {
	p, ps := &carve(&a.nodes, 1)[0], &carve(&a.secs, 1)[0]
	*p, *ps = n, sec
	p.sec = ps
	return p
}

// one returns a slice holding just it. Its capacity is one, so appending
// to it moves it off the chunk.
func (a *arena) one(it item) []item {
	s := carve(&a.items, 1)
	s[0] = it
	return s
}

// push is append(items, it), growing the list within the chunks. A full
// list that ends where the chunk's used part ends (the usual case: a
// section's paragraphs come one after another) grows in place.
func (a *arena) push(items []item, it item) []item {
	if len(items) == cap(items) {
		if n := len(a.items); n > 0 && n < cap(a.items) && len(items) > 0 && &a.items[n-1] == &items[len(items)-1] {
			a.items = a.items[:n+1]
			items = a.items[n-len(items) : n : n+1]
		} else {
			grown := carve(&a.items, max(2*cap(items), 4))
			items = grown[:copy(grown, items)]
		}
	}
	return append(items, it)
}

// sections returns an empty slice with room for k sections.
func (a *arena) sections(k int) []*model.Section {
	return carve(&a.kids, k)[:0]
}

// nodeList returns an empty slice with room for k nodes.
func (a *arena) nodeList(k int) []*node {
	return carve(&a.nodeLists, k)[:0]
}

// carve cuts k elements, capacity k, off the chunk, starting a new chunk
// when it has no room. Chunks double from 16 to 256 elements, so a short
// report's tree wastes little.
func carve[T any](chunk *[]T, k int) []T {
	if cap(*chunk)-len(*chunk) < k {
		*chunk = make([]T, 0, max(k, min(2*cap(*chunk), 256), 16))
	}
	n := len(*chunk)
	*chunk = (*chunk)[:n+k]
	return (*chunk)[n : n+k : n+k]
}

// builder turns classified paragraphs into a section tree.
type builder struct {
	arena *arena
	root  node
	stack []*node // open headings, outermost first
	// target receives plain paragraphs: the last heading, or the last
	// keyword or problems section.
	target *node
	// lastHeadingBare is true right after a heading line with no text of
	// its own, when a standalone line is its subtitle, not a heading.
	lastHeadingBare bool
	// Whether the report's numbered headings are its parts (see
	// wrapsReport), once partsScanned.
	partsScanned, numberedParts bool
}

// buildTree builds the sections of a report from its paragraphs, which
// follow any header lines.
func buildTree(paras []paragraph, docTitle string) (preamble []paragraph, sections []*model.Section) {
	// Reports have about as many sections as lines: the first chunks of
	// nodes and sections are sized for that.
	hint := len(paras) + 16
	b := &builder{arena: &arena{nodes: make([]node, 0, hint), secs: make([]model.Section, 0, hint)}}
	b.target = &b.root
	for i, p := range paras {
		b.add(p, paras[i+1:])
	}
	inferMissingNumbers(&b.root)
	b.root.children = b.root.childNodes(b.arena)
	for _, n := range b.root.children {
		n.finish(b.arena)
	}
	for _, it := range b.root.items {
		if it.child == nil {
			preamble = append(preamble, it.para)
		}
	}
	doc, hasDoc := documentKind(docTitle)
	resolveKinds(&b.root, doc, hasDoc)
	for _, n := range b.root.children {
		sections = append(sections, n.sec)
	}
	return preamble, sections
}

func (b *builder) add(p paragraph, rest []paragraph) {
	if m, ok := lexMarker(p.text); ok {
		title, body := splitTitle(p.text[m.end:])
		n := b.open(m.style, len(b.depthOf(m.style)), p.start)
		n.sec.Label, n.sec.Title, n.num = m.label, title, m.num
		b.lastHeadingBare = body == ""
		if body != "" {
			n.items = b.arena.one(item{para: paragraph{start: p.start + len(p.text) - len(body), text: body}})
		}
		return
	}
	if isAppendix(p.text) {
		// What follows the report proper stands beside its parts, whatever
		// was open, and is of no kind.
		n := b.open("appendix", 0, p.start)
		n.sec.Title, n.ownKind, n.hasOwn = strings.TrimRight(p.text, ":："), model.KindOther, true
		b.lastHeadingBare = true
		return
	}
	// Keywords and problems openings sit in a paragraph's first words.
	// Folding them costs an allocation, so it waits until an early colon
	// or a word the problems pattern needs is there, and takes only the
	// words the tests then read (see scanHead): folding makes none of
	// those out of other characters (foldPreimagesTest checks). Even then
	// a head without a traditional character is read as it is: the
	// keyword and problems tests give the same answers for it as for its
	// fold, which differs only in width forms (see lexKeyword).
	head, worthFolding := scanHead(p.text)
	folded := ""
	switch {
	case worthFolding && hanzi.FoldsHan(head):
		folded = hanzi.Fold(head)
	case worthFolding:
		folded = head
	}
	if title, bodyStart, kw, ok := lexKeyword(p.text, folded); ok && bodyStart <= len(p.text) {
		parent := b.innermost()
		style := "keyword"
		if kw.progress {
			style = "progress" // kept in metric paths, unlike other keyword paragraphs
		}
		n := b.leafUnder(parent, p.start, style)
		n.sec.Title, n.ownKind, n.hasOwn, n.progress = title, kw.kind, true, kw.progress
		if body := strings.TrimSpace(p.text[bodyStart:]); body != "" {
			if title != runePrefix(p.text, utf8.RuneCountInString(title)) {
				body = p.text // a lead-in like "今年…的主要预期目标是:" stays readable
			}
			n.items = b.arena.one(item{para: paragraph{start: p.start + len(p.text) - len(body), text: body}})
		}
		b.lastHeadingBare = false
		return
	}
	if isProblems(folded) && !b.insideProblems() {
		// Shortcomings close the chapters above them and belong to the part.
		if len(b.stack) > 1 {
			b.stack = b.stack[:1]
		}
		n := b.leafUnder(b.innermost(), p.start, "problems")
		n.sec.Title, n.ownKind, n.hasOwn = "*", model.KindProblems, true
		n.items = b.arena.one(item{para: p})
		b.lastHeadingBare = false
		return
	}
	if isStandalone(p.text) && !b.lastHeadingBare && startsParagraphs(rest) && !b.wrapsReport(p.text, rest) {
		n := b.open("none", b.unnumberedDepth(rest), p.start)
		n.sec.Title = p.text
		b.lastHeadingBare = true
		return
	}
	b.lastHeadingBare = false
	b.target.items = b.arena.push(b.target.items, item{para: p})
}

// scanHead returns, in one pass, the start of a paragraph that the
// keyword and problems tests read, and whether they can match at all. The
// problems test reads the first 60 runes and needs 到, 在 or 和不足 there
// (mayOwnProblems); the keyword test reads up to a colon among the first
// 31 runes. So the head is the first 64 runes when the problems test may
// match, else the runes up to and including a colon that comes that
// early, and folding it costs no more than that.
func scanHead(text string) (head string, worthFolding bool) {
	runes, colonEnd, colonSeen, problems := 0, 0, false, false
	i := 0
	for ; i < len(text) && runes < 64; runes++ {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			if r, size = hanzi.DecodeFast(text, i); size == 0 {
				r, size = hanzi.DecodeRune(text, i)
			}
		}
		switch r {
		case ':', '：':
			if !colonSeen && runes <= 30 {
				colonEnd = i + size
			}
			colonSeen = true
		case '到', '在':
			problems = problems || runes < 60
		case '和':
			// 和不足 must end within the first 60 runes
			problems = problems || runes+2 < 60 && strings.HasPrefix(text[i:], "和不足")
		}
		i += size
	}
	switch {
	case problems:
		return text[:i], true
	case colonEnd > 0:
		return text[:colonEnd], true
	}
	return "", false
}

// startsParagraphs reports whether a standalone line is followed by text
// (or another heading), as a heading is. The last line of a report is not a
// heading, nor is a sign-off followed only by its date ("××区人民政府" /
// "2023年7月25日"); sign-offs close a report, so only its last lines are
// read.
func startsParagraphs(rest []paragraph) bool {
	if len(rest) > 3 {
		return true
	}
	for _, p := range rest {
		if !reDateLine.MatchString(p.text) {
			return true
		}
	}
	return false
}

// reDateLine is a line holding only a date, as under a sign-off.
var reDateLine = regexp.MustCompile(`^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*$`)

// wrapsReport reports whether an unnumbered line at the head of the report
// would hold every numbered part after it: a byline ("××市市长 张明") or
// web debris left above "一、…". A real unnumbered part either names its
// kind ("上半年工作回顾") or has siblings, after which the numbering starts
// again; a line that does neither is kept as preamble text.
func (b *builder) wrapsReport(title string, rest []paragraph) bool {
	if slices.ContainsFunc(b.root.items, func(it item) bool { return it.child != nil }) {
		return false
	}
	if _, ok := titleKind(title); ok {
		return false
	}
	if !b.partsScanned {
		b.partsScanned = true
		b.numberedParts = numberedParts(rest)
	}
	return b.numberedParts
}

// numberedParts reports whether the paragraphs hold numbered headings whose
// first numbering never starts again after an unnumbered line. Every caller
// comes before the first numbered heading, so the answer is the same for
// all of them and is worked out once.
func numberedParts(rest []paragraph) bool {
	var first marker
	found, standalone := false, false
	for _, p := range rest {
		m, ok := lexMarker(p.text)
		switch {
		case ok && !found:
			first, found = m, true
		case ok:
			if m.style == first.style && m.num == first.num && standalone {
				return false
			}
		case found && isStandalone(p.text):
			standalone = true
		}
	}
	return found
}

// depthOf returns the open stack above the style's level: the stack up to
// the style's place when it is open, else the whole stack.
func (b *builder) depthOf(style string) []*node {
	for i, n := range b.stack {
		if n.style == style {
			return b.stack[:i]
		}
	}
	return b.stack
}

// unnumberedDepth places an unnumbered heading. It sits beside earlier
// unnumbered headings; among numbered ones it takes the level above the
// next numbered heading, so "加强政府自身建设" before "96." stands beside
// the chapters that hold tasks 1–95.
func (b *builder) unnumberedDepth(rest []paragraph) int {
	for i, n := range b.stack {
		if n.style == "none" {
			return i
		}
	}
	for _, p := range rest {
		m, ok := lexMarker(p.text)
		if !ok {
			continue
		}
		for i, n := range b.stack {
			if n.style == m.style {
				if i == 0 {
					return 1
				}
				return i - 1
			}
		}
		break
	}
	return len(b.stack)
}

// open starts a heading section at depth, closing deeper ones.
func (b *builder) open(style string, depth int, start int) *node {
	if depth > len(b.stack) {
		depth = len(b.stack)
	}
	b.stack = b.stack[:depth]
	parent := &b.root
	if depth > 0 {
		parent = b.stack[depth-1]
	}
	n := b.arena.node(node{style: style}, model.Section{Style: style, Offset: start})
	parent.items = b.arena.push(parent.items, item{child: n})
	b.stack = append(b.stack, n)
	b.target = n
	return n
}

// leafUnder adds a keyword or problems section under parent. Plain
// paragraphs after it still go to parent's items: finish decides whether
// they continue the leaf or open leads of their own.
func (b *builder) leafUnder(parent *node, start int, style string) *node {
	n := b.arena.node(node{style: style, leaf: true}, model.Section{Style: style, Offset: start})
	parent.items = b.arena.push(parent.items, item{child: n})
	b.target = parent
	return n
}

func (b *builder) innermost() *node {
	if len(b.stack) == 0 {
		return &b.root
	}
	return b.stack[len(b.stack)-1]
}

func (b *builder) insideProblems() bool {
	for _, n := range b.stack {
		if k, ok := n.titleKind(); ok && k == model.KindProblems {
			return true
		}
	}
	return false
}

// inferMissingNumbers gives a chapter whose number mojibake destroyed
// ("()") the number that follows its previous sibling of the same style.
func inferMissingNumbers(n *node) {
	prev := map[string]int{}
	for _, it := range n.items {
		c := it.child
		if c == nil {
			continue
		}
		if c.style == "cn-paren" && c.num == 0 {
			c.num = prev[c.style] + 1
			c.sec.Label = "(" + cnNumeral(c.num) + ")"
		}
		if c.num > 0 {
			prev[c.style] = c.num
		}
		inferMissingNumbers(c)
	}
}

// headingChildren reports whether n holds numbered or unnumbered headings
// (as opposed to leads, keyword and problems sections only).
func (n *node) headingChildren() bool {
	for _, it := range n.items {
		if it.child != nil && !it.child.leaf {
			return true
		}
	}
	return false
}

// childNodes lists the children among n's items.
func (n *node) childNodes(a *arena) []*node {
	kids := 0
	for _, it := range n.items {
		if it.child != nil {
			kids++
		}
	}
	out := a.nodeList(kids)
	for _, it := range n.items {
		if it.child != nil {
			out = append(out, it.child)
		}
	}
	return out
}

// finish turns a node's items into its section: leads become children,
// paragraphs become text.
func (n *node) finish(a *arena) {
	if !n.leaf && !n.headingChildren() && !isListStyle(n.style) {
		n.items = findLeads(n.items, a)
	}
	target := n
	// Size the lists once: leads have just been added to the items.
	kids := 0
	for _, it := range n.items {
		if it.child != nil {
			kids++
		}
	}
	n.children = a.nodeList(kids)
	if kids > 0 {
		n.sec.Children = a.sections(kids)
	}
	own := make([]string, 0, len(n.items)-kids)
	for _, it := range n.items {
		if it.child != nil {
			n.children = append(n.children, it.child)
			n.sec.Children = append(n.sec.Children, it.child.sec)
			it.child.finish(a)
			if it.child.leaf {
				target = it.child
			} else {
				target = n
			}
			continue
		}
		if target == n {
			own = append(own, it.para.text)
		} else {
			target.sec.Text = joinText(target.sec.Text, it.para.text)
		}
	}
	n.sec.Text = joinText(strings.Join(own, "\n"), n.sec.Text)
}

func joinText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

// findLeads splits a section's paragraphs at lead sentences. When several
// paragraphs open with a lead, only paragraph openings count; otherwise the
// chapter is written as one block and leads are looked for inside it too.
// Leads of one chapter are written in parallel, so an inline candidate much
// longer or shorter than its siblings is ordinary narration.
func findLeads(items []item, a *arena) []item {
	// What the first passes read of each paragraph, kept for the last.
	type reading struct {
		title       string
		rest        int
		ok          bool     // the paragraph opens with a lead
		inlineShape bool     // that lead has an inline lead's shape
		leads       [][2]int // inlineLeads of the text after the lead (all of it when !ok)
	}
	readings := make([]reading, len(items))
	starts := 0
	for i, it := range items {
		if it.child != nil {
			continue
		}
		rd := &readings[i]
		if rd.title, rd.rest, rd.ok = paragraphLead(it.para.text); rd.ok {
			starts++
		}
	}
	// Inline leads, and the lengths keep compares, matter only when the
	// chapter is written as one block: otherwise they are not looked for.
	inline := starts < 2
	var lengths []int
	for i, it := range items {
		if it.child != nil || !inline {
			continue
		}
		rd := &readings[i]
		text := it.para.text
		if rd.ok {
			if rd.inlineShape = leadShape(rd.title, true); rd.inlineShape {
				lengths = append(lengths, hanzi.CountHan(rd.title))
			}
			text = text[rd.rest:]
		}
		rd.leads = inlineLeads(text)
		for _, l := range rd.leads {
			lengths = append(lengths, hanzi.CountHan(text[l[0]:l[1]]))
		}
	}
	if starts == 0 && !slices.ContainsFunc(readings, func(rd reading) bool { return len(rd.leads) > 0 }) {
		return items // no lead anywhere: the items stand as they are
	}
	med := 0
	if len(lengths) >= 3 {
		med = median(lengths)
	}
	keep := func(title string) bool {
		if len(lengths) < 3 {
			return true
		}
		d := hanzi.CountHan(title) - med
		return d >= -2 && d <= 2
	}
	var out []item
	for i, it := range items {
		if it.child != nil {
			out = a.push(out, it)
			continue
		}
		p := it.para
		rd := &readings[i]
		if title, rest := rd.title, rd.rest; rd.ok && (!inline || (rd.inlineShape && keep(title)) || strings.HasSuffix(title, "上")) {
			if !inline {
				out = a.push(out, leadItem(a, p, title, rest))
				continue
			}
			// The detail after the lead may hold further leads.
			out = a.push(out, leadItem(a, paragraph{start: p.start, text: p.text[:rest]}, title, rest))
			out = splitInline(a, out, paragraph{start: p.start + rest, text: p.text[rest:]}, rd.leads, keep)
			continue
		}
		if inline {
			leads := rd.leads
			if rd.ok {
				leads = inlineLeads(p.text) // the first pass read only the text after the lead
			}
			out = splitInline(a, out, p, leads, keep)
			continue
		}
		out = a.push(out, item{para: p})
	}
	return out
}

// median sorts xs and returns its middle value.
func median(xs []int) int {
	slices.Sort(xs)
	return xs[len(xs)/2]
}

// splitInline cuts a paragraph at the leads inside it (found, its
// inlineLeads) that keep accepts, and appends the pieces to out.
func splitInline(a *arena, out []item, p paragraph, found [][2]int, keep func(title string) bool) []item {
	var leads [][2]int
	for _, l := range found {
		sentence := p.text[l[0]:l[1]]
		_, s := hanzi.DecodeLastRune(sentence)
		if keep(sentence[:len(sentence)-s]) {
			leads = append(leads, l)
		}
	}
	if len(leads) == 0 {
		return a.push(out, item{para: p})
	}
	if head := p.text[:leads[0][0]]; head != "" {
		out = a.push(out, item{para: paragraph{start: p.start, text: head}})
	}
	for i, l := range leads {
		end := len(p.text)
		if i+1 < len(leads) {
			end = leads[i+1][0]
		}
		sentence := p.text[l[0]:l[1]]
		_, s := hanzi.DecodeLastRune(sentence)
		seg := paragraph{start: p.start + l[0], text: p.text[l[0]:end]}
		out = a.push(out, leadItem(a, seg, sentence[:len(sentence)-s], l[1]-l[0]))
	}
	return out
}

// leadItem makes a lead section from paragraph p whose first rest bytes
// are the lead sentence titled title.
func leadItem(a *arena, p paragraph, title string, rest int) item {
	n := a.node(node{style: "lead", leaf: true}, model.Section{Style: "lead", Title: title, Offset: p.start})
	if body := strings.TrimSpace(p.text[rest:]); body != "" {
		n.items = a.one(item{para: paragraph{start: p.start + rest, text: body}})
	}
	return item{child: n}
}
