package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baogao/cells"
)

// Two small made-up reports in the usual shape.
const compareReportA = `一、上半年工作进展情况
(一)工业经济稳中向好
全区规模以上工业增加值增长5.2%。
(二)生态环境持续改善
空气质量优良天数比例达到80%。
二、下半年主要任务
(一)全力以赴稳增长
`

const compareReportB = `一、今年以来主要工作
(一)制造业提档升级
工业经济保持平稳。
(二)民生实事办好办实
新增就业岗位一千个。
二、明年工作打算
(一)推动工业转型升级
`

func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCompareCLIExitCodes(t *testing.T) {
	a := writeTemp(t, "a.txt", compareReportA)
	b := writeTemp(t, "b.txt", compareReportB)
	tests := []struct {
		name string
		args []string
		code int
		err  string // part of stderr
	}{
		{"help", []string{"--help"}, 0, ""},
		{"two files", []string{a, b}, 0, ""},
		{"flags after files", []string{a, b, "--format", "tsv"}, 0, ""},
		{"one file", []string{a}, 2, "want two reports"},
		{"three files", []string{a, b, a}, 2, "want two reports"},
		{"bad format", []string{"--format", "xml", a, b}, 2, "unknown format"},
		{"bad flag", []string{"--colour", a, b}, 2, "flag provided but not defined"},
		{"stdin twice", []string{"-", "-"}, 2, "only one of A and B"},
		{"missing file", []string{a, filepath.Join(t.TempDir(), "nope.txt")}, 1, "nope.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(append([]string{"compare"}, tt.args...), strings.NewReader(""), &out, &errOut)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut.String())
			}
			if !strings.Contains(errOut.String(), tt.err) {
				t.Errorf("stderr %q lacks %q", errOut.String(), tt.err)
			}
			if tt.code != 0 && strings.Count(strings.TrimRight(errOut.String(), "\n"), "\n") != 0 {
				t.Errorf("error should be one line: %q", errOut.String())
			}
		})
	}
}

func TestCompareCLIStdin(t *testing.T) {
	a := writeTemp(t, "a.txt", compareReportA)
	var out, errOut bytes.Buffer
	code := run([]string{"compare", "--format", "json", a, "-"}, strings.NewReader(compareReportB), &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var got struct {
		B     struct{ Path string }
		Pairs []struct {
			A, B *struct{ Title string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("json: %v\n%s", err, out.String())
	}
	if got.B.Path != "-" {
		t.Errorf("B path %q, want -", got.B.Path)
	}
	if len(got.Pairs) == 0 {
		t.Fatalf("no pairs")
	}
	for i, p := range got.Pairs {
		if p.A == nil && p.B == nil {
			t.Errorf("pair %d is empty on both sides", i)
		}
	}
}

func TestCompareCLITextColumnsAlign(t *testing.T) {
	a := writeTemp(t, "a.txt", compareReportA)
	b := writeTemp(t, "b.txt", compareReportB)
	var out, errOut bytes.Buffer
	if code := run([]string{"compare", "--print", a, b}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	text := out.String()
	i := strings.Index(text, "章节对照\n")
	if i < 0 {
		t.Fatalf("no pairing table:\n%s", text)
	}
	lines := strings.Split(strings.TrimRight(text[i+len("章节对照\n"):], "\n"), "\n")
	// The B column starts at the same cell in every line: find it from the
	// header and check each line's prefix up to it ends in two spaces.
	header := lines[0]
	col := cells.Width(header[:strings.LastIndex(header, "B")])
	for _, l := range lines[1:] {
		prefix, n := "", 0
		for _, r := range l {
			if n >= col {
				break
			}
			prefix += string(r)
			n += cells.Width(string(r))
		}
		if n != col || !strings.HasSuffix(prefix, "  ") {
			t.Errorf("line %q: B column not at cell %d", l, col)
		}
	}
}

func TestCompareCLITSV(t *testing.T) {
	a := writeTemp(t, "a.txt", compareReportA)
	b := writeTemp(t, "b.txt", compareReportB)
	var out, errOut bytes.Buffer
	if code := run([]string{"compare", "-f", "tsv", a, b}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	tables := strings.Split(strings.TrimRight(out.String(), "\n"), "\n\n")
	if len(tables) != 2 {
		t.Fatalf("%d tables, want metrics and pairs", len(tables))
	}
	for _, table := range tables {
		lines := strings.Split(table, "\n")
		want := strings.Count(lines[0], "\t")
		for _, l := range lines[1:] {
			if strings.Count(l, "\t") != want {
				t.Errorf("line %q has %d tabs, header %d", l, strings.Count(l, "\t"), want)
			}
		}
	}
	if !strings.HasPrefix(tables[1], "kind\ttopic\t") {
		t.Errorf("second table is not the pairing: %q", tables[1][:min(40, len(tables[1]))])
	}
}
