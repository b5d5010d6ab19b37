package parser

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"baogao/hanzi"
	"baogao/internal/seeds"
	"baogao/model"
)

// The seed reports and their hand-made answers live beside the project.
var (
	seedDir = seeds.Dir()
	goldDir = seeds.GoldDir()
)

// seedFiles lists the seed reports, or skips the test when they are absent.
func seedFiles(t testing.TB) []string { return seeds.Paths(t) }

// outlineLine is one line of an outline: a section's depth, kind, label
// and title.
type outlineLine struct {
	depth              int
	kind, label, title string
	repaired           bool // title rebuilt from mojibake
}

func readOutline(t *testing.T, data []byte) []outlineLine {
	t.Helper()
	var out []outlineLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		trimmed := strings.TrimLeft(line, " ")
		f := strings.SplitN(trimmed, "\t", 3)
		if len(f) != 3 {
			t.Fatalf("bad outline line %q", line)
		}
		out = append(out, outlineLine{depth: (len(line) - len(trimmed)) / 2, kind: f[0], label: f[1], title: f[2]})
	}
	return out
}

// titleKey folds a title for comparison: no punctuation or spaces,
// simplified characters.
func titleKey(s string) []rune {
	var out []rune
	for _, r := range hanzi.Fold(s) {
		if unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// titlesMatch follows gold/FORMAT.md: after folding, one title is a prefix
// of the other and the shorter has at least 6 characters, or the two are
// at least 80% alike by difflib's ratio.
func titlesMatch(a, b string) bool {
	if a == "*" || b == "*" {
		return a == b
	}
	ka, kb := titleKey(a), titleKey(b)
	if string(ka) == string(kb) {
		return true
	}
	short, long := ka, kb
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) >= 6 && string(long[:len(short)]) == string(short) {
		return true
	}
	return ratio(ka, kb) >= 0.8
}

// ratio is difflib.SequenceMatcher.ratio: 2·M/T with M the characters in
// the recursively found longest matching blocks.
func ratio(a, b []rune) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return 2 * float64(matchingChars(a, b)) / float64(len(a)+len(b))
}

func matchingChars(a, b []rune) int {
	bestI, bestJ, bestN := 0, 0, 0
	for i := range a {
		for j := range b {
			n := 0
			for i+n < len(a) && j+n < len(b) && a[i+n] == b[j+n] {
				n++
			}
			if n > bestN {
				bestI, bestJ, bestN = i, j, n
			}
		}
	}
	if bestN == 0 {
		return 0
	}
	return bestN + matchingChars(a[:bestI], b[:bestJ]) + matchingChars(a[bestI+bestN:], b[bestJ+bestN:])
}

func linesMatch(g, p outlineLine) bool {
	return g.depth == p.depth && g.kind == p.kind && g.label == p.label && (p.repaired || titlesMatch(g.title, p.title))
}

// markRepaired flags printed lines whose title was rebuilt from GBK
// mojibake: bytes the damage destroyed cannot come back, so for those the
// depth, kind and label are checked and the title only reported.
func markRepaired(r *model.Report, got []outlineLine) {
	i := 0
	r.Walk(func(s *model.Section, _ int) bool {
		for _, sp := range r.Spans {
			if sp.Kind == model.SpanMojibake && sp.Start < s.Offset+len(s.Title)+8 && sp.End > s.Offset {
				got[i].repaired = true
			}
		}
		i++
		return true
	})
}

// alignOutlines pairs gold and printed lines in order (longest common
// subsequence under linesMatch) and returns which of each side matched.
func alignOutlines(gold, got []outlineLine) (goldHit, gotHit []bool) {
	n, m := len(gold), len(got)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case linesMatch(gold[i], got[j]):
				dp[i][j] = dp[i+1][j+1] + 1
			case dp[i+1][j] >= dp[i][j+1]:
				dp[i][j] = dp[i+1][j]
			default:
				dp[i][j] = dp[i][j+1]
			}
		}
	}
	goldHit, gotHit = make([]bool, n), make([]bool, m)
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case linesMatch(gold[i], got[j]) && dp[i][j] == dp[i+1][j+1]+1:
			goldHit[i], gotHit[j] = true, true
			i, j = i+1, j+1
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	return goldHit, gotHit
}

// TestOutlineMatchesGold parses every seed and compares its outline with
// the hand-made one. Parts and chapters (depth 0 and 1) must all match
// with nothing extra; deeper items need 95% recall and 95% precision.
func TestOutlineMatchesGold(t *testing.T) {
	for _, path := range seedFiles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		goldData, err := os.ReadFile(filepath.Join(goldDir, name+".outline"))
		if err != nil {
			t.Errorf("%s: no gold outline: %v", name, err)
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ParseTree(path, data) // what "baogao outline" prints from
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var buf bytes.Buffer
		model.WriteOutline(&buf, r)
		gold, got := readOutline(t, goldData), readOutline(t, buf.Bytes())
		markRepaired(r, got)
		goldHit, gotHit := alignOutlines(gold, got)
		rebuilt, rebuiltRight := 0, 0
		for j, p := range got {
			if !p.repaired {
				continue
			}
			rebuilt++
			right := false
			for _, g := range gold {
				if gotHit[j] && g.depth == p.depth && g.kind == p.kind && g.label == p.label && titlesMatch(g.title, p.title) {
					right = true
				}
			}
			if right {
				rebuiltRight++
			} else {
				t.Logf("%s: title rebuilt from mojibake differs from gold: %d %s %q %q", name, p.depth, p.kind, p.label, p.title)
			}
		}
		if rebuilt > 0 {
			// Reported, not failed: the bytes of some characters are gone.
			t.Logf("%s: titles rebuilt from mojibake: %d/%d equal to gold", name, rebuiltRight, rebuilt)
		}
		var topGold, topGoldHit, topGot, topGotHit, deepGold, deepGoldHit, deepGot, deepGotHit int
		for i, g := range gold {
			if g.depth <= 1 {
				topGold++
				if goldHit[i] {
					topGoldHit++
				} else {
					t.Errorf("%s: missing part/chapter: %d %s %q %q", name, g.depth, g.kind, g.label, g.title)
				}
			} else {
				deepGold++
				if goldHit[i] {
					deepGoldHit++
				} else {
					t.Logf("%s: missing item: %d %s %q %q", name, g.depth, g.kind, g.label, g.title)
				}
			}
		}
		for j, p := range got {
			if p.depth <= 1 {
				topGot++
				if gotHit[j] {
					topGotHit++
				} else {
					t.Errorf("%s: extra part/chapter: %d %s %q %q", name, p.depth, p.kind, p.label, p.title)
				}
			} else {
				deepGot++
				if gotHit[j] {
					deepGotHit++
				} else {
					t.Logf("%s: extra item: %d %s %q %q", name, p.depth, p.kind, p.label, p.title)
				}
			}
		}
		recall, precision := frac(deepGoldHit, deepGold), frac(deepGotHit, deepGot)
		t.Logf("%s: parts+chapters %d/%d gold found, %d/%d printed in gold; deeper items recall %.3f (%d/%d), precision %.3f (%d/%d)",
			name, topGoldHit, topGold, topGotHit, topGot, recall, deepGoldHit, deepGold, precision, deepGotHit, deepGot)
		if recall < 0.95 || precision < 0.95 {
			t.Errorf("%s: deeper items recall %.3f precision %.3f, want both ≥ 0.95", name, recall, precision)
		}
	}
}

func frac(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
