package parser

import (
	"math"
	"os"
	"regexp"
	"slices"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"baogao/hanzi"
)

// TestFillDroppedPairs damages phrases of the simplified seeds the way seed
// 001's website did (one junk byte in front, unmappable pairs dropped), puts
// each back into its report, and measures how much of it the repair brings
// back with and without the search for dropped pairs.
func TestFillDroppedPairs(t *testing.T) {
	var docs []string
	for _, f := range seedFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(b); !hanzi.LooksTraditional(s) {
			docs = append(docs, s)
		}
	}
	phrase := regexp.MustCompile(`[\p{Han}]{6,16}`)
	type result struct {
		exact, n int
		share    float64
	}
	run := func(fill bool) result {
		var res result
		for _, doc := range docs {
			all := phrase.FindAllStringIndex(doc, -1)
			for k := 0; k < len(all); k += max(1, len(all)/25) {
				lo, hi := all[k][0], all[k][1]
				want := doc[lo:hi]
				var filler *mbFiller
				if fill { // the report's own pairs, without the phrase itself
					filler = newFiller(doc[:lo] + doc[hi:])
				}
				damaged := mbDamage(t, want, 0xA1, true)
				// Read it one byte along, as the repair does.
				b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(damaged))
				if err != nil {
					t.Fatal(err)
				}
				stream := make([]int, 0, len(b))
				for _, c := range b[1:] {
					stream = append(stream, int(c))
				}
				got, _ := mbDecode(stream, filler)
				res.n++
				res.share += mbRecovered(want, got)
				if got == want {
					res.exact++
				} else if fill && testing.Verbose() {
					t.Logf("%s → %s → %s", want, damaged, got)
				}
			}
		}
		return res
	}
	plain, filled := run(false), run(true)
	if plain.n == 0 {
		t.Skip("no simplified seeds")
	}
	t.Logf("%d damaged phrases: exact %d → %d, characters recovered %.1f%% → %.1f%% (plain reading → with dropped pairs filled)",
		plain.n, plain.exact, filled.exact, 100*plain.share/float64(plain.n), 100*filled.share/float64(filled.n))
	// Measured: 53.8% → 80.7% of characters, 0 → 14 of 78 phrases exact.
	if filled.share < 0.75*float64(filled.n) || filled.exact < 10 {
		t.Errorf("filling dropped pairs recovers too little")
	}
}

func TestFastLog2(t *testing.T) {
	worst := 0.0
	for x := 1e-12; x <= 1; x *= 1.001 {
		worst = max(worst, math.Abs(fastLog2(x)-math.Log2(x)))
	}
	if worst > 1e-4 {
		t.Errorf("fastLog2 is off by up to %g", worst)
	}
}

func TestBeamPrune(t *testing.T) {
	h := func(score float64, last rune, state hanzi.State) fillHyp {
		return fillHyp{score: score, last: last, state: state}
	}
	tests := []struct {
		name string
		in   []fillHyp
		k    int
		want []fillHyp
	}{
		{"best first", []fillHyp{h(1, 'a', 0), h(3, 'b', 0), h(2, 'c', 0)}, 8,
			[]fillHyp{h(3, 'b', 0), h(2, 'c', 0), h(1, 'a', 0)}},
		{"only k", []fillHyp{h(1, 'a', 0), h(3, 'b', 0), h(2, 'c', 0)}, 2,
			[]fillHyp{h(3, 'b', 0), h(2, 'c', 0)}},
		{"best of a last and state", []fillHyp{h(1, 'a', 0), h(5, 'a', 0), h(3, 'a', 0), h(2, 'b', 0)}, 8,
			[]fillHyp{h(5, 'a', 0), h(2, 'b', 0)}},
		{"same last, other state", []fillHyp{h(1, 'a', 0), h(5, 'a', 7)}, 8,
			[]fillHyp{h(5, 'a', 7), h(1, 'a', 0)}},
		{"a duplicate does not push out a distinct one", []fillHyp{h(4, 'a', 0), h(3, 'b', 0), h(5, 'a', 0)}, 2,
			[]fillHyp{h(5, 'a', 0), h(3, 'b', 0)}},
		{"ties keep the earlier", []fillHyp{h(2, 'a', 0), h(2, 'b', 0), h(2, 'c', 0)}, 2,
			[]fillHyp{h(2, 'a', 0), h(2, 'b', 0)}},
		{"empty", nil, 8, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b fillBeamSet
			for _, h := range tt.in {
				b.add(h)
			}
			(&mbFiller{}).keep(&b, tt.k)
			if !slices.Equal(b.hyps(), tt.want) {
				t.Fatalf("kept %v, want %v", b.hyps(), tt.want)
			}
		})
	}
}

func newDocModel(text string) *docModel {
	d := &docModel{}
	d.reset(text)
	return d
}

// after gives the characters seen after r, in order of first appearance.
func (d *docModel) after(r rune) []rune {
	a, ok := d.known(r)
	if !ok {
		return nil
	}
	var rs []rune
	for _, b := range d.afterID(a) {
		rs = append(rs, d.runes[b])
	}
	return rs
}

func TestDocModel(t *testing.T) {
	// 發 folds to 发; spaces and mojibake symbols break pairs.
	d := newDocModel("发展发展，發展 发生ㄈ发现")
	tests := []struct {
		prev, r rune
		n, pair int32
	}{
		{'发', '展', 5, 3}, // 发展 twice, 發展 once; 发生 and 发现 are the other two
		{'发', '生', 5, 1},
		{'发', '现', 5, 1},
		{'展', '发', 2, 1}, // 展发 and 展，; the space after the third 展 breaks
		{'展', '，', 2, 1},
		{'生', '发', 0, 0}, // ㄈ breaks the pair
		{'现', '发', 0, 0}, // last character: followed by nothing
		{'无', '发', 0, 0},
	}
	for _, tt := range tests {
		n, pair := d.counts(tt.prev, tt.r)
		if n != tt.n || pair != tt.pair {
			t.Errorf("counts(%c, %c) = %d, %d; want %d, %d", tt.prev, tt.r, n, pair, tt.n, tt.pair)
		}
	}
	if got := string(d.after('发')); got != "展生现" {
		t.Errorf("after(发) = %q, want 展生现 (in order of first appearance)", got)
	}
}

func TestExp2Below(t *testing.T) {
	for x := -300.0; x < 10; x += 0.0123 {
		if got, want := exp2Below(x), math.Exp2(x); got > want || got < want*0.9 {
			t.Fatalf("exp2Below(%g) = %g, want at most %g and near it", x, got, want)
		}
	}
	if got := exp2Below(math.Inf(-1)); got != 0 {
		t.Errorf("exp2Below(-Inf) = %g, want 0", got)
	}
}

// TestScanMatchesExtend checks scan's shortcut (candidates that can only
// start a new word are scored from the list's table) against extend on
// every candidate, on a report's own pairs.
func TestScanMatchesExtend(t *testing.T) {
	b, err := os.ReadFile(seedFiles(t)[0])
	if err != nil {
		t.Fatal(err)
	}
	f := newFiller(string(b))
	defer f.release()
	var hyps []fillHyp
	for i, r := range "发展的是中国经济，工作" {
		h := fillHyp{score: -float64(i), last: r, lastFold: foldHan(r), state: f.lm.Start(foldHan(r)), trail: int32(0xA1 + i)}
		hyps = append(hyps, h)
		if i%2 == 0 { // also between words
			h.state, h.score = 0, h.score-0.5
			hyps = append(hyps, h)
		}
	}
	lists := map[string][]fillCand{"lead B7": fillTab.byLead[0xB7], "lead D6": fillTab.byLeadAll[0xD6], "trail A3": fillTab.topTrail[0xA3]}
	for name, l := range lists {
		for _, dropped := range []bool{false, true} {
			var got, want fillBeamSet
			for _, h := range hyps {
				f.scan(&h, l, dropped, &got)
				for i := range l {
					if c := &l[i]; !dropped || mbDropped(f.t, int(h.trail), c.lead) {
						f.extend(&h, c, 0, 0, &want)
					}
				}
			}
			if !slices.Equal(got.hyps(), want.hyps()) {
				t.Errorf("%s (dropped %v): scan kept %v, extend %v", name, dropped, got.hyps(), want.hyps())
			}
		}
	}
}

// TestDropsMatchesPairs checks the dropped-pair bit table against mbDropped.
func TestDropsMatchesPairs(t *testing.T) {
	fillTabOnce.Do(fillBuild)
	d := decTables()
	for x := fillEnd; x <= 0x100; x++ {
		for y := fillEnd; y <= 0x100; y++ {
			if got, want := fillTab.drops(x, y), mbDropped(d, x, y); got != want {
				t.Fatalf("drops(%#x, %#x) = %v, mbDropped %v", x, y, got, want)
			}
		}
	}
}

// TestDocModelSeeds checks the chained pairs against plain counting in a
// map, on every seed: how often each character is followed by anything,
// counts for every pair, followers in order of first appearance, and no
// count for a character never seen after another. ASCII is only ever
// something that follows (the search's characters are GBK pairs).
func TestDocModelSeeds(t *testing.T) {
	for _, file := range seedFiles(t) {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		d := newDocModel(text)
		uni := map[int]int32{}
		pairs := map[[2]int]int32{}
		after := map[int][]int{}
		prev := -1
		for i := 0; i < len(text); {
			r, size := hanzi.DecodeRune(text, i)
			i += size
			if r < 0x80 {
				if prev >= 0 && r > ' ' {
					uni[prev]++
				}
				prev = -1
				continue
			}
			cur := -1
			if r <= 0xFFFF && d.id[r] != docBreak {
				cur = int(d.id[r]) - 1
			}
			if cur >= 0 && prev >= 0 {
				if pairs[[2]int{prev, cur}] == 0 {
					after[prev] = append(after[prev], cur)
				}
				pairs[[2]int{prev, cur}]++
				uni[prev]++
			}
			prev = cur
		}
		for a, r := range d.runes {
			var want []rune
			for _, b := range after[a] {
				want = append(want, d.runes[b])
				if n, pair := d.counts(r, d.runes[b]); n != uni[a] || pair != pairs[[2]int{a, b}] {
					t.Fatalf("%s: counts(%c, %c) = %d, %d; want %d, %d", file, r, d.runes[b], n, pair, uni[a], pairs[[2]int{a, b}])
				}
			}
			if got := d.after(r); !slices.Equal(got, want) {
				t.Fatalf("%s: after(%c) = %q, want %q", file, r, string(got), string(want))
			}
			o := (a + 7) % len(d.runes)
			if n, pair := d.counts(r, d.runes[o]); n != uni[a] || pair != pairs[[2]int{a, o}] {
				t.Fatalf("%s: counts(%c, %c) = %d, %d; want %d, %d", file, r, d.runes[o], n, pair, uni[a], pairs[[2]int{a, o}])
			}
		}
	}
}
