package hanzi

import (
	"slices"
	"testing"
)

// prob is the likelier way r can follow the one-character word prev.
func prob(m *Model, prev, r rune) float64 {
	_, pGo, _, pNew := m.Next(m.Start(prev), r)
	return max(pGo, pNew)
}

func TestModelPrefersWords(t *testing.T) {
	m := LanguageModel()
	tests := []struct{ word, nonWord string }{
		{"全力", "全圈"},
		{"政府", "政赵"},
		{"精心", "精灸"},
		{"吸引", "吸西"},
		{"建设", "建陨"},
	}
	for _, tt := range tests {
		w, n := []rune(tt.word), []rune(tt.nonWord)
		if pw, pn := prob(m, w[0], w[1]), prob(m, n[0], n[1]); pw <= pn {
			t.Errorf("P(%s) = %g, not above P(%s) = %g", tt.word, pw, tt.nonWord, pn)
		}
	}
	if m.StartProb('的') <= m.StartProb('醛') {
		t.Errorf("的 should start words more often than 醛")
	}
	if m.Known('發') || !m.Known('发') {
		t.Errorf("the model is simplified: knows 发, not 發")
	}
	var follows []rune
	kids, _ := m.Follows(m.Start('吸'), 48)
	for _, c := range kids {
		follows = append(follows, m.Char(c))
	}
	if !slices.Contains(follows, '引') {
		t.Errorf("吸 → 引 missing from the model's successors")
	}
}

func TestModelProbIsAProbability(t *testing.T) {
	m := LanguageModel()
	for _, pair := range []string{"全力", "的的", "龘龘", "aa"} {
		r := []rune(pair)
		if p := prob(m, r[0], r[1]); p <= 0 || p > 1 {
			t.Errorf("P(%s) = %g", pair, p)
		}
	}
}

func TestModelKids(t *testing.T) {
	m := LanguageModel()
	kids := m.Kids(m.Start('吸'))
	if !slices.Contains(kids, uint16('引')) || !slices.IsSorted(kids) {
		t.Errorf("Kids(吸) = %d characters, want 引 among them, in code order", len(kids))
	}
	for _, k := range kids {
		if goOn, pGo, _, _ := m.Next(m.Start('吸'), rune(k)); goOn == 0 || pGo == 0 {
			t.Errorf("Kids(吸) has %c, which Next does not go on with", k)
		}
	}
	if m.Kids(0) != nil {
		t.Errorf("Kids between words should be empty")
	}
}
