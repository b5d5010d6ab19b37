package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"baogao/hanzi"
	"baogao/model"
	"baogao/samples"
)

func outlineOf(t testing.TB, name string, data []byte) string {
	t.Helper()
	r, err := Parse(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var b bytes.Buffer
	model.WriteOutline(&b, r)
	return b.String()
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// reports gathers the seeds (when present) and the embedded samples.
func reports(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = data
	}
	for _, s := range samples.All() {
		out["samples/"+s.Name] = s.Data
	}
	return out
}

// TestEncodingsGiveSameOutline re-encodes every report and checks that the
// outline does not depend on the encoding.
func TestEncodingsGiveSameOutline(t *testing.T) {
	big5Done := 0
	for name, data := range reports(t) {
		want := outlineOf(t, name, data)
		if strings.Count(want, "\n") < 3 {
			t.Errorf("%s: outline too small to compare:\n%s", name, want)
		}
		variants := map[string][]byte{
			"utf-8+bom":    append([]byte("\ufeff"), data...),
			"utf-16le+bom": utf16LE(string(data)),
		}
		encoders := map[string]encoding.Encoding{"gb18030": simplifiedchinese.GB18030}
		if hanzi.LooksTraditional(string(data)) {
			encoders["big5"] = traditionalchinese.Big5
		}
		for enc, e := range encoders {
			b, err := e.NewEncoder().Bytes(data)
			if err != nil {
				t.Logf("%s: not representable in %s (%v); skipped", name, enc, err)
				continue
			}
			variants[enc] = b
			if enc == "big5" {
				big5Done++
			}
		}
		for enc, b := range variants {
			if got := outlineOf(t, name+" as "+enc, b); got != want {
				t.Errorf("%s as %s: outline differs from UTF-8:\n%s\nwant:\n%s", name, enc, got, want)
			}
		}
	}
	if big5Done == 0 {
		t.Error("no traditional report could be tried as Big5")
	}
}

var (
	reResidue       = regexp.MustCompile(`[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]`)
	reParenthetical = regexp.MustCompile(`[(（][^()（）\n]{1,20}[)）]`)
)

// TestNoPinyinResidue checks every seed's normalized text: no reading in
// parentheses is left, and every other parenthetical of the input is kept.
func TestNoPinyinResidue(t *testing.T) {
	for _, path := range seedFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Parse(path, data)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		left := map[string]int{}
		for _, m := range reResidue.FindAllString(r.Text, -1) {
			if hasToneMark(m) {
				left[m]++
			}
		}
		if len(left) > 0 {
			t.Errorf("%s: pinyin residue left: %v", name, left)
		}
		// Parentheticals that are not readings must survive.
		// Spaces inside Chinese text are normalized away, so compare without them.
		text := strings.ReplaceAll(r.Text, " ", "")
		kept, lost := map[string]int{}, map[string]int{}
		for _, m := range reParenthetical.FindAllString(string(data), -1) {
			if reResidue.MatchString(m) && hasToneMark(m) {
				continue
			}
			if strings.Contains(text, strings.ReplaceAll(m, " ", "")) {
				kept[m]++
			} else {
				lost[m]++
			}
		}
		t.Logf("%s: %d reading spans removed; parentheticals kept: %v", name, countSpans(r, model.SpanPinyin), kept)
		if len(lost) > 0 {
			t.Errorf("%s: legit parentheticals lost: %v", name, lost)
		}
	}
}

func hasToneMark(s string) bool { return strings.ContainsAny(s, toneMarked) }

func countSpans(r *model.Report, k model.SpanKind) int {
	n := 0
	for _, s := range r.Spans {
		if s.Kind == k {
			n++
		}
	}
	return n
}

func TestPinyinEdits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"國(guó)經(jīng)濟(jì)", "國經濟"},
		{"空氣質量指數(AQI)", "空氣質量指數(AQI)"},
		{"儲備糧(稻谷)入庫", "儲備糧(稻谷)入庫"},
		{"方案(2019-2021年)", "方案(2019-2021年)"},
		{"新(續)建", "新(續)建"},
		{"在 xx(xx) 區", "在 xx(xx) 區"},
		{"坚持?jǐn)U大", "坚持?U大"},
		// Latin that runs on past a reading's length without closing is text.
		{"國(guóguóguóguóguóguóguóguóguó經濟", "國(guóguóguóguóguóguóguóguóguó經濟"},
		{"國(guó經濟", "國(guó經濟"},
	}
	for _, tt := range tests {
		got, _ := applyEdits(tt.in, pinyinEdits(tt.in), nil)
		if got != tt.want {
			t.Errorf("pinyinEdits(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSpansPointIntoText checks that every recorded change lies inside the
// normalized text and that removals and repairs are all accounted for.
func TestSpansPointIntoText(t *testing.T) {
	for name, data := range reports(t) {
		r, err := Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		if want := hanzi.LooksTraditional(r.Text); r.Traditional != want {
			t.Fatalf("Traditional = %v, LooksTraditional(Text) = %v", r.Traditional, want)
		}
		for _, s := range r.Spans {
			if s.Start < 0 || s.End < s.Start || s.End > len(r.Text) {
				t.Errorf("%s: span %+v outside text of %d bytes", name, s, len(r.Text))
			}
		}
	}
}

func TestBinaryInputRefused(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.pdf")
	txt := filepath.Join(dir, "report.txt")
	os.WriteFile(pdf, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), 0o444)
	os.WriteFile(txt, []byte("一、上半年工作回顾\n(一)经济运行稳中有进。地区生产总值增长6.5%。\n"), 0o444)
	reports, errs := Load([]string{dir}, nil)
	if len(reports) != 1 || len(errs) != 1 {
		t.Fatalf("got %d reports and %d errors, want 1 and 1: %v", len(reports), len(errs), errs)
	}
	if msg := errs[0].Error(); !strings.Contains(msg, "report.pdf") || !strings.Contains(msg, "PDF") || strings.Contains(msg, "\n") {
		t.Errorf("error %q should name the file and say it looks like a PDF, on one line", msg)
	}
}

// BenchmarkParse is the whole parse: tree and metrics.
func BenchmarkParse(b *testing.B) { benchSeeds(b, Parse) }

// BenchmarkParseTree is what "baogao outline" runs: the tree, no metrics.
func BenchmarkParseTree(b *testing.B) { benchSeeds(b, ParseTree) }

func benchSeeds(b *testing.B, parse func(string, []byte) (*model.Report, error)) {
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(files) == 0 {
		b.Skip("no seed reports in ../shared/seeds")
	}
	var all [][]byte
	size := 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		all = append(all, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for j, data := range all {
			if _, err := parse(files[j], data); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range samples.All() {
		f.Add(s.Data)
	}
	f.Add([]byte("一、\n(一)\n1.\n①\n进展情况:\n。ㄒ唬┰\n国(guó)"))
	f.Add([]byte("<p>一、&nbsp;工作</p><br>## （一）**经济**[通知](http://x)\n名词解释\n1）附件"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz", data)
		if err != nil {
			return
		}
		if want := hanzi.LooksTraditional(r.Text); r.Traditional != want {
			t.Fatalf("Traditional = %v, LooksTraditional(Text) = %v", r.Traditional, want)
		}
		for _, s := range r.Spans {
			if s.Start < 0 || s.End < s.Start || s.End > len(r.Text) {
				t.Fatalf("span %+v outside text of %d bytes", s, len(r.Text))
			}
		}
		var b bytes.Buffer
		model.WriteOutline(&b, r)
	})
}

func TestSpaceEditsBlankLines(t *testing.T) {
	for _, in := range []string{"  \r\n正文", "\u3000\t\r", " \r", "正文\n \r\n"} {
		got, _ := applyEdits(in, spaceEdits(in, blanksIn(in, true)), nil) // must not panic
		if strings.Contains(got, "正文") != strings.Contains(in, "正文") {
			t.Errorf("spaceEdits(%q) lost text: %q", in, got)
		}
	}
}

// TestScriptKept checks that the script score decode and normalize keep
// edit by edit is the score of the normalized text, in every encoding.
func TestScriptKept(t *testing.T) {
	for name, data := range reports(t) {
		gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
		for enc, b := range map[string][]byte{"utf-8": data, "utf-16le": utf16LE(string(data)), "gb18030": gb} {
			d, err := decode(name, b)
			if err != nil {
				t.Fatalf("%s as %s: %v", name, enc, err)
			}
			if n := normalize(d); n.script != hanzi.ScriptScore(n.text) {
				t.Errorf("%s as %s: kept script score %d, text has %d", name, enc, n.script, hanzi.ScriptScore(n.text))
			}
		}
	}
}

func TestReadHeader(t *testing.T) {
	tests := []struct {
		name, text, title, subtitle string
		first                       string // the first paragraph after the header
	}{
		{"title and subtitle",
			"政府工作报告\n——2024年1月10日在鹤鸣市人民代表大会上\n各位代表：\n一、2023年工作回顾\n",
			"政府工作报告", "2024年1月10日在鹤鸣市人民代表大会上", "各位代表："},
		{"a title a PDF wrapped",
			"关于2023年国民经济和社会发展计划执行\n情况与2024年计划草案的报告\n一、2023年计划执行情况\n",
			"关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告", "", "一、2023年计划执行情况"},
		{"the year's title line wins",
			"上半年工作总结\n青石县2023年上半年工作总结\n今年以来，各项工作稳步推进。\n",
			"青石县2023年上半年工作总结", "", "今年以来，各项工作稳步推进。"},
		{"a web page's title with its site's name",
			"石桥镇2023年上半年工作总结_石桥镇人民政府\n今年以来，各项工作稳步推进。\n",
			"石桥镇2023年上半年工作总结", "", "今年以来，各项工作稳步推进。"},
		{"no title",
			"一、上半年工作情况\n经济运行稳中向好。\n",
			"", "", "一、上半年工作情况"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var meta model.Meta
			rest := readHeader(splitParagraphs(tt.text), &meta)
			if meta.Title != tt.title || meta.Subtitle != tt.subtitle {
				t.Errorf("title %q, subtitle %q; want %q, %q", meta.Title, meta.Subtitle, tt.title, tt.subtitle)
			}
			if len(rest) == 0 || rest[0].text != tt.first {
				t.Errorf("header ends before %v, want before %q", rest, tt.first)
			}
		})
	}
}
