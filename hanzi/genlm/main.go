//go:build ignore

// Command genlm writes lm.bin, the character language model behind
// hanzi.Model, from the word-frequency dictionary of the jieba segmenter
// (MIT licence; Debian's python3-jieba ships it as jieba/dict.txt). Run it
// with `go generate` in package hanzi.
//
// The dictionary lists words and how often they occur. Read as running text
// cut into those words, it gives for each character how often it starts a
// word, how often it ends one, and for each pair of characters how often the
// second follows the first inside a word — enough for a bigram model whose
// cross-word steps go through "end a word, start the next".
//
// Layout of lm.bin (all integers little-endian):
//
//	"HZLM1"
//	uint16 n                   characters, ascending (BMP only)
//	n × uint16                 the characters
//	n × byte                   start cost  round(-8·log2 P(word starts with c))
//	n × byte                   end cost    round(-16·log2 P(c ends its word | c))
//	n × uint32                 offset of c's successors in the pair arrays
//	uint32 m                   pairs
//	m × uint16                 successor index, ascending within each c
//	m × byte                   pair cost   round(-8·log2 P(next in word is d | c))
package main

import (
	"bufio"
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

func main() {
	dict := flag.String("dict", "/usr/lib/python3/dist-packages/jieba/dict.txt", "jieba dict.txt")
	out := flag.String("o", "lm.bin", "output file")
	minPair := flag.Int("min", 5, "drop pairs seen less often than this")
	flag.Parse()

	f, err := os.Open(*dict)
	if err != nil {
		log.Fatalf("genlm: %v (install python3-jieba or pass -dict)", err)
	}
	defer f.Close()
	uni := map[rune]float64{}
	start := map[rune]float64{}
	end := map[rune]float64{}
	pair := map[[2]rune]float64{}
	var words float64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		n, err := strconv.ParseFloat(fields[1], 64)
		if err != nil || n <= 0 {
			continue
		}
		w := []rune(hanzi.ToSimplified(fields[0]))
		if !allHan(w) {
			continue
		}
		words += n
		start[w[0]] += n
		end[w[len(w)-1]] += n
		for i, r := range w {
			uni[r] += n
			if i > 0 {
				pair[[2]rune{w[i-1], r}] += n
			}
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}

	chars := make([]rune, 0, len(uni))
	for r := range uni {
		chars = append(chars, r)
	}
	sort.Slice(chars, func(i, j int) bool { return chars[i] < chars[j] })
	index := map[rune]int{}
	for i, r := range chars {
		index[r] = i
	}
	succ := make([][]int, len(chars))
	for p, n := range pair {
		// A pair rarer inside words than the cross-word path explains adds nothing.
		crossWord := end[p[0]] / uni[p[0]] * start[p[1]] / words
		if n >= float64(*minPair) && n/uni[p[0]] > 2*crossWord {
			a := index[p[0]]
			succ[a] = append(succ[a], index[p[1]])
		}
	}

	var b []byte
	b = append(b, "HZLM1"...)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(chars)))
	for _, r := range chars {
		b = binary.LittleEndian.AppendUint16(b, uint16(r))
	}
	for _, r := range chars {
		b = append(b, cost(8, (start[r]+0.5)/words))
	}
	for _, r := range chars {
		b = append(b, cost(16, (end[r]+0.5)/(uni[r]+0.5)))
	}
	var next []uint16
	var costs []byte
	for i, r := range chars {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(next)))
		sort.Ints(succ[i])
		for _, j := range succ[i] {
			next = append(next, uint16(j))
			costs = append(costs, cost(8, pair[[2]rune{r, chars[j]}]/uni[r]))
		}
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(next)))
	for _, j := range next {
		b = binary.LittleEndian.AppendUint16(b, j)
	}
	b = append(b, costs...)
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("genlm: %d characters, %d pairs, %d bytes", len(chars), len(next), len(b))
}

func allHan(w []rune) bool {
	for _, r := range w {
		if r > 0xFFFF || !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return len(w) > 0
}

// cost quantizes -scale·log2 p into a byte.
func cost(scale, p float64) byte {
	c := math.Round(-scale * math.Log2(p))
	return byte(min(max(c, 0), 255))
}
