package hanzi

//go:generate go run genlm/main.go -o lm.bin.gz

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"io"
	"math"
	"sort"
	"sync"
)

// Model is a word model of simplified Chinese read character by character:
// a trie of dictionary words (see genlm) where each node knows how likely
// its character is after the prefix before it and how likely a word ends
// there. The mojibake repair uses it to choose among candidate readings of
// damaged bytes.
type Model struct {
	runes  []uint16 // node → its character
	first  []uint32 // node → first child; children are first[i] … first[i+1]-1, by character
	cost   []byte   // node → -8·log2 P(character | prefix)
	end    []byte   // node → -8·log2 P(word ends | prefix); 255 never
	root   []int32  // BMP rune → its node under the root, 0 if none
	likely []State  // per node's child slots: the children, likeliest first
}

// State is where a reading stands in the model: the node of the word read
// so far. The zero State is between words.
type State int32

//go:embed lm.bin.gz
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

func readModel(gz []byte) *Model {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("hanzi: lm.bin.gz is damaged; run go generate")
	}
	b, err := io.ReadAll(zr)
	if err != nil || len(b) < 9 || string(b[:5]) != "HZWM1" {
		panic("hanzi: lm.bin.gz is damaged; run go generate")
	}
	n := int(binary.LittleEndian.Uint32(b[5:]))
	b = b[9:]
	m := &Model{runes: make([]uint16, n), first: make([]uint32, n+1), root: make([]int32, 1<<16)}
	for i := range m.runes {
		m.runes[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	b = b[2*n:]
	for i := range m.first {
		m.first[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	b = b[4*(n+1):]
	m.cost, m.end = b[:n], b[n:2*n]
	for i := m.first[0]; i < m.first[1]; i++ {
		m.root[m.runes[i]] = int32(i)
	}
	m.likely = make([]State, n)
	for i := range m.likely {
		m.likely[i] = State(i)
	}
	for s := 1; s < n; s++ {
		kids := m.likely[m.first[s]:m.first[s+1]]
		sort.Slice(kids, func(a, b int) bool { return m.cost[kids[a]] < m.cost[kids[b]] })
	}
	return m
}

// exp8[c] = 2^(-c/8), the probability a cost stands for.
var exp8 = func() (t [256]float64) {
	for c := range t {
		t[c] = math.Exp2(-float64(c) / 8)
	}
	t[255] = 0
	return t
}()

// unknownStart is the probability of a word made of a character the model
// has never seen.
const unknownStart = 1.0 / (1 << 30)

// Known reports whether the model has seen r.
func (m *Model) Known(r rune) bool { return r >= 0 && r <= 0xFFFF && m.root[r] != 0 }

// StartProb is the probability that a word starts with r.
func (m *Model) StartProb(r rune) float64 {
	if !m.Known(r) {
		return unknownStart
	}
	return exp8[m.cost[m.root[r]]]
}

// child finds r among s's children.
func (m *Model) child(s State, r rune) State {
	if s == 0 {
		if m.Known(r) {
			return State(m.root[r])
		}
		return 0
	}
	if r > 0xFFFF {
		return 0
	}
	// Binary search by hand: this runs for every candidate of a search.
	lo, hi := int(m.first[s]), int(m.first[s+1])
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if m.runes[mid] < uint16(r) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < int(m.first[s+1]) && m.runes[lo] == uint16(r) {
		return State(lo)
	}
	return 0
}

// Next gives the ways r can follow state s and their probabilities:
// going on with s's word (pGo > 0 when it can), and ending it to start a
// new word with r (pNew). A character the model does not know is a word
// of its own, after which the reading is between words (State 0).
func (m *Model) Next(s State, r rune) (goOn State, pGo float64, fresh State, pNew float64) {
	goOn, pGo = m.GoOn(s, 0, r)
	return goOn, pGo, m.Start(r), m.End(s) * m.StartProb(r)
}

// GoOn is Next's first way, going on with s's word: the node of r among
// s's children and its probability, (0, 0) if r cannot go on the word.
// c is that node when the caller knows it (from Follows), saving its
// lookup; 0 if not.
func (m *Model) GoOn(s, c State, r rune) (State, float64) {
	if c == 0 && s != 0 {
		c = m.child(s, r)
	}
	if c == 0 {
		return 0, 0
	}
	return c, exp8[m.cost[c]]
}

// Follows gives the nodes of the characters that go on the word at s,
// likeliest first, at most limit of them (Char gives each one's
// character), and where they start in Slots, so a caller can keep data of
// its own per slot and read it in the same order. The slice is the
// model's own: callers must not change it.
func (m *Model) Follows(s State, limit int) (kids []State, at int) {
	if s == 0 {
		return nil, 0
	}
	lo, hi := int(m.first[s]), int(m.first[s+1])
	return m.likely[lo:min(hi, lo+limit)], lo
}

// Slots gives every node's children, likeliest first, node after node,
// as Follows gives them. The slice is the model's own: callers must not
// change it.
func (m *Model) Slots() []State { return m.likely }

// Char is the character of the node c.
func (m *Model) Char(c State) rune { return rune(m.runes[c]) }

// Kids gives the characters that go on the word at s, in code order
// (none between words).
func (m *Model) Kids(s State) []uint16 {
	if s == 0 {
		return nil
	}
	return m.runes[m.first[s]:m.first[s+1]]
}

// End is the probability that the word at s ends here (1 between words).
func (m *Model) End(s State) float64 {
	if s == 0 {
		return 1
	}
	return exp8[m.end[s]]
}

// Start is the state after reading r as the first character of a word.
func (m *Model) Start(r rune) State {
	if m.Known(r) {
		return State(m.root[r])
	}
	return 0
}
