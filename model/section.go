package model

import "strings"

// Section is one node of a report's outline: a part, a chapter, a numbered
// task, a lead sentence or a keyword paragraph such as 进展情况.
type Section struct {
	// Label is the section's own numbering, normalized: "一", "(一)", "1",
	// "①", "第一方面". Empty for an unnumbered heading.
	Label string `json:"label"`
	// Title is the heading text in the report's script (normalized: no
	// pinyin residue, no debris). "*" when the section has no heading of
	// its own, like a problems paragraph.
	Title string `json:"title"`
	Kind  Kind   `json:"kind"`
	// Style names the numbering style ("cn-dun" for 一、, "cn-paren" for
	// (一), "arabic-dot", "lead", "keyword", ...); levels come from the
	// order in which styles appear.
	Style string `json:"style"`
	// Text is the section's own body, in the report's script, without its
	// heading and without its children's text. Paragraphs are separated by
	// "\n".
	Text string `json:"text"`
	// Offset is where the section starts in Report.Text (bytes).
	Offset   int        `json:"offset"`
	Metrics  []Metric   `json:"metrics,omitempty"`
	Children []*Section `json:"children,omitempty"`
}

// Heading is the label and title as a reader would see them in a tree.
func (s *Section) Heading() string {
	switch {
	case s.Label == "":
		return s.Title
	case s.Title == "" || s.Title == "*":
		return s.Label
	case strings.HasPrefix(s.Label, "("), strings.HasPrefix(s.Label, "第"), isCircled(s.Label):
		return s.Label + s.Title
	case isASCIIDigits(s.Label):
		return s.Label + ". " + s.Title
	}
	return s.Label + "、" + s.Title
}

// Walk visits s and its descendants in document order with their depth
// (s itself at depth). Returning false from fn skips the node's children.
func (s *Section) Walk(depth int, fn func(sec *Section, depth int) bool) {
	if !fn(s, depth) {
		return
	}
	for _, c := range s.Children {
		c.Walk(depth+1, fn)
	}
}

// MetricCount counts the metrics of s and all its descendants.
func (s *Section) MetricCount() int {
	n := 0
	s.Walk(0, func(x *Section, _ int) bool { n += len(x.Metrics); return true })
	return n
}

func isASCIIDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isCircled(s string) bool {
	r := []rune(s)
	return len(r) == 1 && r[0] >= '①' && r[0] <= '⑳'
}
