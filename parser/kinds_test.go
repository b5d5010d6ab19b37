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
