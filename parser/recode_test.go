package parser

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"

	"baogao/internal/seeds"
	"baogao/model"
	"baogao/samples"
)

// misreaders are the ways a UTF-8 page gets misread: as GBK (a bad pair
// becomes one U+FFFD, two bytes lost), as Windows-1252 (five bytes it
// leaves undefined are lost) and as Latin-1 (nothing lost).
var misreaders = []struct {
	name string
	enc  encoding.Encoding
	min  float64 // the share of headings that must come back whole
}{
	{"GBK", simplifiedchinese.GBK, 0.35},
	{"Windows-1252", charmap.Windows1252, 0.6},
	{"Latin-1", charmap.ISO8859_1, 1},
}

// headingsKept is the share of want's headings (kind, label, title) that
// got has too, counted as a multiset.
func headingsKept(want, got []*model.Section) float64 {
	var flat func([]*model.Section, func(string))
	flat = func(ss []*model.Section, f func(string)) {
		for _, s := range ss {
			f(s.Kind.String() + "|" + s.Label + "|" + s.Title)
			flat(s.Children, f)
		}
	}
	have := map[string]int{}
	flat(got, func(h string) { have[h]++ })
	n, kept := 0, 0
	flat(want, func(h string) {
		n++
		if have[h] > 0 {
			have[h]--
			kept++
		}
	})
	if n == 0 {
		return 1
	}
	return float64(kept) / float64(n)
}

// TestMisreadReportsReadAgain misreads reports the three ways and checks
// that their headings come back: all of them when nothing was lost.
func TestMisreadReportsReadAgain(t *testing.T) {
	type report struct {
		name string
		data []byte
	}
	var reports []report
	for _, f := range samples.All() {
		reports = append(reports, report{f.Name, f.Data})
	}
	files, _ := filepath.Glob(filepath.Join(seeds.Dir(), "*.txt"))
	if len(files) == 0 {
		t.Log("no seed reports in ../shared/seeds: samples only")
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		reports = append(reports, report{filepath.Base(f), data})
	}
	for _, m := range misreaders {
		for _, r := range reports {
			want, err := Parse(r.name, r.data)
			if err != nil {
				t.Fatal(err)
			}
			misread, err := m.enc.NewDecoder().Bytes(r.data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse(r.name, misread)
			if err != nil {
				t.Fatal(err)
			}
			kept := headingsKept(want.Sections, got.Sections)
			t.Logf("%s %s: %.0f%% of headings", m.name, r.name, 100*kept)
			if kept < m.min {
				t.Errorf("%s misread as %s: %.0f%% of headings come back, want %.0f%%", r.name, m.name, 100*kept, 100*m.min)
			}
		}
	}
}

// TestMisreadingNeedsCues checks that text that merely holds a cue or two
// is not taken for misread, and that misread text is.
func TestMisreadingNeedsCues(t *testing.T) {
	report := "一、工作回顾\n经济，运行，稳中，向好，持续，改善。\n"
	gbk, _ := simplifiedchinese.GBK.NewDecoder().String(report)
	latin, _ := charmap.ISO8859_1.NewDecoder().String(report)
	for text, want := range map[string]string{
		"一、工作回顾\n锛是一个字，銆也是。": "",
		report: "",
		gbk:    "GBK",
		latin:  "Latin-1",
	} {
		got := ""
		if m := misreadingOf(text); m != nil {
			got = m.name
		}
		if got != want {
			t.Errorf("misreadingOf(%q) = %q, want %q", text, got, want)
		}
	}
}
