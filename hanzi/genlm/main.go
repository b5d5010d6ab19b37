//go:build ignore

// Command genlm writes lm.bin.gz, the word model behind hanzi.Model, from
// the word-frequency dictionary of the jieba segmenter (MIT licence;
// Debian's python3-jieba ships it as jieba/dict.txt). Run it with
// `go generate` in package hanzi.
//
// The dictionary lists words and how often they occur. The model is a trie
// of those words (folded to simplified, up to four characters, seen at
// least -min times, plus every single character): each node is a prefix,
// with the probability of its last character given the prefix before it
// and the probability that a word ends there. Read character by
// character it is the word-unigram model a segmenter uses.
//
// Layout of lm.bin before gzip (integers little-endian), nodes in
// breadth-first order so that a node's children are contiguous, sorted by
// character; node 0 is the root:
//
//	"HZWM1"
//	uint32 n                  nodes
//	n × uint16                character (0 for the root)
//	n+1 × uint32              first child; node i's children are first[i] … first[i+1]-1
//	n × byte                  cost of the character  round(-8·log2 P(c | prefix))
//	n × byte                  cost of ending here     round(-8·log2 P(end | prefix)), 255 never
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"log"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"baogao/hanzi"
)

type node struct {
	r        rune
	prefix   float64 // frequency of words through this node
	end      float64 // frequency of the word ending here
	children map[rune]*node
}

func (n *node) child(r rune) *node {
	if n.children == nil {
		n.children = map[rune]*node{}
	}
	c := n.children[r]
	if c == nil {
		c = &node{r: r}
		n.children[r] = c
	}
	return c
}

func main() {
	dict := flag.String("dict", "/usr/lib/python3/dist-packages/jieba/dict.txt", "jieba dict.txt")
	out := flag.String("o", "lm.bin.gz", "output file")
	minFreq := flag.Float64("min", 10, "leave out longer words seen less often than this")
	maxLen := flag.Int("len", 4, "leave out words longer than this")
	flag.Parse()

	f, err := os.Open(*dict)
	if err != nil {
		log.Fatalf("genlm: %v (install python3-jieba or pass -dict)", err)
	}
	defer f.Close()
	root := &node{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil || freq <= 0 {
			continue
		}
		w := []rune(hanzi.ToSimplified(fields[0]))
		if !allHan(w) {
			continue
		}
		// A word left out still counts for its characters, as single ones.
		if len(w) > 1 && (len(w) > *maxLen || freq < *minFreq) {
			for _, r := range w {
				c := root.child(r)
				c.prefix += freq
				c.end += freq
				root.prefix += freq
			}
			continue
		}
		n := root
		n.prefix += freq
		for _, r := range w {
			n = n.child(r)
			n.prefix += freq
		}
		n.end += freq
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}

	// Breadth-first, children sorted by character.
	order := []*node{root}
	first := []uint32{}
	for i := 0; i < len(order); i++ {
		n := order[i]
		first = append(first, uint32(len(order)))
		kids := make([]*node, 0, len(n.children))
		for _, c := range n.children {
			kids = append(kids, c)
		}
		sort.Slice(kids, func(a, b int) bool { return kids[a].r < kids[b].r })
		order = append(order, kids...)
	}
	first = append(first, uint32(len(order)))
	parent := make([]*node, len(order))
	for i, n := range order {
		for j := first[i]; j < first[i+1]; j++ {
			parent[j] = n
		}
	}

	var b []byte
	b = append(b, "HZWM1"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(order)))
	for _, n := range order {
		b = binary.LittleEndian.AppendUint16(b, uint16(n.r))
	}
	for _, x := range first {
		b = binary.LittleEndian.AppendUint32(b, x)
	}
	for i, n := range order {
		if i == 0 {
			b = append(b, 0)
			continue
		}
		b = append(b, cost(n.prefix/parent[i].prefix))
	}
	for _, n := range order {
		if n.end == 0 {
			b = append(b, 255)
			continue
		}
		b = append(b, min(cost(n.end/n.prefix), 254))
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	if err := os.WriteFile(*out, z.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("genlm: %d nodes, %d bytes, %d gzipped", len(order), len(b), z.Len())
}

func allHan(w []rune) bool {
	for _, r := range w {
		if r > 0xFFFF || !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return len(w) > 0
}

// cost quantizes -8·log2 p into a byte.
func cost(p float64) byte {
	c := math.Round(-8 * math.Log2(p))
	return byte(min(max(c, 0), 255))
}
