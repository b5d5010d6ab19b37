package hanzi

//go:generate go run genlm/main.go -o lm.bin

import (
	_ "embed"
	"encoding/binary"
	"math"
	"sort"
	"sync"
)

// Model is a character bigram language model of simplified Chinese, built
// from a word-frequency dictionary (see genlm). It scores how plausible one
// character is after another; the mojibake repair uses it to choose among
// candidate readings of damaged bytes.
type Model struct {
	idx    []uint16 // BMP rune → 1 + its index in chars (0: unknown)
	chars  []uint16 // ascending
	start  []byte   // per character: cost of starting a word
	end    []byte   // per character: cost of ending its word
	offset []uint32 // per character: its successors in next/cost; one extra at the end
	next   []uint16
	cost   []byte
	likely []uint16 // per character, its successors' positions in next, likeliest first
}

//go:embed lm.bin
var lmData []byte

var (
	lm     *Model
	lmOnce sync.Once
)

// LanguageModel returns the embedded model, read on first use.
func LanguageModel() *Model {
	lmOnce.Do(func() { lm = readModel(lmData) })
	return lm
}

func readModel(b []byte) *Model {
	if len(b) < 7 || string(b[:5]) != "HZLM1" {
		panic("hanzi: lm.bin is damaged; run go generate")
	}
	b = b[5:]
	n := int(binary.LittleEndian.Uint16(b))
	b = b[2:]
	m := &Model{chars: make([]uint16, n), offset: make([]uint32, n+1)}
	m.idx = make([]uint16, 1<<16)
	for i := range m.chars {
		m.chars[i] = binary.LittleEndian.Uint16(b[2*i:])
		m.idx[m.chars[i]] = uint16(i + 1)
	}
	b = b[2*n:]
	m.start, b = b[:n], b[n:]
	m.end, b = b[:n], b[n:]
	for i := 0; i < n; i++ {
		m.offset[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	b = b[4*n:]
	pairs := int(binary.LittleEndian.Uint32(b))
	b = b[4:]
	m.offset[n] = uint32(pairs)
	m.next = make([]uint16, pairs)
	for i := range m.next {
		m.next[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	m.cost = b[2*pairs : 3*pairs]
	m.likely = make([]uint16, pairs)
	for a := 0; a < n; a++ {
		lo, hi := int(m.offset[a]), int(m.offset[a+1])
		part := m.likely[lo:hi]
		for k := range part {
			part[k] = uint16(k)
		}
		costs := m.cost[lo:hi]
		sort.SliceStable(part, func(i, j int) bool { return costs[part[i]] < costs[part[j]] })
	}
	return m
}

// exp2 turns a quantized cost back into a probability: exp2[scale][c] = 2^(-c/scale).
var exp8, exp16 = costTable(8), costTable(16)

func costTable(scale float64) (t [256]float64) {
	for c := range t {
		t[c] = math.Exp2(-float64(c) / scale)
	}
	return t
}

func (m *Model) index(r rune) int {
	if r < 0 || r > 0xFFFF {
		return -1
	}
	return int(m.idx[r]) - 1
}

// Known reports whether the model has seen r in any word.
func (m *Model) Known(r rune) bool { return m.index(r) >= 0 }

// unknownStart is the probability given to starting a word with a
// character the model has never seen.
const unknownStart = 1.0 / (1 << 30)

// StartProb is the probability that a word starts with r.
func (m *Model) StartProb(r rune) float64 {
	if i := m.index(r); i >= 0 {
		return exp8[m.start[i]]
	}
	return unknownStart
}

// InWord is the probability that prev's word goes on with r (0 when the
// model has not seen the pair inside a word).
func (m *Model) InWord(prev, r rune) float64 {
	a, b := m.index(prev), m.index(r)
	if a < 0 || b < 0 {
		return 0
	}
	lo, hi := int(m.offset[a]), int(m.offset[a+1])
	next := m.next[lo:hi]
	j := sort.Search(len(next), func(j int) bool { return next[j] >= uint16(b) })
	if j < len(next) && next[j] == uint16(b) {
		return exp8[m.cost[lo+j]]
	}
	return 0
}

// Prob is the probability of r right after prev: either prev's word goes on
// with r, or it ends and the next word starts with r. A prev the model does
// not know counts as a word boundary.
func (m *Model) Prob(prev, r rune) float64 {
	a := m.index(prev)
	if a < 0 {
		return m.StartProb(r)
	}
	return exp16[m.end[a]]*m.StartProb(r) + m.InWord(prev, r)
}

// Follows calls fn for the characters the model has seen inside a word
// right after prev, likeliest first, at most limit of them.
func (m *Model) Follows(prev rune, limit int, fn func(r rune)) {
	a := m.index(prev)
	if a < 0 {
		return
	}
	lo, hi := int(m.offset[a]), int(m.offset[a+1])
	for _, k := range m.likely[lo:min(hi, lo+limit)] {
		fn(rune(m.chars[m.next[lo+int(k)]]))
	}
}
