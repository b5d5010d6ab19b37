package model

import (
	"strings"
	"testing"

	"baogao/hanzi"
)

func TestTopicOfTitle(t *testing.T) {
	tests := []struct {
		title string
		want  Topic
	}{
		{"推动制造业提质增效", TopicEconomy},
		{"狠抓重大项目招引落地", TopicInvestment},
		{"加快科技创新和人才引育", TopicInnovation},
		{"持续优化营商环境", TopicReform},
		{"稳住外贸外资基本盘", TopicOpening},
		{"完善城乡交通路网", TopicUrbanRural},
		{"打好污染防治攻坚战", TopicEcology},
		{"办好民生实事,提升教育医疗水平", TopicLivelihood},
		{"守牢安全生产底线", TopicSafety},
		{"加强政府自身建设", TopicParty},
		{"统筹做好疫情防控", TopicEpidemic},
		{"其他事项说明", TopicOther},
		{"*", TopicOther},
	}
	for _, tt := range tests {
		got := TopicOf(&Section{Title: tt.title})
		if got != tt.want {
			t.Errorf("TopicOf(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

func TestTopicTitleOutweighsText(t *testing.T) {
	// One strong cue in the heading against a paragraph that keeps talking
	// about projects and investment.
	s := &Section{
		Title: "强化生态保护修复",
		Text:  strings.Repeat("新开工项目十个,完成投资五亿元,招商签约项目三个。", 5),
	}
	if got := TopicOf(s); got != TopicEcology {
		t.Errorf("TopicOf = %v, want ecology: the title must outweigh the text", got)
	}
	// Without a telling heading, the text decides.
	s.Title = "*"
	if got := TopicOf(s); got != TopicInvestment {
		t.Errorf("TopicOf with heading * = %v, want investment from the text", got)
	}
}

func TestTopicFromChildren(t *testing.T) {
	// A chapter whose heading says little gets its topic from its items.
	s := &Section{Title: "筑牢稳中有进的基础", Children: []*Section{
		{Title: "提升招商引资质效"},
		{Title: "加快重大项目建设"},
		{Title: "强化项目要素保障"},
	}}
	if got := TopicOf(s); got != TopicInvestment {
		t.Errorf("TopicOf = %v, want investment", got)
	}
}

func TestTopicTraditional(t *testing.T) {
	if hanzi.Fold("營") == "營" {
		t.Skip("hanzi.Fold does not fold traditional characters yet (stub)")
	}
	tests := []struct {
		title string
		want  Topic
	}{
		{"持續優化營商環境", TopicReform},
		{"統籌做好疫情防控", TopicEpidemic},
		{"打好污染防治攻堅戰", TopicEcology},
	}
	for _, tt := range tests {
		if got := TopicOf(&Section{Title: tt.title}); got != tt.want {
			t.Errorf("TopicOf(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

func TestTopicNames(t *testing.T) {
	seen := map[string]bool{}
	for _, tp := range Topics {
		if tp.String() == "" || tp.Label() == "" {
			t.Errorf("topic %d has no name or label", int(tp))
		}
		if seen[tp.String()] {
			t.Errorf("duplicate topic id %q", tp.String())
		}
		seen[tp.String()] = true
	}
	if len(Topics) != 12 {
		t.Errorf("len(Topics) = %d, want the 12 topics of the issue", len(Topics))
	}
	if Topic(99).String() != "other" {
		t.Errorf("out-of-range topic should read as other")
	}
}
