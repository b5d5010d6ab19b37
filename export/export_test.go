package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"baogao/cells"
	"baogao/model"
)

// headings lists the sections' headings, for readable failures.
func headings(ss []*model.Section) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Heading())
	}
	return out
}

func TestFind(t *testing.T) {
	r := fixture()
	tests := []struct {
		path string
		want []string // headings, in document order
	}{
		{"二/(三)", []string{"(三)着力保障改善民生"}},
		{"二/（三）", []string{"(三)着力保障改善民生"}},
		{" 二／(三) ", []string{"(三)着力保障改善民生"}},
		{"二、", []string{"二、下半年工作打算"}},
		{"一/(一)", []string{"(一)产业发展稳中有进"}},
		{"一/(二)/1/进展情况", []string{"进展情况"}},
		{"一/(二)/1．/进展情况：", []string{"进展情况"}},
		{"加强政府自身建设/96", []string{"96. 推进政务公开"}},
		// a lead sentence is stepped through, or named by its title
		{"一/(一)/服务业稳步发展", []string{"服务业稳步发展"}},
		// title search: several hits, all returned in document order
		{"项目", []string{"(二)项目建设有力推进", "1. 重点项目开工", "(一)全力抓好项目建设"}},
		{"营商环境", []string{"(二)持续优化营商环境"}},
		{"工业生产", []string{"工业生产加快回升"}},
		// "(一)" alone is a title search over nothing: labels only match
		// from the top, and no title contains "(一)".
	}
	for _, tt := range tests {
		got, err := Find(r, tt.path)
		if err != nil {
			t.Errorf("Find(%q): %v", tt.path, err)
			continue
		}
		if h := headings(got); !reflect.DeepEqual(h, tt.want) {
			t.Errorf("Find(%q) = %q, want %q", tt.path, h, tt.want)
		}
	}
	for _, bad := range []string{"不存在的章节", "三/(一)", "(一)", "一/(九)"} {
		if got, err := Find(r, bad); !errors.Is(err, ErrNotFound) {
			t.Errorf("Find(%q) = %q, %v; want ErrNotFound", bad, headings(got), err)
		}
	}
	if _, err := Find(r, "  "); err == nil || errors.Is(err, ErrNotFound) {
		t.Errorf("Find(blank) = %v, want an empty-path error", err)
	}
}

func TestPath(t *testing.T) {
	r := fixture()
	want := map[string]string{
		"二、下半年工作打算":   "二",
		"(三)着力保障改善民生": "二/(三)",
		"进展情况":        "一/(二)/1/进展情况",
		"96. 推进政务公开":  "加强政府自身建设/96",
		"工业生产加快回升":    "一/(一)/工业生产加快回升",
		"加强政府自身建设":    "加强政府自身建设",
		"*":           "一/*",
		"(二)持续优化营商环境": "二/(二)",
	}
	seen := 0
	r.Walk(func(s *model.Section, _ int) bool {
		if w, ok := want[s.Heading()]; ok {
			seen++
			if got := Path(r, s); got != w {
				t.Errorf("Path(%q) = %q, want %q", s.Heading(), got, w)
			}
		}
		return true
	})
	if seen != len(want) {
		t.Errorf("checked %d sections, want %d", seen, len(want))
	}
	if got := Path(r, &model.Section{Label: "一"}); got != "" {
		t.Errorf("Path of a section not in the report = %q, want empty", got)
	}
}

// TestFindPathRoundTrip: every section is among the hits for its own path,
// in the fixture and in every seed.
func TestFindPathRoundTrip(t *testing.T) {
	check := func(t *testing.T, r *model.Report) {
		r.Walk(func(s *model.Section, _ int) bool {
			p := Path(r, s)
			hits, err := Find(r, p)
			if err != nil {
				t.Errorf("%s: Find(Path=%q): %v", r.Path, p, err)
				return true
			}
			for _, h := range hits {
				if h == s {
					return true
				}
			}
			t.Errorf("%s: Find(%q) = %q, misses %q", r.Path, p, headings(hits), s.Heading())
			return true
		})
	}
	t.Run("fixture", func(t *testing.T) { check(t, fixture()) })
	t.Run("seeds", func(t *testing.T) {
		for _, r := range seedReports(t) {
			check(t, r)
		}
	})
}

// canonical deep-copies a section tree with empty slices as nil, since
// JSON's omitempty cannot tell them apart; every other field is kept, so
// reflect.DeepEqual still compares fields added to Section later.
func canonical(s *model.Section) *model.Section {
	c := *s
	c.Metrics = nil
	if len(s.Metrics) > 0 {
		c.Metrics = append([]model.Metric(nil), s.Metrics...)
	}
	c.Children = nil
	for _, ch := range s.Children {
		c.Children = append(c.Children, canonical(ch))
	}
	return &c
}

// TestRoundTrip is the must-show: for every section of the fixture
// and of every seed, the txt export is exactly the section text the reader
// shows, and the JSON export parses back into the same section tree.
func TestRoundTrip(t *testing.T) {
	check := func(t *testing.T, r *model.Report) int {
		n := 0
		r.Walk(func(s *model.Section, _ int) bool {
			n++
			for _, sc := range []model.Script{model.ScriptOriginal, model.ScriptSimplified, model.ScriptTraditional} {
				txt, err := SectionString(r, s, "txt", sc)
				if err != nil {
					t.Fatal(err)
				}
				if want := model.SectionText(s, sc) + "\n"; txt != want {
					t.Errorf("%s %q (%v): txt export\n%q\nwant\n%q", r.Path, s.Heading(), sc, txt, want)
				}
			}
			js, err := SectionString(r, s, "json", model.ScriptTraditional)
			if err != nil {
				t.Fatal(err)
			}
			var back model.Section
			if err := json.Unmarshal([]byte(js), &back); err != nil {
				t.Fatalf("%s %q: JSON does not parse: %v", r.Path, s.Heading(), err)
			}
			if !reflect.DeepEqual(canonical(&back), canonical(s)) {
				t.Errorf("%s %q: JSON round trip differs:\n%s", r.Path, s.Heading(), js)
			}
			return true
		})
		return n
	}
	t.Run("fixture", func(t *testing.T) {
		if n := check(t, fixture()); n != 14 {
			t.Errorf("walked %d fixture sections, want 14", n)
		}
	})
	t.Run("seeds", func(t *testing.T) {
		for _, r := range seedReports(t) {
			n := check(t, r)
			t.Logf("%s: %d sections round-trip", r.Path, n)
		}
	})
}

func findOne(t *testing.T, r *model.Report, path string) *model.Section {
	t.Helper()
	ss, err := Find(r, path)
	if err != nil || len(ss) != 1 {
		t.Fatalf("Find(%q) = %q, %v", path, headings(ss), err)
	}
	return ss[0]
}

func TestWriteSectionMarkdown(t *testing.T) {
	r := fixture()
	tests := []struct{ path, want string }{
		{"一/(一)", `# (一)产业发展稳中有进

## 工业生产加快回升

规模以上工业增加值增长6.1%。

## 服务业稳步发展

商贸流通持续活跃。

新开业商场两家。

| section | indicator          | value | unit | measure | period | status | qualifier |
| ------- | ------------------ | ----: | ---- | ------- | ------ | ------ | --------- |
| 一/(一) | 规模以上工业增加值 |   6.1 | %    | change  | 上半年 | actual |           |
`},
		{"二", `# 二、下半年工作打算

## (一)全力抓好项目建设

确保全年开工60个。

## (二)持续优化营商环境

深化"放管服"改革\|一网通办。

## (三)着力保障改善民生

新增就业\*5000人以上。

| section | indicator | value | unit | measure | period | status | qualifier |
| ------- | --------- | ----: | ---- | ------- | ------ | ------ | --------- |
| 二/(三) | 新增就业  |  5000 | 人   | level   | 全年   | target | 以上      |
`},
		// no metrics: no table; a paragraph's leading "#" is escaped, a
		// heading's "96." is not a list
		{"加强政府自身建设", `# 加强政府自身建设

## 96. 推进政务公开

\# 全面公开预算。
`},
	}
	for _, tt := range tests {
		got, err := SectionString(r, findOne(t, r, tt.path), "md", model.ScriptOriginal)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("md of %q:\n%s\nwant:\n%s", tt.path, got, tt.want)
		}
	}
}

// TestMarkdownTableAligned: every line of a Markdown table is as wide in
// terminal cells as the header, whatever mix of CJK and ASCII it holds.
func TestMarkdownTableAligned(t *testing.T) {
	ms := []model.Metric{
		{Section: "加强政府自身建设/96", Indicator: "一般公共预算收入", Value: 37.3, Unit: "亿元", Measure: model.MeasureLevel, Status: model.StatusActual},
		{Section: "", Indicator: "GDP", Value: -5.9, Unit: "%", Measure: model.MeasureChange, Period: "1-6月", Status: model.StatusForecast, Qualifier: "左右"},
		{Section: "一", Indicator: "规上|工业", Value: 1.5e12, Unit: "元", Measure: model.MeasureLevel, Status: model.StatusTarget},
	}
	got, err := MetricsString(ms, "md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 2+len(ms) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), 2+len(ms), got)
	}
	w := cells.Width(lines[0])
	for _, l := range lines {
		if cells.Width(l) != w {
			t.Errorf("line %q is %d cells, header is %d", l, cells.Width(l), w)
		}
		if n := strings.Count(strings.ReplaceAll(l, `\|`, ""), "|"); n != len(MetricColumns)+1 {
			t.Errorf("line %q has %d column bars, want %d", l, n, len(MetricColumns)+1)
		}
	}
}

func TestWriteMetricsTSV(t *testing.T) {
	r := fixture()
	got, err := SectionString(r, findOne(t, r, "一"), "tsv", model.ScriptOriginal)
	if err != nil {
		t.Fatal(err)
	}
	want := "section\tindicator\tvalue\tunit\tmeasure\tperiod\tstatus\tqualifier\n" +
		"一/(一)\t规模以上工业增加值\t6.1\t%\tchange\t上半年\tactual\t\n" +
		"一/(二)/1/进展情况\t开工项目\t28\t个\tlevel\t上半年\tactual\t\n" +
		"一/(二)/1/进展情况\t完成投资\t45.2\t亿元\tlevel\t上半年\tactual\t\n"
	if got != want {
		t.Errorf("tsv:\n%q\nwant\n%q", got, want)
	}
	// a field never breaks a row or a column
	got, _ = MetricsString([]model.Metric{{Indicator: "甲\t乙\n丙"}}, "tsv")
	if rows := strings.Split(strings.TrimSuffix(got, "\n"), "\n"); len(rows) != 2 || strings.Count(rows[1], "\t") != 7 {
		t.Errorf("tsv with tab and newline in a field: %q", got)
	}
}

func TestWriteMetricsCSV(t *testing.T) {
	ms := []model.Metric{{Section: "一", Indicator: `规模,"以上"`, Value: 5, ValueMax: 8, Unit: "%",
		Measure: model.MeasureChange, Status: model.StatusTarget}}
	got, err := MetricsString(ms, "csv")
	if err != nil {
		t.Fatal(err)
	}
	want := "section,indicator,value,unit,measure,period,status,qualifier\n" +
		`一,"规模,""以上""",5~8,%,change,,target,` + "\n"
	if got != want {
		t.Errorf("csv:\n%s\nwant\n%s", got, want)
	}
	rows, err := csv.NewReader(strings.NewReader(got)).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][1] != `规模,"以上"` {
		t.Errorf("csv does not read back: %q, %v", rows, err)
	}
}

func TestWriteMetricsJSON(t *testing.T) {
	r := fixture()
	ms := SectionMetrics(findOne(t, r, "一"))
	if len(ms) != 3 {
		t.Fatalf("一 has %d metrics (own + descendants), want 3", len(ms))
	}
	got, err := MetricsString(ms, "json")
	if err != nil {
		t.Fatal(err)
	}
	var back []model.Metric
	if err := json.Unmarshal([]byte(got), &back); err != nil || !reflect.DeepEqual(back, ms) {
		t.Errorf("json metrics do not round-trip: %v\n%s", err, got)
	}
	for _, col := range MetricColumns {
		if col != "qualifier" && !strings.Contains(got, `"`+col+`":`) {
			t.Errorf("json lacks column %q", col)
		}
	}
	if got, _ := MetricsString(nil, "json"); got != "[]\n" {
		t.Errorf("json of no metrics = %q, want []", got)
	}
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		m    model.Metric
		want string
	}{
		{model.Metric{Value: 1.5}, "1.5"},
		{model.Metric{Value: -5.9}, "-5.9"},
		{model.Metric{Value: 26349}, "26349"},
		{model.Metric{Value: 1.5e12}, "1500000000000"},
		{model.Metric{Value: 3e21}, "3000000000000000000000"},
		{model.Metric{Value: 0.00005}, "0.00005"},
		{model.Metric{Value: 5, ValueMax: 8}, "5~8"},
		{model.Metric{Unknown: true}, "x"},
	}
	for _, tt := range tests {
		if got := FormatValue(tt.m); got != tt.want {
			t.Errorf("FormatValue(%+v) = %q, want %q", tt.m, got, tt.want)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	r := fixture()
	var b bytes.Buffer
	if err := WriteSection(&b, r, r.Sections[0], "docx", model.ScriptOriginal); err == nil {
		t.Error("WriteSection with format docx: no error")
	}
	if err := WriteMetrics(&b, nil, "txt"); err == nil {
		t.Error("WriteMetrics with format txt: no error")
	}
	if b.Len() != 0 {
		t.Errorf("an unknown format wrote %q", b.String())
	}
}
