package model

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"baogao/hanzi"
)

// Comparison is two reports put side by side: their sections paired by
// meaning and their catalogue indicators lined up.
type Comparison struct {
	A, B *Report
	// Pairs holds every section of A and every section of B exactly once,
	// in reading order; a side is nil where the other report has no
	// counterpart (a gap).
	Pairs []SectionPair
	// Rows holds one row per catalogue indicator stated in either report.
	Rows []MetricRow
}

// SectionPair is one line of the side-by-side view.
type SectionPair struct {
	A, B *Section
	// Kind and Topic are A's when A is present, else B's.
	Kind  Kind
	Topic Topic
	// DepthA and DepthB are the sections' depths in their own reports
	// (top level 0); meaningless on a nil side.
	DepthA, DepthB int
}

// Align pairs the sections of a and b and lines up their metrics.
//
// Sections pair within a kind only (achievements with achievements,
// problems with problems, plans with plans), then by topic, with title
// similarity and relative position breaking ties. Pairing happens at the
// chapter level: a top-level part that merely wraps chapters (一、上半年…执行情况,
// 第二方面, 2020年展望) is dissolved, so its chapters pair with the other
// report's chapters whatever wrapper they sit in; wrappers pair with
// wrappers of the same kind. Inside a chapter pair the children are paired
// the same way, recursively. Anything left over is shown against a gap,
// right after its nearest preceding neighbour in its own report, so each
// side still reads in its own order as far as the pairing allows.
//
// Either report may be nil (everything of the other side shows against gaps).
func Align(a, b *Report) Comparison {
	c := Comparison{A: a, B: b}
	ua, ub := pairingUnits(a), pairingUnits(b)
	c.Pairs = alignLists(ua, ub, nil)
	c.Rows = alignMetrics(a, b)
	return c
}

// unit is a section taking part in a pairing round.
type unit struct {
	sec   *Section
	depth int
	// wrapper: a dissolved part; its children are units of their own and
	// are not emitted with it.
	wrapper bool
	topic   Topic
	scores  topicVector
	title   string // folded, without punctuation or spaces
}

func newUnit(s *Section, depth int, wrapper bool) unit {
	v := topicScores(s)
	return unit{sec: s, depth: depth, wrapper: wrapper, topic: v.best(), scores: v, title: matchKey(s.Title)}
}

// wrapperWords mark a part's title as naming a stretch of the report
// rather than a subject.
var wrapperWords = []string{"执行情况", "回顾", "主要任务", "工作措施", "打算", "展望", "方面",
	"主要成绩", "工作安排", "总体要求", "工作重点", "下半年", "上半年", "总结"}

// pairingUnits is the top-level sequence of units of r: its top-level
// sections, with wrapper parts followed by their dissolved chapters. A part
// is a wrapper when it has at least two children and either the report has
// at most three top-level sections (so the parts are surely not the
// subjects) or its title is one of wrapperWords. Only the top level is
// dissolved.
func pairingUnits(r *Report) []unit {
	if r == nil {
		return nil
	}
	few := len(r.Sections) <= 3
	var out []unit
	for _, s := range r.Sections {
		if len(s.Children) >= 2 && (few || containsAny(hanzi.Fold(s.Title), wrapperWords)) {
			out = append(out, newUnit(s, 0, true))
			for _, c := range s.Children {
				out = append(out, newUnit(c, 1, false))
			}
			continue
		}
		out = append(out, newUnit(s, 0, false))
	}
	return out
}

func childUnits(s *Section, depth int) []unit {
	if s == nil {
		return nil
	}
	out := make([]unit, len(s.Children))
	for i, c := range s.Children {
		out[i] = newUnit(c, depth+1, false)
	}
	return out
}

// alignLists pairs two sibling sequences and emits them, with the
// descendants of each emitted unit, into out.
func alignLists(as, bs []unit, out []SectionPair) []SectionPair {
	matchA, matchB := matchUnits(as, bs)

	// B-only units go after their nearest earlier matched B unit, or before
	// the nearest later one, or at the end when nothing in B matched.
	after := make(map[int][]int)  // A index → B-only units emitted after its pair
	before := make(map[int][]int) // A index → B-only units emitted before its pair
	var tail []int
	for j := range bs {
		if matchB[j] >= 0 {
			continue
		}
		anchored := false
		for p := j - 1; p >= 0; p-- {
			if matchB[p] >= 0 {
				after[matchB[p]] = append(after[matchB[p]], j)
				anchored = true
				break
			}
		}
		if anchored {
			continue
		}
		for q := j + 1; q < len(bs); q++ {
			if matchB[q] >= 0 {
				before[matchB[q]] = append(before[matchB[q]], j)
				anchored = true
				break
			}
		}
		if !anchored {
			tail = append(tail, j)
		}
	}

	for i := range as {
		for _, j := range before[i] {
			out = emitGap(out, nil, &bs[j])
		}
		if j := matchA[i]; j >= 0 {
			out = emitPair(out, &as[i], &bs[j])
		} else {
			out = emitGap(out, &as[i], nil)
		}
		for _, j := range after[i] {
			out = emitGap(out, nil, &bs[j])
		}
	}
	for _, j := range tail {
		out = emitGap(out, nil, &bs[j])
	}
	return out
}

func emitPair(out []SectionPair, a, b *unit) []SectionPair {
	out = append(out, SectionPair{A: a.sec, B: b.sec, Kind: a.sec.Kind, Topic: a.topic, DepthA: a.depth, DepthB: b.depth})
	if a.wrapper || b.wrapper {
		// A wrapper's children are top-level units already; a wrapper only
		// ever pairs with a wrapper (see matchUnits).
		return out
	}
	return alignLists(childUnits(a.sec, a.depth), childUnits(b.sec, b.depth), out)
}

// emitGap emits one side's unit and its whole subtree against gaps.
func emitGap(out []SectionPair, a, b *unit) []SectionPair {
	u := a
	if u == nil {
		u = b
	}
	p := SectionPair{Kind: u.sec.Kind, Topic: u.topic}
	if a != nil {
		p.A, p.DepthA = a.sec, a.depth
	} else {
		p.B, p.DepthB = b.sec, b.depth
	}
	out = append(out, p)
	if u.wrapper {
		return out
	}
	for _, c := range childUnits(u.sec, u.depth) {
		if a != nil {
			out = emitGap(out, &c, nil)
		} else {
			out = emitGap(out, nil, &c)
		}
	}
	return out
}

// Scores of a candidate pair. A shared topic outweighs any title
// similarity; then come the likeness of the whole topic profiles (cosine
// of topic scores), of the titles, and of the relative positions.
const (
	topicScore     = 2.0
	positionScore  = 0.3
	minTitleSim    = 0.5 // titles this alike pair even without a shared topic
	minTopicCosine = 0.6 // so do sections whose topic scores are this alike
	onlyOfKindBias = 1.0 // the only unit of a kind on both sides pairs anyway
)

// matchUnits pairs units greedily by descending score; deterministic (ties
// by A index, then B index). Units of different kinds, and wrappers with
// non-wrappers, never pair.
func matchUnits(as, bs []unit) (matchA, matchB []int) {
	matchA, matchB = make([]int, len(as)), make([]int, len(bs))
	for i := range matchA {
		matchA[i] = -1
	}
	for j := range matchB {
		matchB[j] = -1
	}
	posA, countA := kindPositions(as)
	posB, countB := kindPositions(bs)

	type cand struct {
		i, j  int
		score float64
	}
	var cands []cand
	for i, a := range as {
		for j, b := range bs {
			if a.sec.Kind != b.sec.Kind || a.wrapper != b.wrapper {
				continue
			}
			k := kindKey(a)
			sim := titleSimilarity(a.title, b.title)
			score := sim
			ok := sim >= minTitleSim || a.wrapper
			if a.topic == b.topic && a.topic != TopicOther {
				score += topicScore
				ok = true
			}
			cos := a.scores.cosine(b.scores)
			score += cos
			if cos >= minTopicCosine {
				ok = true
			}
			if countA[k] == 1 && countB[k] == 1 {
				score += onlyOfKindBias
				ok = true
			}
			if !ok {
				continue
			}
			ra := relPos(posA[i], countA[k])
			rb := relPos(posB[j], countB[k])
			d := ra - rb
			if d < 0 {
				d = -d
			}
			score += positionScore * (1 - d)
			cands = append(cands, cand{i, j, score})
		}
	}
	sort.SliceStable(cands, func(x, y int) bool { return cands[x].score > cands[y].score })
	for _, c := range cands {
		if matchA[c.i] < 0 && matchB[c.j] < 0 {
			matchA[c.i], matchB[c.j] = c.j, c.i
		}
	}
	return matchA, matchB
}

// kindKey groups units that may pair: same kind, same wrapper-ness.
func kindKey(u unit) int {
	k := int(u.sec.Kind) * 2
	if u.wrapper {
		k++
	}
	return k
}

// kindPositions numbers each unit within its group (see kindKey).
func kindPositions(us []unit) (pos []int, count map[int]int) {
	pos = make([]int, len(us))
	count = make(map[int]int)
	for i, u := range us {
		k := kindKey(u)
		pos[i] = count[k]
		count[k]++
	}
	return pos, count
}

func relPos(pos, count int) float64 {
	if count <= 1 {
		return 0
	}
	return float64(pos) / float64(count-1)
}

// matchKey folds a title for comparison: simplified, no punctuation, no
// spaces, and "*" (no heading) becomes empty.
func matchKey(title string) string {
	var b strings.Builder
	for _, r := range hanzi.Fold(title) {
		if unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// titleSimilarity is the Dice coefficient of the titles' character
// bigrams (single characters for one-character titles); 0 when either is
// empty.
func titleSimilarity(a, b string) float64 {
	ga, gb := bigrams(a), bigrams(b)
	if len(ga) == 0 || len(gb) == 0 {
		return 0
	}
	count := make(map[string]int, len(ga))
	for _, g := range ga {
		count[g]++
	}
	shared := 0
	for _, g := range gb {
		if count[g] > 0 {
			count[g]--
			shared++
		}
	}
	return 2 * float64(shared) / float64(len(ga)+len(gb))
}

func bigrams(s string) []string {
	r := []rune(s)
	if len(r) == 1 {
		return []string{s}
	}
	var out []string
	for i := 0; i+1 < len(r); i++ {
		out = append(out, string(r[i:i+2]))
	}
	return out
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Flags say why two figures of a row cannot simply be subtracted.
type Flags uint8

const (
	// FlagPeriod: both sides state a period and they differ (1-5月 vs 1-6月).
	FlagPeriod Flags = 1 << iota
	// FlagStatus: the sides' statuses differ (actual vs target or forecast).
	FlagStatus
	// FlagUnit: the figures have no common base unit (亿元 vs 个, % vs 个百分点).
	FlagUnit
	// FlagRange: a side gives a range (5-8%) or a placeholder (x), not one number.
	FlagRange
	// FlagPeriodUnstated: one side states a period, the other does not. The
	// difference is still shown, marked, since an unstated period is usually
	// the report's own (a year's review says 全年 nowhere).
	FlagPeriodUnstated
)

var flagNames = []struct {
	f    Flags
	name string
	mark string
}{
	{FlagPeriod, "period", "期"},
	{FlagStatus, "status", "态"},
	{FlagUnit, "unit", "位"},
	{FlagRange, "range", "范"},
	{FlagPeriodUnstated, "period-unstated", "期?"},
}

// Blocking reports whether the flags keep a difference from being computed:
// any flag but FlagPeriodUnstated.
func (f Flags) Blocking() bool { return f&^FlagPeriodUnstated != 0 }

// Names lists the flags' English ids.
func (f Flags) Names() []string {
	out := []string{}
	for _, n := range flagNames {
		if f&n.f != 0 {
			out = append(out, n.name)
		}
	}
	return out
}

// String joins the flags' ids with commas; "" when none.
func (f Flags) String() string { return strings.Join(f.Names(), ",") }

// Marks is a short Chinese mark per flag (期 period, 态 status, 位 unit,
// 范 range, 期? period stated on one side only), for narrow table columns.
func (f Flags) Marks() string {
	var b strings.Builder
	for _, n := range flagNames {
		if f&n.f != 0 {
			b.WriteString(n.mark)
		}
	}
	return b.String()
}

func (f Flags) MarshalJSON() ([]byte, error) {
	names := f.Names()
	var b strings.Builder
	b.WriteByte('[')
	for i, n := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + n + `"`)
	}
	b.WriteByte(']')
	return []byte(b.String()), nil
}

// MetricSide is one report's figures for an indicator: its amount (or
// share) and its change, of one status.
type MetricSide struct {
	Level  *Metric `json:"level,omitempty"`
	Change *Metric `json:"change,omitempty"`
}

// Empty reports whether the report states nothing for the indicator.
func (s MetricSide) Empty() bool { return s.Level == nil && s.Change == nil }

// Status is the side's status ("" when empty); both figures share it.
func (s MetricSide) Status() Status {
	if m := s.first(); m != nil {
		return m.Status
	}
	return ""
}

// Period is the side's period: the change's and the level's when both are
// stated and differ ("1-6月/全年"), else whichever is stated.
func (s MetricSide) Period() string {
	var lp, cp string
	if s.Level != nil {
		lp = s.Level.Period
	}
	if s.Change != nil {
		cp = s.Change.Period
	}
	switch {
	case lp == "":
		return cp
	case cp == "" || normPeriod(cp) == normPeriod(lp):
		return lp
	}
	return lp + "/" + cp
}

func (s MetricSide) first() *Metric {
	if s.Level != nil {
		return s.Level
	}
	return s.Change
}

// Diff is A minus B for one measure.
type Diff struct {
	// OK is false when there is nothing to subtract or Flags block it.
	OK    bool    `json:"ok"`
	Value float64 `json:"value,omitempty"`
	// Unit is A's unit for a level, 个百分点 for a change in %.
	Unit  string `json:"unit,omitempty"`
	Flags Flags  `json:"flags"`
}

// MetricRow lines up one catalogue indicator of two reports.
type MetricRow struct {
	IndicatorID string `json:"indicator_id"`
	// Indicator is the name to show, in simplified Chinese.
	Indicator  string     `json:"indicator"`
	A          MetricSide `json:"a"`
	B          MetricSide `json:"b"`
	LevelDiff  Diff       `json:"level_diff"`
	ChangeDiff Diff       `json:"change_diff"`
	// Flags is the union of both diffs' flags.
	Flags Flags `json:"flags"`
}

// alignMetrics makes one row per IndicatorID stated in either report, in
// A's document order then B's. The issue asks for one row per indicator
// with value and change side by side, so level (or share) and change
// metrics of an indicator share a row rather than getting a row per
// measure.
//
// When a report states an indicator several times, one status is chosen
// for the side — actual before forecast before target — and within it the
// first known value of each measure, preferring the preamble and shallow
// sections over deep ones, then document order; a level beats a share for
// the value column. So a review's actual figure is compared, not its
// outlook's target, and the two cells of a side never mix statuses.
func alignMetrics(a, b *Report) []MetricRow {
	var order []string
	byID := make(map[string]*MetricRow)
	candidates := [2]map[string][]rankedMetric{{}, {}}
	for side, r := range []*Report{a, b} {
		if r == nil {
			continue
		}
		for n, m := range r.AllMetrics() {
			if m.IndicatorID == "" {
				continue
			}
			if byID[m.IndicatorID] == nil {
				byID[m.IndicatorID] = &MetricRow{IndicatorID: m.IndicatorID, Indicator: m.Indicator}
				order = append(order, m.IndicatorID)
			}
			candidates[side][m.IndicatorID] = append(candidates[side][m.IndicatorID], rankedMetric{m, n})
		}
	}
	rows := make([]MetricRow, 0, len(order))
	for _, id := range order {
		row := byID[id]
		row.A = pickSide(candidates[0][id])
		row.B = pickSide(candidates[1][id])
		if ind, ok := IndicatorByID(id); ok {
			row.Indicator = ind.Name
		} else if m := row.A.first(); m != nil {
			row.Indicator = m.Indicator
		}
		row.LevelDiff = diff(row.A.Level, row.B.Level, false)
		row.ChangeDiff = diff(row.A.Change, row.B.Change, true)
		row.Flags = row.LevelDiff.Flags | row.ChangeDiff.Flags
		rows = append(rows, *row)
	}
	return rows
}

type rankedMetric struct {
	m     Metric
	order int
}

func statusRank(s Status) int {
	switch s {
	case StatusActual:
		return 0
	case StatusForecast:
		return 1
	case StatusTarget:
		return 2
	}
	return 3
}

func sectionDepth(path string) int {
	if path == "" {
		return 0
	}
	return strings.Count(path, "/") + 1
}

func pickSide(ms []rankedMetric) MetricSide {
	if len(ms) == 0 {
		return MetricSide{}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.m.Unknown != b.m.Unknown {
			return !a.m.Unknown
		}
		if ra, rb := statusRank(a.m.Status), statusRank(b.m.Status); ra != rb {
			return ra < rb
		}
		if da, db := sectionDepth(a.m.Section), sectionDepth(b.m.Section); da != db {
			return da < db
		}
		return a.order < b.order
	})
	status := ms[0].m.Status
	var side MetricSide
	var share *Metric
	for i := range ms {
		m := &ms[i].m
		if m.Status != status {
			continue
		}
		switch m.Measure {
		case MeasureChange:
			if side.Change == nil {
				side.Change = m
			}
		case MeasureShare:
			if share == nil {
				share = m
			}
		default:
			if side.Level == nil {
				side.Level = m
			}
		}
	}
	if side.Level == nil {
		side.Level = share
	}
	return side
}

// diff subtracts b from a when both are stated and comparable.
func diff(a, b *Metric, change bool) Diff {
	if a == nil || b == nil {
		return Diff{}
	}
	var d Diff
	if a.Status != b.Status {
		d.Flags |= FlagStatus
	}
	pa, pb := normPeriod(a.Period), normPeriod(b.Period)
	switch {
	case pa != "" && pb != "" && pa != pb:
		d.Flags |= FlagPeriod
	case (pa == "") != (pb == ""):
		d.Flags |= FlagPeriodUnstated
	}
	if a.Unknown || b.Unknown || a.ValueMax != 0 || b.ValueMax != 0 {
		d.Flags |= FlagRange
	}
	va, ua := base(a)
	vb, ub := base(b)
	if ua != ub {
		d.Flags |= FlagUnit
	}
	if d.Flags.Blocking() {
		return d
	}
	d.OK = true
	switch {
	case change && a.Unit == "%":
		d.Value, d.Unit = a.Value-b.Value, "个百分点"
	case change:
		d.Value, d.Unit = a.Value-b.Value, a.Unit
	case a.BaseUnit != "" && a.Value != 0 && a.BaseValue != 0:
		// Back into A's unit: 37.3亿元 − 3384万元 reads best in 亿元.
		d.Value, d.Unit = (va-vb)/(a.BaseValue/a.Value), a.Unit
	default:
		d.Value, d.Unit = va-vb, ua
	}
	return d
}

// base is a metric's value on its base scale; metrics without a base unit
// (not filled by the extractor) fall back to their written unit.
func base(m *Metric) (float64, string) {
	if m.BaseUnit != "" {
		return m.BaseValue, m.BaseUnit
	}
	return m.Value, m.Unit
}

// normPeriod makes spellings of one period equal: 上半年 = 1-6月,
// 全年 = 1-12月, 1—6月 / 1~6月 / 1至6月 = 1-6月.
func normPeriod(p string) string {
	p = strings.TrimSpace(hanzi.Fold(p))
	for _, dash := range []string{"—", "–", "－", "~", "～", "至", "到"} {
		p = strings.ReplaceAll(p, dash, "-")
	}
	switch p {
	case "上半年", "1-6月":
		return "1-6月"
	case "全年", "1-12月":
		return "1-12月"
	case "一季度", "第一季度", "1-3月":
		return "1-3月"
	case "前三季度", "1-9月":
		return "1-9月"
	}
	return p
}

// LevelText is the side's amount as a table shows it: "37.3亿元", "5-8%",
// "x亿元", "约30%"; "" when none.
func (s MetricSide) LevelText() string { return figureText(s.Level, false) }

// ChangeText is the side's change, signed: "+6.7%", "-5.9%"; "" when none.
func (s MetricSide) ChangeText() string { return figureText(s.Change, true) }

// StatusLabel is the side's status in two characters: 实际, 目标, 预计.
func (s MetricSide) StatusLabel() string {
	switch s.Status() {
	case StatusActual:
		return "实际"
	case StatusTarget:
		return "目标"
	case StatusForecast:
		return "预计"
	}
	return ""
}

func figureText(m *Metric, signed bool) string {
	if m == nil {
		return ""
	}
	v := m.ValueText()
	if signed && !m.Unknown && m.Value >= 0 && m.Qualifier == "" {
		v = "+" + v
	}
	// 左右, 以上, 以内… follow the unit; 近, 约, 超, 突破… precede the number.
	if isTrailingQualifier(m.Qualifier) {
		return v + m.Unit + m.Qualifier
	}
	return m.Qualifier + v + m.Unit
}

func isTrailingQualifier(q string) bool {
	switch q {
	case "左右", "以上", "以内", "以下", "多", "余", "上下":
		return true
	}
	return false
}

// Text is the difference as a table shows it, signed, at most two
// decimals: "+3.46亿元", "+0.7个百分点"; "" when there is none.
func (d Diff) Text() string {
	if !d.OK {
		return ""
	}
	s := strconv.FormatFloat(d.Value, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	if d.Value >= 0 || s == "0" {
		s = "+" + s
	}
	return s + d.Unit
}
