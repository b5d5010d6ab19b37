package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baogao/model"
)

// TestReportHeadAndTail checks that lines around a report's parts (a
// byline or web debris above them, a sign-off below) do not become parts,
// while real unnumbered parts still do.
func TestReportHeadAndTail(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // top-level titles
		preamble   string   // a line the preamble must hold
	}{
		{"byline above numbered parts",
			"2024年政府工作报告\n临川市市长  张明\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n一、2023年工作回顾\n经济运行稳中向好。\n二、2024年工作安排\n继续努力。\n",
			[]string{"2023年工作回顾", "2024年工作安排"}, "张明"},
		{"unnumbered parts whose numbering starts again",
			"某区工作报告\n经济发展\n一、工业\n工业稳步增长。\n二、农业\n农业丰收。\n社会事业\n一、教育\n教育均衡。\n",
			[]string{"经济发展", "社会事业"}, ""},
		{"an unnumbered part that names its kind",
			"某区工作报告\n上半年工作回顾\n今年以来，各项工作稳步推进。\n一、工业\n工业稳步增长。\n二、农业\n农业丰收。\n",
			[]string{"上半年工作回顾"}, ""},
		{"sign-off and date",
			"一、工作情况\n经济运行稳中向好。\n二、下半年打算\n继续努力。\n特此报告。\n西塘区人民政府\n2023年7月25日\n",
			[]string{"工作情况", "下半年打算"}, ""},
		{"sign-off with a date in numerals",
			"一、工作情况\n经济运行稳中向好。\n西塘区人民政府\n二〇二三年七月二十五日\n",
			[]string{"工作情况"}, ""},
		{"a glossary after the last part stands beside the parts",
			"一、工作回顾\n经济运行稳中向好。\n二、工作安排\n（一）稳增长\n确保增长6%。\n名词解释\n1.专精特新：指专业化、精细化、特色化、新颖化的中小企业。\n",
			[]string{"工作回顾", "工作安排", "名词解释"}, ""},
		{"attachments",
			"一、工作回顾\n经济运行稳中向好。\n附件：2023年重点项目表\n1.城东大道改造工程，总投资3亿元。\n",
			[]string{"工作回顾", "附件：2023年重点项目表"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("test.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range r.Sections {
				got = append(got, s.Title)
				if len(s.Children) > 0 && s.Children[len(s.Children)-1].Title == "西塘区人民政府" {
					t.Errorf("the sign-off became a heading under %q", s.Title)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("parts %q, want %q", got, tt.want)
			}
			if tt.preamble != "" && !strings.Contains(r.Preamble, tt.preamble) {
				t.Errorf("preamble %q lacks %q", r.Preamble, tt.preamble)
			}
		})
	}
}

// TestTaskProgress checks numbered tasks each followed by a progress
// paragraph under the keywords reports use for it.
func TestTaskProgress(t *testing.T) {
	text := "一、教育提升工程\n1）新建中小学5所。\n推进情况：3所学校已主体完工。\n2）建设幼儿园4所。\n完成情况：已完成2所。\n3）改造卫生服务中心6家。\n进展：已完成4家改造。\n"
	r, err := Parse("tasks.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sections) != 1 || len(r.Sections[0].Children) != 3 {
		t.Fatalf("want one part of three tasks, got %d parts", len(r.Sections))
	}
	for i, task := range r.Sections[0].Children {
		if want := string(rune('1'+i)) + ")"; task.Label != want || task.Kind != model.KindPlans {
			t.Errorf("task %d: label %q kind %v, want %q plans", i, task.Label, task.Kind, want)
		}
		if len(task.Children) != 1 || task.Children[0].Kind != model.KindAchievements || task.Children[0].Style != "progress" {
			t.Errorf("task %q: want one achievements progress child, got %+v", task.Title, task.Children)
		}
	}
}

// TestListItemsHoldNoLeads checks that a numbered list item's text stays
// its detail, whatever the list's numbering style.
func TestListItemsHoldNoLeads(t *testing.T) {
	for _, num := range []string{"1.", "1、", "1)", "1）", "(1)", "①"} {
		text := "一、工作情况\n" + num + "建设普惠性幼儿园。全年新建幼儿园4所，新增学位1200个。改造提升社区卫生服务中心。完成改造6家，惠及居民2万人。\n"
		r, err := Parse("list.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Sections) != 1 || len(r.Sections[0].Children) != 1 {
			t.Fatalf("%s: want one part holding one item", num)
		}
		if item := r.Sections[0].Children[0]; len(item.Children) != 0 {
			t.Errorf("%s: item %q has %d children, want none", num, item.Title, len(item.Children))
		}
	}
}

// BenchmarkBuildTree times buildTree alone over the seeds' paragraphs.
func BenchmarkBuildTree(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(files) == 0 {
		b.Skip("no seed reports in ../shared/seeds")
	}
	type input struct {
		paras []paragraph
		title string
	}
	var ins []input
	size := 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		d, err := decode(f, data)
		if err != nil {
			b.Fatal(err)
		}
		n := normalize(d)
		var meta model.Meta
		ins = append(ins, input{readHeader(splitParagraphs(n.text), &meta), meta.Title})
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			buildTree(in.paras, in.title)
		}
	}
}

// TestArenaPush checks that lists grown in place and lists moved off the
// chunk keep their own items when pushes to them interleave.
func TestArenaPush(t *testing.T) {
	a := &arena{}
	var x, y []item
	for i := range 600 { // several chunks
		para := func(s string) item { return item{para: paragraph{start: i, text: s}} }
		x = a.push(x, para("x"))
		if i%100 == 0 { // long runs of x alone: x grows in place
			y = a.push(y, para("y"))
		}
	}
	for name, l := range map[string][]item{"x": x, "y": y} {
		for i, it := range l {
			want := i
			if name == "y" {
				want = 100 * i
			}
			if it.para.text != name || it.para.start != want {
				t.Fatalf("%s[%d] = %+v, want %s at %d", name, i, it.para, name, want)
			}
		}
	}
	if len(x) != 600 || len(y) != 6 {
		t.Fatalf("len(x), len(y) = %d, %d, want 600, 6", len(x), len(y))
	}
}
