package parser

import (
	"testing"

	"baogao/model"
)

// TestChapterKinds checks the kinds of chapters from their titles and
// their place among the others.
func TestChapterKinds(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []model.Kind
	}{
		{"titled three ways",
			"一、上半年工作情况\n经济运行稳中向好。\n二、存在的问题\n短板仍然明显。\n三、下半年工作打算\n继续努力。\n",
			[]model.Kind{model.KindAchievements, model.KindProblems, model.KindPlans}},
		{"progress words",
			"一、重点工作推进情况\n经济运行稳中向好。\n二、下一步工作打算\n继续努力。\n",
			[]model.Kind{model.KindAchievements, model.KindPlans}},
		{"results words",
			"一、主要工作成效\n经济运行稳中向好。\n二、工作进展\n项目推进顺利。\n",
			[]model.Kind{model.KindAchievements, model.KindAchievements}},
		{"untitled chapter before problems reviews the period",
			"一、经济运行\n经济运行稳中向好。\n二、存在问题\n短板仍然明显。\n",
			[]model.Kind{model.KindAchievements, model.KindProblems}},
		{"untitled chapter before plans reviews the period",
			"一、经济运行\n经济运行稳中向好。\n二、主要任务\n继续努力。\n",
			[]model.Kind{model.KindAchievements, model.KindPlans}},
		{"hardship words",
			"一、工作成效\n经济运行稳中向好。\n二、面临的困难和挑战\n需求不足。\n三、工作中的薄弱环节\n基础薄弱。\n四、当前需要关注的问题\n风险上升。\n",
			[]model.Kind{model.KindAchievements, model.KindProblems, model.KindProblems, model.KindProblems}},
		{"problems and suggestions named other ways",
			"一、经济运行基本情况\n经济运行稳中向好。\n二、需要关注的几个问题\n需求不足。\n三、问题与挑战\n风险上升。\n四、几点建议\n加大投入。\n",
			[]model.Kind{model.KindAchievements, model.KindProblems, model.KindProblems, model.KindPlans}},
		{"what exists is a problem",
			"一、主要工作及成效\n经济运行稳中向好。\n二、存在的困难\n基础薄弱。\n三、工作中存在的主要矛盾\n需求不足。\n四、当前面临的主要困难\n风险上升。\n",
			[]model.Kind{model.KindAchievements, model.KindProblems, model.KindProblems, model.KindProblems}},
		{"years: the earlier is reviewed, the later planned",
			"一、2023年主要工作\n经济运行稳中向好。\n二、2024年主要工作\n继续努力。\n",
			[]model.Kind{model.KindAchievements, model.KindPlans}},
		{"years give way to words",
			"一、2024年工作回顾\n经济运行稳中向好。\n二、2025年经济社会发展\n继续努力。\n三、2024年存在问题\n短板明显。\n",
			[]model.Kind{model.KindAchievements, model.KindPlans, model.KindProblems}},
		{"one year says nothing",
			"一、2024年经济运行\n经济运行稳中向好。\n二、今后五年的目标任务\n继续努力。\n三、对策建议\n加大投入。\n",
			[]model.Kind{model.KindAchievements, model.KindPlans, model.KindPlans}},
		{"a plan document's untitled parts are plans",
			"沧澜市2024年政府工作要点\n\n一、着力稳增长\n1.扩大有效投资。全年实施重点项目210个。\n二、着力惠民生\n2.稳定就业。城镇新增就业3.5万人。\n",
			[]model.Kind{model.KindPlans, model.KindPlans}},
		{"a title naming two kinds sets none",
			"2022年工作总结和2023年工作计划\n\n一、经济运行\n今年以来已完成投资12亿元，同比增长两成，累计建成道路3条。\n二、城市建设\n已建成道路3条，同比增长一成，累计改造小区5个。\n",
			[]model.Kind{model.KindAchievements, model.KindAchievements}},
		{"a glossary is of no kind",
			"一、上半年工作情况\n经济运行稳中向好。\n二、下半年工作打算\n继续努力。\n名词解释\n1.四上企业：指规模以上工业等法人单位。\n",
			[]model.Kind{model.KindAchievements, model.KindPlans, model.KindOther}},
		{"untitled chapter after plans goes on planning",
			"一、2023年工作回顾\n经济运行稳中向好。\n二、2024年工作安排\n继续努力。\n三、全面加强政府自身建设\n坚持依法行政。\n",
			[]model.Kind{model.KindAchievements, model.KindPlans, model.KindPlans}},
		{"untitled chapter after problems is the plan",
			"一、上半年工作情况\n经济运行稳中向好。\n二、存在的问题\n短板仍然明显。\n三、坚定不移推动高质量发展\n继续努力。\n",
			[]model.Kind{model.KindAchievements, model.KindProblems, model.KindPlans}},
		{"an untitled chapter after the turn that reports work done",
			"一、工作打算\n继续努力。\n二、城市更新\n今年以来已完成改造12个，同比增长两成，累计建成道路3条。\n",
			[]model.Kind{model.KindPlans, model.KindAchievements}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("test.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			var got []model.Kind
			var titles []string
			for _, s := range r.Sections {
				got = append(got, s.Kind)
				titles = append(titles, s.Title)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("chapters %q, want %d", titles, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("%s: %v, want %v", titles[i], got[i], tt.want[i])
				}
			}
		})
	}
}

func TestDocumentKind(t *testing.T) {
	tests := []struct {
		title string
		want  model.Kind
		ok    bool
	}{
		{"沧澜市2024年政府工作要点", model.KindPlans, true},
		{"澜溪区2022年政府工作主要任务", model.KindPlans, true},
		{"青石县2023年上半年工作总结", model.KindAchievements, true},
		{"關於2021年上半年計劃執行情況的報告", model.KindAchievements, true},
		{"政府工作报告", model.KindOther, false},
		{"关于2022年计划执行情况与2023年计划草案的报告", model.KindOther, false},
		{"云岭市2021年十项重点工作任务进展情况", model.KindOther, false},
	}
	for _, tt := range tests {
		if got, ok := documentKind(tt.title); got != tt.want || ok != tt.ok {
			t.Errorf("documentKind(%q) = %v, %v; want %v, %v", tt.title, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTitleYear(t *testing.T) {
	for in, want := range map[string]int{
		"2024年主要工作":   2024,
		"关于2023年工作回顾": 2023,
		"２０２２年计划执行情况": 2022,
		"2024工作":      0,
		"上半年工作":       0,
		"9999年":       0,
		"12年":         0,
	} {
		if got := titleYear(in); got != want {
			t.Errorf("titleYear(%q) = %d, want %d", in, got, want)
		}
	}
}
