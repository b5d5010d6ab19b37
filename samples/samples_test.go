package samples

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// residue is pinyin left behind by a web converter: a Han character followed
// by its tone-marked reading in ASCII parentheses, like 國(guó).
var residue = regexp.MustCompile(`(\p{Han})\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)`)

// mojibake is GBK text decoded one byte early: the 。 made from the stray
// lead byte, then bopomofo and box-drawing debris where (一)…(六) stood.
var mojibake = regexp.MustCompile(`(?m)^。\p{Bopomofo}\p{Han}?[\x{2500}-\x{257F}]`)

func byPrefix(t *testing.T, prefix string) File {
	t.Helper()
	for _, f := range All() {
		if strings.HasPrefix(f.Name, prefix) {
			return f
		}
	}
	t.Fatalf("no sample named %s*", prefix)
	return File{}
}

func TestAllFilesAreWellFormed(t *testing.T) {
	files := All()
	if len(files) < 3 {
		t.Fatalf("All() returned %d files, want at least 3", len(files))
	}
	for i, f := range files {
		if i > 0 && files[i-1].Name >= f.Name {
			t.Errorf("names not sorted: %q before %q", files[i-1].Name, f.Name)
		}
		if !strings.HasSuffix(f.Name, ".txt") {
			t.Errorf("%s: not a .txt file", f.Name)
		}
		if n := len(f.Data); n < 2048 || n > 6144 {
			t.Errorf("%s: %d bytes, want 2–6 KB", f.Name, n)
		}
		if !utf8.Valid(f.Data) {
			t.Errorf("%s: not valid UTF-8", f.Name)
		}
		if bytes.HasPrefix(f.Data, []byte("\xEF\xBB\xBF")) {
			t.Errorf("%s: starts with a BOM", f.Name)
		}
		if bytes.ContainsRune(f.Data, '\r') {
			t.Errorf("%s: contains \\r", f.Name)
		}
		if bytes.ContainsRune(f.Data, utf8.RuneError) {
			t.Errorf("%s: contains U+FFFD", f.Name)
		}
		first, _, _ := strings.Cut(string(f.Data), "\n")
		if utf8.RuneCountInString(first) < 6 {
			t.Errorf("%s: first line %q is too short to name the report", f.Name, first)
		}
	}
}

// TestStyles checks that each sample carries the mess it is meant to show,
// and that the marks of one style do not leak into the others.
func TestStyles(t *testing.T) {
	tests := []struct {
		prefix      string
		minResidue  int
		mojibake    bool
		contains    []string
		notContains []string
	}{
		{
			prefix:     "01_",
			minResidue: 100,
			contains: []string{
				"國(guó)", "經(jīng)", "發(fā)", "區(qū)", "會(huì)", "增長(zhǎng)", // traditional + residue
				"(AQI)", "(續(xù))", // legit parentheticals that must survive
				"一、", "二、", "(一)", "(四)", "我們(men)也清醒地認識到",
			},
			notContains: []string{"国", "经", "发展", "区"},
		},
		{
			prefix:   "02_",
			mojibake: true,
			contains: []string{
				"发布时间:2021-07-20", "来源:", "点击:", "第一方面:", "第二方面:",
				"— 3 —", "\n热点文章阅读\n", "我们也清醒地认识到",
			},
			notContains: []string{"國", "經"},
		},
		{
			prefix:      "03_",
			contains:    []string{"总体思路", "主要预期目标是:", "6.5%左右", "力争", "(一)", "(四)", "\n1.", "\n3."},
			notContains: []string{"进展情况", "上半年"},
		},
		{
			prefix:   "04_",
			contains: []string{"一、", "\n1.", "\n10.", "进展情况:1-5月", "①", "②", "\n加强政府自身建设\n"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.prefix, func(t *testing.T) {
			text := string(byPrefix(t, tc.prefix).Data)
			if n := len(residue.FindAllString(text, -1)); n < tc.minResidue || (tc.minResidue == 0 && n > 0) {
				t.Errorf("pinyin residue: %d occurrences, want at least %d (none if 0)", n, tc.minResidue)
			}
			if got := mojibake.MatchString(text); got != tc.mojibake {
				t.Errorf("mojibake heading present = %v, want %v", got, tc.mojibake)
			}
			for _, s := range tc.contains {
				if !strings.Contains(text, s) {
					t.Errorf("missing %q", s)
				}
			}
			for _, s := range tc.notContains {
				if strings.Contains(text, s) {
					t.Errorf("unexpected %q", s)
				}
			}
		})
	}
}

// TestResidueIsRealPinyin: every annotated reading is one go-pinyin knows
// for that character, so a parser that checks readings can remove all of it.
func TestResidueIsRealPinyin(t *testing.T) {
	args := pinyin.NewArgs()
	args.Style = pinyin.Tone
	args.Heteronym = true
	text := string(byPrefix(t, "01_").Data)
	for _, m := range residue.FindAllStringSubmatch(text, -1) {
		han, reading := m[1], m[2]
		readings := pinyin.Pinyin(han, args)
		if len(readings) != 1 {
			t.Fatalf("%s: go-pinyin has no reading", han)
		}
		found := false
		for _, r := range readings[0] {
			found = found || r == reading
		}
		if !found {
			t.Errorf("%s(%s): not among go-pinyin readings %v", han, reading, readings[0])
		}
	}
}

// TestMojibakeRecovers: the garbled run is a real (四) heading shifted by
// one GBK byte, so re-encoding and dropping the stray byte gives it back.
func TestMojibakeRecovers(t *testing.T) {
	text := string(byPrefix(t, "02_").Data)
	loc := mojibake.FindStringIndex(text)
	if loc == nil {
		t.Fatal("no mojibake run")
	}
	line, _, _ := strings.Cut(text[loc[0]:], "\n")
	garbled, _, ok := strings.Cut(line, "坚持以城带乡")
	if !ok {
		t.Fatalf("mojibake line %q does not continue with the chapter text", line)
	}
	raw, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(garbled))
	if err != nil {
		t.Fatalf("garbled run is not GBK-encodable: %v", err)
	}
	fixed, err := simplifiedchinese.GBK.NewDecoder().Bytes(raw[1:])
	if err != nil {
		t.Fatal(err)
	}
	if want := "（四）加快城乡融合发展"; !strings.HasPrefix(string(fixed), want) {
		t.Errorf("recovered %q, want prefix %q", fixed, want)
	}
}
