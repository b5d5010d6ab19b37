package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baogao/export"
	"baogao/model"
	"baogao/parser"
)

// exportFixture is a small hand-built report (made-up sentences).
func exportFixture() *model.Report {
	return &model.Report{Path: "fixture.txt", Sections: []*model.Section{
		{Label: "一", Title: "上半年工作回顾", Style: "cn-dun", Children: []*model.Section{
			{Label: "(一)", Title: "重大项目加快推进", Style: "cn-paren", Text: "新开工项目42个。",
				Metrics: []model.Metric{{Section: "一/(一)", Indicator: "新开工项目", Value: 42, Unit: "个",
					Measure: model.MeasureLevel, Status: model.StatusActual}}},
		}},
		{Label: "二", Title: "下半年工作打算", Style: "cn-dun", Children: []*model.Section{
			{Label: "(一)", Title: "狠抓项目招引", Style: "cn-paren", Text: "力争签约项目50个。"},
		}},
	}}
}

func TestExportUsage(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "r.txt")
	if err := os.WriteFile(report, []byte("一、示例\n正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no args", nil, 2},
		{"no section", []string{report}, 2},
		{"no report", []string{"--section", "一"}, 2},
		{"two reports", []string{"--section", "一", report, report}, 2},
		{"bad format", []string{"--section", "一", "--format", "docx", report}, 2},
		{"bad script", []string{"--section", "一", "--script", "latin", report}, 2},
		{"unknown flag", []string{"--sektion", "一", report}, 2},
		{"missing report", []string{"--section", "一", filepath.Join(dir, "nope.txt")}, 1},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run(append([]string{"export"}, tt.args...), strings.NewReader(""), &out, &errb)
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tt.name, code, tt.code, errb.String())
		}
		if out.Len() != 0 {
			t.Errorf("%s: wrote to stdout: %q", tt.name, out.String())
		}
		if errb.Len() == 0 {
			t.Errorf("%s: no message on stderr", tt.name)
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"export", "--help"}, nil, &out, &errb); code != 0 || !strings.Contains(out.String(), "--section PATH") {
		t.Errorf("--help: exit %d, stdout %q", code, out.String())
	}
}

// TestExportCLI runs the whole command on a report file and on stdin. Its
// heading is found by a title search, which works whatever the parser
// makes of the lines; the output must be that section's text.
func TestExportCLI(t *testing.T) {
	data := []byte("一、加快推进产业转型升级\n全区工业经济稳中向好。\n二、着力改善城乡人居环境\n完成老旧小区改造十二个。\n")
	dir := t.TempDir()
	report := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(report, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := parser.Parse(report, data)
	if err != nil {
		t.Fatal(err)
	}
	hits, err := export.Find(r, "人居环境")
	if err != nil || len(hits) != 1 {
		t.Fatalf("Find: %v, %d hits", err, len(hits))
	}
	want := model.SectionText(hits[0], model.ScriptOriginal) + "\n"
	if !strings.Contains(want, "着力改善城乡人居环境") {
		t.Fatalf("section text %q lacks its heading", want)
	}

	for _, args := range [][]string{
		{"export", "--section", "人居环境", report},
		{"export", report, "-s", "人居环境"}, // flags after REPORT
		{"export", "--section=人居环境", "--format", "txt", "-"},
	} {
		var out, errb bytes.Buffer
		code := run(args, bytes.NewReader(data), &out, &errb)
		if code != 0 || out.String() != want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %q", args, code, out.String(), errb.String(), want)
		}
	}

	// -o FILE, then again without --force, then with it.
	dst := filepath.Join(dir, "out.txt")
	var out, errb bytes.Buffer
	if code := run([]string{"export", "-s", "人居环境", "-o", dst, report}, nil, &out, &errb); code != 0 {
		t.Fatalf("-o: exit %d: %s", code, errb.String())
	}
	if got, _ := os.ReadFile(dst); string(got) != want || out.Len() != 0 {
		t.Errorf("-o wrote %q (stdout %q), want %q", got, out.String(), want)
	}
	os.WriteFile(dst, []byte("keep me\n"), 0o644)
	errb.Reset()
	if code := run([]string{"export", "-s", "人居环境", "-o", dst, report}, nil, &out, &errb); code != 1 {
		t.Errorf("existing -o without --force: exit %d, want 1", code)
	}
	if got, _ := os.ReadFile(dst); string(got) != "keep me\n" {
		t.Errorf("existing file overwritten without --force: %q", got)
	}
	if msg := errb.String(); strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "--force") {
		t.Errorf("refusal message %q, want one line naming --force", msg)
	}
	if code := run([]string{"export", "-s", "人居环境", "-o", dst, "--force", report}, nil, &out, &errb); code != 0 {
		t.Errorf("--force: exit %d: %s", code, errb.String())
	}
	if got, _ := os.ReadFile(dst); string(got) != want {
		t.Errorf("--force wrote %q, want %q", got, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left in the output directory: %q, want report.txt and out.txt", names)
	}
}

func TestExportReport(t *testing.T) {
	r := exportFixture()
	tests := []struct {
		name, section, format string
		code                  int
		stdout, stderr        string
	}{
		{"label path", "一/（一）", "txt", 0, "(一)重大项目加快推进\n\n新开工项目42个。\n", ""},
		{"traditional", "一/（一）", "txt-trad", 0, "(一)重大項目加快推進\n\n新開工項目42個。\n", ""},
		{"tsv table", "一", "tsv", 0,
			"section\tindicator\tvalue\tunit\tmeasure\tperiod\tstatus\tqualifier\n一/(一)\t新开工项目\t42\t个\tlevel\t\tactual\t\n", ""},
		{"ambiguous", "项目", "txt", 1, "",
			"baogao export: \"项目\" matches 2 sections; give one of these paths:\n一/(一)\t(一)重大项目加快推进\n二/(一)\t(一)狠抓项目招引\n"},
		{"no match", "三/(一)", "txt", 1, "", "baogao export: fixture.txt: no such section: \"三/(一)\"\n"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		opt := exportOptions{section: tt.section, format: tt.format}
		if tt.format == "txt-trad" {
			opt.format, opt.script = "txt", model.ScriptTraditional
		}
		code := exportReport(r, opt, &out, &errb)
		if code != tt.code || out.String() != tt.stdout || errb.String() != tt.stderr {
			t.Errorf("%s: exit %d\nstdout %q\nstderr %q\nwant exit %d\nstdout %q\nstderr %q",
				tt.name, code, out.String(), errb.String(), tt.code, tt.stdout, tt.stderr)
		}
	}
}
