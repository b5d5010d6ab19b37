package parser

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"baogao/hanzi"
)

// Filling dropped pairs. The damaging decoder dropped every misaligned pair
// it could not map, and with it the trail byte of one original character
// and the lead byte of the next. Nothing marks the place, but the loss is
// constrained: the two bytes, read as a pair, must be unmapped in GBK
// (user-defined rows AA–AF and F8–FE, unassigned symbol codes). So a
// reading that drops nothing competes with readings that, at some gap,
// put back one or two dropped pairs, and a language model — general
// (hanzi.Model) mixed with the pairs of the report's own undamaged text —
// picks the likeliest. The search is a beam over byte positions that keeps
// the best hypothesis per last character (a bigram model needs no more).

// The weights were chosen on TestFillDroppedPairs (phrases of the
// simplified seeds, damaged): a bonus per character offsets the model's
// bias against readings with more characters.
const (
	fillBeam      = 8   // hypotheses kept per position
	fillCharBonus = 3.0 // bits per character
	fillDocWeight = 0.5 // weight of the report's own pairs where it knows the previous character
	fillDocPrior  = 3.0 // pseudo-count added to the previous character's count
	fillPunctProb = 1.0 / 128
	fillOtherProb = 1.0 / (1 << 24) // symbols, Greek, kana: what mojibake is made of
	fillSkipCost  = 12.0            // bits for giving up on a pair
	fillASCIICost = 1.0             // bits for an ASCII byte, so a pair that explains it wins
)

// fillEnd stands for the byte after the stream (mbLost and mbBreak are -1, -2).
const fillEnd = -3

// fillPunct are the punctuation marks a filled pair may produce.
const fillPunct = "（）、，。：；“”"

type fillCand struct {
	lead, trail int
	r           rune
	fold        rune      // r as the models read it (foldHan)
	class       fillClass // what kind of character r is
	// What a new word starting with it would score, and the word model's
	// state after it: most candidates do no more than that (see scan).
	start float64
	fresh hanzi.State
}

// fillClass sorts candidates for scoring.
type fillClass uint8

const (
	fillHan   fillClass = iota
	fillMark            // one of fillPunct
	fillOther           // symbols, Greek, kana
)

// newFillCand describes the character r at bytes lead trail.
func newFillCand(lead, trail int, r rune) fillCand {
	c := fillCand{lead: lead, trail: trail, r: r, fold: foldHan(r), class: fillOther, start: fillOtherProb}
	switch {
	case strings.ContainsRune(fillPunct, r):
		c.class, c.start = fillMark, fillPunctProb
	case hanzi.IsHan(r):
		lm := hanzi.LanguageModel()
		c.class, c.start, c.fresh = fillHan, lm.StartProb(c.fold), lm.Start(c.fold)
	}
	return c
}

// fillTables index the characters a dropped pair can hide.
type fillTables struct {
	byLead    [256][]fillCand // common characters by lead, whose trail can begin a dropped pair
	byLeadAll [256][]fillCand // common characters by lead
	byTrail   [256][]fillCand // common characters by trail
	topTrail  [256][]fillCand // of those, the likeliest to start a word
	all       []fillCand      // every common character, by its first code
	index     []uint16        // BMP rune → 1 + its place in all, 0 if not common
	trailOf   []uint8         // BMP rune → its trail byte in all, 0 if not common
	tradAt    []uint16        // BMP simplified rune → 1 + its place in trad, 0 if none
	trad      [][]fillCand    // the common traditional forms of a simplified rune
	dropped   [0x7F][2]uint64 // mbDropped(x, y) for x 0x81–0xFF, y 0x81–0xFE, as bits (2 KB instead of the pair table)
	slot      []fillSlot      // per slot of the word model (hanzi.Model.Slots): its character as a candidate
}

// fillSlot is a child in the word model as the search sees it. The search
// walks the likeliest children of a node for thousands of hypotheses:
// reading what it needs of each from one array in the model's order costs
// far fewer cache misses than looking up the character, then its
// candidate, in tables indexed by rune.
type fillSlot struct {
	cand        uint16 // 1 + its place in all, 0 if not common
	lead, trail uint8  // all[cand-1]'s bytes
}

// follows gives the likeliest children of s, at most limit of them, and
// their slots.
func (tab *fillTables) follows(lm *hanzi.Model, s hanzi.State, limit int) ([]hanzi.State, []fillSlot) {
	kids, at := lm.Follows(s, limit)
	return kids, tab.slot[at : at+len(kids)]
}

// fillTop is how many characters per trail byte are tried as a lost
// character's successor when neither model knows the pair.
const fillTop = 16

// fillFollow is how many of the model's successors of a character are tried.
const fillFollow = 48

// fillMid is how many are tried for a character lost whole.
const fillMid = 16

var (
	fillTab     fillTables
	fillTabOnce sync.Once
)

func fillCommon(lm *hanzi.Model, r rune) bool {
	if strings.ContainsRune(fillPunct, r) {
		return true
	}
	return decClass(r)&(decLevel1|decLevel2|decBig5Common) != 0 && lm.Known(hanzi.FoldRune(r))
}

// mbDropped reports whether a misaligned pair x y was dropped: x is an
// original trail, y the next original lead, and together they map to nothing.
func mbDropped(t *decCharset, x, y int) bool {
	return x >= 0x81 && y >= 0x81 && y <= 0xFE && mbPair(t, x, y) == 0
}

// drops is mbDropped, from the bit table: the search asks it thousands of
// times, and the pair table it reads is large.
func (tab *fillTables) drops(x, y int) bool {
	x, y = min(x, 0xFF)-0x81, y-0x81 // no pair has a lead above 0xFE
	if uint(x) >= 0x7F || uint(y) >= 0x7E {
		return false
	}
	return tab.dropped[x][y>>6]>>(y&63)&1 != 0
}

func fillBuild() {
	t := decTables()
	lm := hanzi.LanguageModel()
	canBeginDrop := [256]bool{}
	for x := 0x81; x <= 0xFF; x++ {
		for y := 0x81; y <= 0xFE; y++ {
			if mbDropped(t, x, y) {
				fillTab.dropped[x-0x81][(y-0x81)>>6] |= 1 << ((y - 0x81) & 63)
				canBeginDrop[x] = true
			}
		}
	}
	fillTab.index = make([]uint16, 1<<16)
	fillTab.trailOf = make([]uint8, 1<<16)
	for lead := 0x81; lead <= 0xFE; lead++ {
		for trail := 0x40; trail <= 0xFE; trail++ {
			r := mbPair(t, lead, trail)
			if r == 0 || r > 0xFFFF || !fillCommon(lm, r) {
				continue
			}
			c := newFillCand(lead, trail, r)
			if fillTab.index[r] == 0 {
				fillTab.all = append(fillTab.all, c)
				fillTab.index[r] = uint16(len(fillTab.all))
				fillTab.trailOf[r] = uint8(trail)
			}
			fillTab.byLeadAll[lead] = append(fillTab.byLeadAll[lead], c)
			fillTab.byTrail[trail] = append(fillTab.byTrail[trail], c)
			if canBeginDrop[trail] {
				fillTab.byLead[lead] = append(fillTab.byLead[lead], c)
			}
		}
	}
	slots := lm.Slots()
	fillTab.slot = make([]fillSlot, len(slots))
	for i, kid := range slots {
		if k := fillTab.index[lm.Char(kid)]; k != 0 {
			c := &fillTab.all[k-1]
			fillTab.slot[i] = fillSlot{cand: k, lead: uint8(c.lead), trail: uint8(c.trail)}
		}
	}
	fillTab.tradAt = make([]uint16, 1<<16)
	for _, c := range fillTab.all {
		s := foldHan(c.r)
		if s == c.r || s > 0xFFFF { // the report's characters are BMP
			continue
		}
		if alt := hanzi.ToTraditional(string(s)); strings.ContainsRune(alt, c.r) && alt != string(s) {
			if fillTab.tradAt[s] == 0 {
				fillTab.trad = append(fillTab.trad, nil)
				fillTab.tradAt[s] = uint16(len(fillTab.trad))
			}
			k := fillTab.tradAt[s] - 1
			fillTab.trad[k] = append(fillTab.trad[k], c)
		}
	}
	for trail, cands := range fillTab.byTrail {
		top := slices.Clone(cands)
		slices.SortStableFunc(top, func(a, b fillCand) int {
			return cmp.Compare(lm.StartProb(foldHan(b.r)), lm.StartProb(foldHan(a.r)))
		})
		fillTab.topTrail[trail] = top[:min(fillTop, len(top)):min(fillTop, len(top))]
	}
}

// docModel counts the character pairs of the report's text (folded to
// simplified) so the search prefers the report's own wording. Characters
// get small ids in order of appearance. The search asks about the
// characters after a few hundred of them at most, so reset only chains
// each pair to the previous one with the same first character, in text
// order (appends, no hashing); a character's followers and their counts
// are gathered from its chain when first asked for. ASCII gets no id: the
// search never asks about it. A filler keeps its
// docModel, whose tables are reused from report to report.
type docModel struct {
	id    *[1 << 16]uint16 // BMP rune → 1 + id of its folded form; docBreak where pairs break (an array: no bounds checks)
	set   []uint16         // the runes whose id is set, to clear for the next report
	runes []rune           // id → folded rune
	fill  []docFill        // id → its candidates for a dropped pair, looked up on first use
	uni   []int32          // id → times followed by something
	last  []int32          // id → its last pair in pairs, -1 if none
	pairs []docPair
	// The characters seen after each one, in order of first appearance,
	// built on first use: after[id] is afterIDs[afterStart[id]:afterEnd[id]]
	// (afterStart -1 until built), with their counts in afterN.
	afterStart, afterEnd []int32
	afterIDs             []uint16
	afterN               []int32
	// The followers of id focus are stamped in seen, with their place in afterIDs in slot.
	focus      int
	focusStamp uint32
	seen       []uint32
	slot       []int32
	chain      []uint16 // focusOn's scratch
	mark       []uint32 // id → stamp of the last markAfter that saw it after its character
}

// docFill is what fillTab has for a character of the report: the search
// asks about the same few characters for every hypothesis.
type docFill struct {
	cand  uint16 // 1 + its place in fillTab.all, 0 if not common
	trad  uint16 // fillTab.tradAt
	trail uint8  // fillTab.trailOf
	ok    bool   // looked up
}

// fillOf gives id b's docFill.
func (d *docModel) fillOf(b uint16) *docFill {
	fi := &d.fill[b]
	if !fi.ok {
		n := d.runes[b]
		*fi = docFill{cand: fillTab.index[n], trad: fillTab.tradAt[n], trail: fillTab.trailOf[n], ok: true}
	}
	return fi
}

// docPair is one pair of the text: its second character, and the
// previous pair with the same first character (-1 if none).
type docPair struct {
	back int32
	b    uint16
}

// docBreak marks runes that are not text a pair can span: spaces, symbols
// of mojibake, and runes past the table.
const docBreak = 0xFFFF

// reset makes d the model of text.
func (d *docModel) reset(text string) {
	if d.id == nil {
		d.id = new([1 << 16]uint16)
	}
	for _, r := range d.set {
		d.id[r] = 0
	}
	d.set, d.runes, d.fill, d.uni, d.last, d.pairs = d.set[:0], d.runes[:0], d.fill[:0], d.uni[:0], d.last[:0], d.pairs[:0]
	d.afterStart, d.afterEnd, d.afterIDs, d.afterN = d.afterStart[:0], d.afterEnd[:0], d.afterIDs[:0], d.afterN[:0]
	d.focus = -1
	prev := -1
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			// The search never asks what follows ASCII, nor whether ASCII
			// follows something (its characters are GBK pairs): ASCII only
			// counts as something that follows, or as a break.
			i++
			if prev >= 0 && c > ' ' {
				d.uni[prev]++
			}
			prev = -1
			continue
		}
		r, size := hanzi.DecodeFast(text, i)
		if size == 0 {
			r, size = hanzi.DecodeRune(text, i)
		}
		i += size
		if r > 0xFFFF {
			prev = -1
			continue
		}
		cur := int(d.id[r&0xFFFF]) - 1
		if cur < 0 {
			cur = d.assign(r)
		}
		if cur == docBreak-1 {
			prev = -1
			continue
		}
		if prev >= 0 {
			d.uni[prev]++
			d.pairs = append(d.pairs, docPair{back: d.last[prev], b: uint16(cur)})
			d.last[prev] = int32(len(d.pairs) - 1)
		}
		prev = cur
	}
}

// assign gives r (seen for the first time) the id of its folded form, or
// marks it as a break, and returns id, or docBreak-1 for a break.
func (d *docModel) assign(r rune) int {
	d.set = append(d.set, uint16(r))
	if r == '\u3000' || mbTrigger(r) { // reset takes ASCII, spaces and all, itself
		d.id[r] = docBreak
		return docBreak - 1
	}
	f := foldHan(r) // as extend folds
	if f > 0xFFFF {
		d.id[r] = docBreak
		return docBreak - 1
	}
	if d.id[f] != 0 && d.id[f] != docBreak {
		d.id[r] = d.id[f]
		return int(d.id[f]) - 1
	}
	if len(d.runes) == docBreak-1 {
		d.id[r] = docBreak
		return docBreak - 1
	}
	d.runes = append(d.runes, f)
	d.fill = append(d.fill, docFill{})
	d.uni = append(d.uni, 0)
	d.last = append(d.last, -1)
	d.afterStart = append(d.afterStart, -1)
	d.afterEnd = append(d.afterEnd, -1)
	d.id[r] = uint16(len(d.runes))
	d.id[f] = d.id[r] // queries ask by the folded form
	d.set = append(d.set, uint16(f))
	return len(d.runes) - 1
}

// known gives the id of a folded rune the report contains.
func (d *docModel) known(r rune) (int, bool) {
	if r < 0 || r > 0xFFFF || d.id[r] == 0 || d.id[r] == docBreak {
		return 0, false
	}
	return int(d.id[r]) - 1, true
}

// counts gives how often prev was followed by anything, and by r.
func (d *docModel) counts(prev, r rune) (n, pair int32) {
	a, ok := d.known(prev)
	if !ok {
		return 0, 0
	}
	n = d.uni[a]
	b, ok := d.known(r)
	if !ok || n == 0 {
		return n, 0
	}
	d.focusOn(a)
	if d.seen[b] != d.focusStamp {
		return n, 0
	}
	return n, d.afterN[d.slot[b]]
}

// afterID gives the ids seen after id a, in order of first appearance.
func (d *docModel) afterID(a int) []uint16 {
	if d.afterStart[a] < 0 {
		d.focusOn(a)
	}
	return d.afterIDs[d.afterStart[a]:d.afterEnd[a]]
}

// focusOn stamps the followers of id a in seen, building them first if
// need be.
func (d *docModel) focusOn(a int) {
	if a == d.focus {
		return
	}
	if len(d.seen) < len(d.runes) {
		d.seen = make([]uint32, len(d.runes)) // stamps only grow: no need to clear
		d.slot = make([]int32, len(d.runes))
	}
	d.focus = a
	d.focusStamp++
	if d.focusStamp == 0 { // wrapped: old stamps would match
		clear(d.seen)
		d.focusStamp = 1
	}
	if d.afterStart[a] >= 0 {
		for i := d.afterStart[a]; i < d.afterEnd[a]; i++ {
			b := d.afterIDs[i]
			d.seen[b], d.slot[b] = d.focusStamp, i
		}
		return
	}
	// The chain runs from the last pair back.
	chain := d.chain[:0]
	for p := d.last[a]; p >= 0; p = d.pairs[p].back {
		chain = append(chain, d.pairs[p].b)
	}
	d.chain = chain
	start := int32(len(d.afterIDs))
	for k := len(chain) - 1; k >= 0; k-- {
		b := chain[k]
		if d.seen[b] != d.focusStamp {
			d.seen[b], d.slot[b] = d.focusStamp, int32(len(d.afterIDs))
			d.afterIDs = append(d.afterIDs, b)
			d.afterN = append(d.afterN, 0)
		}
		d.afterN[d.slot[b]]++
	}
	d.afterStart[a], d.afterEnd[a] = start, int32(len(d.afterIDs))
}

// markAfter stamps the characters seen after prev, for marked, and
// reports whether any were (whether counts's n is above 0).
func (d *docModel) markAfter(prev rune, stamp uint32) bool {
	a, ok := d.known(prev)
	if !ok || d.uni[a] == 0 {
		return false
	}
	if len(d.mark) < len(d.runes) {
		d.mark = make([]uint32, len(d.runes)) // stamps only grow: no need to clear
	}
	for _, b := range d.afterID(a) {
		d.mark[b] = stamp
	}
	return true
}

// marked reports whether the last markAfter with stamp saw r.
func (d *docModel) marked(r rune, stamp uint32) bool {
	b, ok := d.known(r)
	return ok && d.mark[b] == stamp
}

// mbFiller searches a misaligned stream for its likeliest reading.
type mbFiller struct {
	slab       []fillOut
	layer, mid fillBeamSet   // bridge's working sets
	beams      []fillBeamSet // search's, one per byte position
	grown      fillBeamSet   // complete's
	t          *decCharset
	lm         *hanzi.Model
	doc        *docModel // &docBuf while in use
	docBuf     docModel
	kids       *[1 << 16 / 64]uint64 // a bit per BMP rune: it can go on the word of the hypothesis last prepared
	kidsSet    []uint16              // the runes whose bit is set, to clear at the next prepare
	kidsOf     hanzi.State           // whose kids they are
	stamp      uint32                // of the last prepare, for the docModel's marks
	// What setFloor was last asked, and its answer.
	floorX, floorP float64
}

// fillers keeps fillers between reports: their docModel's tables, the
// stamps and the beams are large and every report with mojibake needs them.
var fillers sync.Pool

// newFiller gives a filler for the runs of text, with text's docModel.
func newFiller(text string) *mbFiller {
	fillTabOnce.Do(fillBuild)
	f, ok := fillers.Get().(*mbFiller)
	if !ok {
		f = &mbFiller{t: decTables(), lm: hanzi.LanguageModel()}
	}
	f.docBuf.reset(text)
	f.doc = &f.docBuf
	return f
}

// release hands f's working sets to the next search.
func (f *mbFiller) release() {
	f.doc = nil
	f.slab = f.slab[:0]
	fillers.Put(f)
}

// extend adds to dst the ways the reading h can go on with c, scored in
// bits (higher is better) less cost: the word model's ways (go on with the
// word or start a new one), each mixed with the report's own pairs. kid
// is c's node among the children of h's state when the caller has it from
// Follows, saving its lookup (0: look it up).
func (f *mbFiller) extend(h *fillHyp, c *fillCand, kid hanzi.State, cost float64, dst *fillBeamSet) {
	docP, docKnows := 0.0, false
	if n, pair := f.doc.counts(h.lastFold, c.fold); n > 0 {
		// Discounted: a character seen twice says little about what follows it.
		docP, docKnows = float64(pair)/(float64(n)+fillDocPrior), true
	}
	var goOn hanzi.State
	var pGo float64 // 0 when c cannot go on h's word
	if c.class == fillHan {
		// kid's character is c.r (the slots give each child's own
		// candidate), which may fold to another character.
		if c.r != c.fold {
			kid = 0
		}
		goOn, pGo = f.lm.GoOn(h.state, kid, c.fold)
	}
	pNew := f.lm.End(h.state) * c.start
	if docKnows {
		pNew = (1-fillDocWeight)*pNew + fillDocWeight*docP
	}
	if pGo > 0 {
		if docKnows {
			pGo = (1-fillDocWeight)*pGo + fillDocWeight*docP
		}
		if pGo > f.floor(dst, h.score, cost) {
			f.emit(h, c, goOn, pGo, cost, dst)
		}
	}
	if pNew > f.floor(dst, h.score, cost) {
		f.emit(h, c, c.fresh, pNew, cost, dst)
	}
}

// extendAll extends the hypotheses (best first) with every candidate of
// l, as extend would.
func (f *mbFiller) extendAll(hyps []fillHyp, l []fillCand, dst *fillBeamSet) {
	for _, h := range hyps {
		if dst.closed(h, 0) {
			break
		}
		f.scan(&h, l, false, dst)
	}
}

// prepare marks the characters that can go on h's word and those the
// report has after h's last character, for scan, and reports whether the
// report has any (whether counts's n is above 0). The kids are bits, 8 KB
// for the BMP: the search stays in the first-level cache.
func (f *mbFiller) prepare(h *fillHyp) (docKnows bool) {
	if f.kids == nil {
		f.kids = new([1 << 16 / 64]uint64)
	}
	if kids := f.kids; h.state != f.kidsOf {
		for _, r := range f.kidsSet {
			kids[r>>6] = 0 // every bit set is one of kidsSet's
		}
		f.kidsSet, f.kidsOf = f.lm.Kids(h.state), h.state
		for _, r := range f.kidsSet {
			kids[r>>6] |= 1 << (r & 63)
		}
	}
	f.stamp++
	if f.stamp == 0 { // wrapped: old stamps would match
		clear(f.doc.mark)
		f.stamp = 1
	}
	return f.doc.markAfter(h.lastFold, f.stamp)
}

// goesOn reports whether r can go on the word of the hypothesis last prepared.
func (f *mbFiller) goesOn(r rune) bool {
	return uint32(r) <= 0xFFFF && f.kids[r>>6]>>(r&63)&1 != 0
}

// scan extends h with the candidates of l, as extend would; only those
// whose lead makes a dropped pair with h's trail if dropped. Most
// candidates neither go on h's word nor follow its last character in the
// report: they can only start a new word, which l has scored beforehand,
// so only the others pay for extend. h is prepared for them on the first
// candidate left: of a dropped list often none is.
func (f *mbFiller) scan(h *fillHyp, l []fillCand, dropped bool, dst *fillBeamSet) {
	prepared, docKnows := false, false
	end := f.lm.End(h.state)
	floor := f.floor(dst, h.score, 0)
	for i := range l {
		c := &l[i]
		if dropped && !fillTab.drops(int(h.trail), c.lead) {
			continue
		}
		if !prepared {
			docKnows, prepared = f.prepare(h), true
		}
		if f.goesOn(c.fold) || docKnows && f.doc.marked(c.fold, f.stamp) {
			f.extend(h, c, 0, 0, dst)
			floor = f.floor(dst, h.score, 0)
			continue
		}
		p := end * c.start
		if docKnows {
			p *= 1 - fillDocWeight // the report's pair count is 0
		}
		if p > floor {
			f.emit(h, c, c.fresh, p, 0, dst)
			floor = f.floor(dst, h.score, 0)
		}
	}
}

// emit adds to dst the reading h, then c with probability p (above
// floor: callers skip most), in state s.
func (f *mbFiller) emit(h *fillHyp, c *fillCand, s hanzi.State, p, cost float64, dst *fillBeamSet) {
	score := h.score + fastLog2(p) + fillCharBonus - cost
	if score <= dst.last() {
		return // what add would do, without building the hypothesis
	}
	dst.add(fillHyp{score: score, last: c.r, lastFold: c.fold, state: s, out: h.out, pend: c.r, trail: int32(c.trail)})
}

// fillSlack bounds fastLog2's error: it is off by less than 1e-4 bits.
const fillSlack = 1e-3

// floor gives a probability at or below which an extension of a
// hypothesis scored hScore, less cost, cannot enter dst: add's test
// without the logarithm, 0 while dst has room. It only spares work (emit
// makes add's test), so the rounding of the margin is covered by the slack.
// Small enough to inline: scan and extend ask after every emission.
func (f *mbFiller) floor(dst *fillBeamSet, hScore, cost float64) float64 {
	if x := dst.last() - hScore + cost; x != f.floorX { // -Inf while dst has room
		f.setFloor(x)
	}
	return f.floorP
}

// setFloor works out floor for the margin x (the last score in dst less
// the hypothesis's, plus cost), which it remembers.
func (f *mbFiller) setFloor(x float64) {
	f.floorX = x
	f.floorP = exp2Below(x - fillCharBonus - fillSlack)
}

// exp2Below is 2^x rounded down to a power of 2^(1/8): a floor only
// needs to be at most the exact one, and this is several times faster
// than math.Exp2.
func exp2Below(x float64) float64 {
	if x < -1000 {
		return 0
	}
	e := math.Floor(x * 8)
	return math.Ldexp(exp2Eighths[int(e)&7], int(e)>>3)
}

// exp2Eighths[k] is 2^(k/8) rounded down.
var exp2Eighths = func() (t [8]float64) {
	for k := range t {
		t[k] = math.Nextafter(math.Exp2(float64(k)/8), 0)
	}
	return t
}()

// closed reports whether dst can no longer take any extension of h less
// cost: each adds at most fillCharBonus bits (p ≤ 1), and add drops what
// does not beat the last of a full set. Extensions of hypotheses sorted
// best first can stop at the first closed one.
func (dst *fillBeamSet) closed(h fillHyp, cost float64) bool {
	return h.score+fillCharBonus-cost+fillSlack <= dst.last()
}

// fastLog2 is log2 to about 1e-4, which is plenty for scores and several
// times faster than math.Log2.
func fastLog2(x float64) float64 {
	frac, exp := math.Frexp(x) // x = frac · 2^exp, frac in [0.5, 1)
	m := 2*frac - 1            // in [0, 1)
	// Minimax-style fit of log2(1+m) on [0, 1).
	return float64(exp-1) + m*(1.4425449+m*(-0.7181452+m*(0.4575485+m*(-0.2779042+m*(0.121797+m*-0.0258411)))))
}

// out adds r in front of prev, in the filler's slab: a search makes
// thousands. Texts are places in the slab, not pointers, so hypotheses and
// their sets hold no pointers: the garbage collector neither scans them nor
// makes their copies pay write barriers.
func (f *mbFiller) out(prev int32, r rune) int32 {
	f.slab = append(f.slab, fillOut{prev, r})
	return int32(len(f.slab))
}

// fillOut is the text of a hypothesis, shared between hypotheses as a list
// growing at the front: prev is 1 + the place in the slab of the text
// before r, 0 for none.
type fillOut struct {
	prev int32
	r    rune
}

type fillHyp struct {
	score    float64
	state    hanzi.State // where the word model stands
	last     rune        // last character that counts for the model (ASCII does not)
	lastFold rune        // last, folded
	out      int32       // the text before pend: 1 + its place in the slab, 0 for none
	pend     rune        // the last character, not yet in out (0: none); see keep
	trail    int32       // the trail byte of the last character, for chaining dropped pairs
}

// fillBeamSet keeps the fillBeam best hypotheses offered to it with
// distinct last characters and states, best first (a bigram model cannot
// tell the others apart later; of equal scores, the earlier stays).
type fillBeamSet struct {
	top [fillBeam]fillHyp
	n   int
}

func (b *fillBeamSet) reset() { b.n = 0 }

func (b *fillBeamSet) hyps() []fillHyp { return b.top[:b.n] }

// last is the score a hypothesis must beat to enter b: that of its last
// entry when full, -Inf while it has room.
func (b *fillBeamSet) last() float64 {
	if b.n < fillBeam {
		return math.Inf(-1)
	}
	return b.top[fillBeam-1].score
}

// add offers h to b. Most hypotheses fall below the last entry of a full
// set and cost one comparison.
func (b *fillBeamSet) add(h fillHyp) {
	n := b.n
	if n == fillBeam && h.score <= b.top[n-1].score {
		return
	}
	same := -1
	for i := range n {
		if b.top[i].last == h.last && b.top[i].state == h.state {
			same = i
			break
		}
	}
	switch {
	case same >= 0 && h.score <= b.top[same].score:
		return
	case same >= 0:
		copy(b.top[same:n-1], b.top[same+1:n])
		n--
	case n == fillBeam:
		n-- // the worst gives way
	}
	i := n
	for i > 0 && b.top[i-1].score < h.score {
		b.top[i] = b.top[i-1]
		i--
	}
	b.top[i] = h
	b.n = n + 1
}

// keep cuts b to its k best and writes their last characters into their
// text: most hypotheses are dropped, so only survivors pay for it.
func (f *mbFiller) keep(b *fillBeamSet, k int) {
	b.n = min(b.n, k)
	for i := range b.n {
		if h := &b.top[i]; h.pend != 0 {
			h.out, h.pend = f.out(h.out, h.pend), 0
		}
	}
}

// search reads b (starting at an original lead byte) and returns the best
// text. prev is the character before it.
func (f *mbFiller) search(b []int, prev rune) (string, bool) {
	t := f.t
	// beams[j] holds hypotheses that have read b[:j].
	for len(f.beams) < len(b)+1 {
		f.beams = append(f.beams, fillBeamSet{})
	}
	beams := f.beams[:len(b)+1]
	for j := range beams {
		beams[j].reset()
	}
	beams[0].add(fillHyp{last: prev, lastFold: foldHan(prev), state: f.lm.Start(foldHan(prev))})
	for j := 0; j < len(b); j++ {
		cur := &beams[j]
		if len(cur.hyps()) == 0 {
			continue
		}
		f.keep(cur, fillBeam)
		c := b[j]
		switch {
		case c == mbBreak:
			for _, h := range cur.hyps() {
				beams[j+1].add(h)
			}
			continue
		case c == mbLost:
			for _, h := range cur.hyps() {
				beams[min(j+2, len(b))].add(h)
			}
			continue
		case c < 0x80:
			if c < 0x20 && c != '\t' {
				return "", false
			}
			for _, h := range cur.hyps() {
				h.out = f.out(h.out, rune(c))
				h.score -= fillASCIICost
				beams[j+1].add(h)
			}
			continue
		case c == 0x80 || c == 0xFF:
			for _, h := range cur.hyps() {
				h.score -= fillSkipCost
				beams[j+1].add(h)
			}
			continue
		}
		// c is a lead byte. What follows decides the readings.
		next := fillEnd
		if j+1 < len(b) {
			next = b[j+1]
		}
		// Giving up on the pair is always possible, at a price; giving
		// up on one byte would change the alignment, which only ASCII does.
		for _, h := range cur.hyps() {
			h.score -= fillSkipCost
			beams[min(j+2, len(b))].add(h)
		}
		if next == mbLost {
			// Pairs replaced by U+FFFD: as many dropped pairs, then the
			// next original character's trail.
			k := j + 1
			for k+1 < len(b) && b[k] == mbLost && b[k+1] == mbLost {
				k += 2
			}
			if k < len(b) && b[k] >= 0x40 {
				f.bridge(cur.hyps(), c, b[k], (k-j-1)/2, (k-j-1)/2, &beams[k+1])
			}
			continue
		}
		if next < 0x80 || next == 0xFF {
			// A lone lead: its trail was lost before ASCII, a break or
			// the end.
			f.extendAll(cur.hyps(), fillTab.byLeadAll[c], &beams[j+1])
			// A traditional character's trail may be ASCII (發 is B0 6C).
			if r := mbPair(t, c, next); next >= 0x40 && r != 0 {
				cand := newFillCand(c, next, r)
				for _, h := range cur.hyps() {
					f.extend(&h, &cand, 0, 0, &beams[j+2])
				}
			}
			continue
		}
		// Plain: the pair as it stands.
		if r := mbPair(t, c, next); r != 0 {
			cand := newFillCand(c, next, r)
			for _, h := range cur.hyps() {
				f.extend(&h, &cand, 0, 0, &beams[j+2])
			}
		}
		if next < 0x81 {
			continue
		}
		// One or two dropped pairs between c and next.
		f.bridge(cur.hyps(), c, next, 1, 2, &beams[j+2])
	}
	end := &beams[len(b)]
	if len(end.hyps()) == 0 {
		return "", false
	}
	f.keep(end, fillBeam)
	f.complete(end)
	f.keep(end, 1)
	var rs []rune
	for o := end.hyps()[0].out; o != 0; o = f.slab[o-1].prev {
		rs = append(rs, f.slab[o-1].r)
	}
	var sb strings.Builder
	for i := len(rs) - 1; i >= 0; i-- {
		sb.WriteRune(rs[i])
	}
	return sb.String(), true
}

// foldHan folds a traditional character to simplified for the model and
// leaves everything else (full-width punctuation above all) as it is.
func foldHan(r rune) rune {
	if hanzi.IsHan(r) {
		return hanzi.FoldRune(r)
	}
	return r
}

// bridge adds to dst the readings of lead … trail with drops dropped pairs
// in between: a first character with that lead, drops-1 characters lost
// whole (only those the model knows to follow the one before are tried),
// and a last character with that trail, each pair of neighbours making a
// dropped pair.
func (f *mbFiller) bridge(hyps []fillHyp, lead, trail, minDrops, maxDrops int, dst *fillBeamSet) {
	if minDrops < 1 || trail < 0x40 || trail > 0xFE {
		return
	}
	layer, mid := &f.layer, &f.mid
	layer.reset()
	f.extendAll(hyps, fillTab.byLead[lead], layer)
	for drops := 1; ; drops++ {
		f.keep(layer, fillBeam)
		if drops >= minDrops {
			for _, h := range layer.hyps() {
				if dst.closed(h, 0) {
					break
				}
				f.successors(&h, trail, dst)
			}
		}
		if drops == maxDrops {
			return
		}
		mid.reset()
		for _, h := range layer.hyps() {
			if mid.closed(h, 0) {
				break
			}
			kids, slots := fillTab.follows(f.lm, h.state, fillMid)
			for i, s := range slots {
				if s.cand != 0 && fillTab.drops(int(h.trail), int(s.lead)) {
					f.extend(&h, &fillTab.all[s.cand-1], kids[i], 0, mid)
				}
			}
		}
		layer, mid = mid, layer
	}
}

// successors extends h into dst with the characters with the given trail
// byte worth trying after it (those either model has seen after it, and
// the ones likeliest to start a word) whose lead makes a dropped pair with
// h's trail.
func (f *mbFiller) successors(h *fillHyp, trail int, dst *fillBeamSet) {
	kids, slots := fillTab.follows(f.lm, h.state, fillFollow)
	for i, s := range slots {
		if int(s.trail) == trail && fillTab.drops(int(h.trail), int(s.lead)) {
			f.extend(h, &fillTab.all[s.cand-1], kids[i], 0, dst)
		}
	}
	// The report's: each with its traditional forms (a pair may hide
	// either), in order of appearance.
	if a, ok := f.doc.known(h.lastFold); ok {
		for _, b := range f.doc.afterID(a) {
			fi := f.doc.fillOf(b)
			if int(fi.trail) == trail {
				f.extendDropped(h, &fillTab.all[fi.cand-1], dst)
			}
			if k := fi.trad; k != 0 {
				for i := range fillTab.trad[k-1] {
					if c := &fillTab.trad[k-1][i]; c.trail == trail {
						f.extendDropped(h, c, dst)
					}
				}
			}
		}
	}
	f.scan(h, fillTab.topTrail[trail], true, dst)
}

// extendDropped extends h with c when c's lead and h's trail make a
// dropped pair.
func (f *mbFiller) extendDropped(h *fillHyp, c *fillCand, dst *fillBeamSet) {
	if fillTab.drops(int(h.trail), c.lead) {
		f.extend(h, c, 0, 0, dst)
	}
}

// fillTail is how many characters complete may add, and its price per character.
const (
	fillTail     = 2
	fillTailCost = 2.0
)

// complete lets a hypothesis go on past the end of the stream with
// characters lost whole: where the text realigns after a run, the bytes in
// between were dropped, so each added character must make a dropped pair
// with the one before it (the last one's trail went with the realignment).
func (f *mbFiller) complete(end *fillBeamSet) {
	frontier := append([]fillHyp(nil), end.hyps()...)
	grown := &f.grown
	for range fillTail {
		grown.reset()
		for _, h := range frontier {
			if h.trail < 0x81 {
				continue
			}
			if grown.closed(h, fillTailCost) {
				break
			}
			kids, slots := fillTab.follows(f.lm, h.state, fillFollow)
			for i, s := range slots {
				if s.cand != 0 && fillTab.drops(int(h.trail), int(s.lead)) {
					f.extend(&h, &fillTab.all[s.cand-1], kids[i], fillTailCost, grown)
				}
			}
		}
		f.keep(grown, fillBeam)
		for _, g := range grown.hyps() {
			end.add(g)
		}
		frontier = append(frontier[:0], grown.hyps()...) // grown is reused
	}
}

// lastRune is the last character of s, or -1.
func lastRune(s string) rune {
	if s == "" {
		return -1
	}
	r, _ := hanzi.DecodeLastRune(s)
	return r
}
