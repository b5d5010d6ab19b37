package parser

import (
	"regexp"
	"strings"

	"baogao/hanzi"
	"baogao/model"
	"baogao/parser/metrics"
)

// Parse turns one report's bytes into a Report: its section tree and the
// metrics of every section. name is used in messages and as Report.Path.
func Parse(name string, data []byte) (*model.Report, error) {
	r, err := ParseTree(name, data)
	if err != nil {
		return nil, err
	}
	attachMetrics(r)
	return r, nil
}

// ParseTree is Parse without the metrics: the decoded, normalized text and
// the section tree, which is all an outline prints. Metric extraction is
// about half of Parse's time.
func ParseTree(name string, data []byte) (*model.Report, error) {
	d, err := decode(name, data)
	if err != nil {
		return nil, err
	}
	n := normalize(d)
	r := &model.Report{
		Path:        name,
		Encoding:    d.enc,
		Traditional: n.script > 0, // hanzi.LooksTraditional(n.text)
		Meta:        n.meta,
		Text:        n.text,
		Spans:       n.spans,
	}
	paras := splitParagraphs(n.text)
	paras = readHeader(paras, &r.Meta)
	preamble, sections := buildTree(paras, r.Meta.Title)
	var pre []string
	for _, p := range preamble {
		pre = append(pre, p.text)
	}
	r.Preamble = strings.Join(pre, "\n")
	r.Sections = sections
	return r, nil
}

// splitParagraphs lists the non-empty lines of the normalized text.
func splitParagraphs(text string) []paragraph {
	out := make([]paragraph, 0, strings.Count(text, "\n")+1) // room for every line
	forEachLine(text, func(s, e int) {
		if line := strings.TrimSpace(text[s:e]); line != "" {
			out = append(out, paragraph{start: s + strings.Index(text[s:e], line), text: line})
		}
	})
	return out
}

// docTitleEnds are the words a report's title ends with.
var docTitleEnds = []string{"报告", "報告", "总结", "總結", "计划", "計劃", "规划", "規劃", "纲要", "綱要", "要点", "要點", "打算", "讲话", "講話", "情况", "情況", "通知", "意见", "意見"}

// endsDocTitle reports whether p ends with one of docTitleEnds.
func endsDocTitle(p string) bool {
	for _, w := range docTitleEnds {
		if strings.HasSuffix(p, w) {
			return true
		}
	}
	return false
}

var reYear = regexp.MustCompile(`\d{4}\s*年`)

// readHeader lifts a report's title and subtitle lines into metadata and
// returns the paragraphs after them. A title is a first line that is
// neither numbered nor a sentence; further lines join the header when they
// read like a title ("…工作报告") or a subtitle ("——在…会议上").
func readHeader(paras []paragraph, meta *model.Meta) []paragraph {
	if len(paras) < 2 || startsHeading(paras[0].text) || !isStandalone(paras[0].text) && !endsDocTitle(paras[0].text) {
		return paras
	}
	titles := []string{paras[0].text}
	i := 1
	for ; i < len(paras); i++ {
		p := paras[i].text
		switch {
		case strings.HasPrefix(p, "——") || strings.HasPrefix(p, "--"):
			if meta.Subtitle == "" {
				meta.Subtitle = strings.TrimLeft(p, "—- ")
			}
			continue
		case isStandalone(p) && endsDocTitle(p) && !startsHeading(p):
			if last := &titles[len(titles)-1]; !endsDocTitle(*last) {
				*last += p // a title line a PDF wrapped: "…计划执行" + "情况的报告"
			} else {
				titles = append(titles, p)
			}
			continue
		}
		break
	}
	if meta.Title == "" {
		// A title line a PDF cut short loses its year; prefer one that has it.
		meta.Title = titles[0]
		for _, t := range titles {
			if reYear.MatchString(t) {
				meta.Title = t
				break
			}
		}
		meta.Title = trimSiteName(meta.Title)
	}
	return paras[i:]
}

// trimSiteName cuts the site's name a web page appends to its title
// ("…工作总结_石桥镇人民政府", "…工作报告 - 某市政府网") where what comes
// before it is a report's title.
func trimSiteName(title string) string {
	for _, sep := range [...]string{"_", " - ", " – ", "——", "|", "｜"} {
		if i := strings.LastIndex(title, sep); i > 0 && endsDocTitle(strings.TrimSpace(title[:i])) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// attachMetrics runs the extractor over the preamble and every section's
// heading and text, in simplified characters, with the section's path as
// FORMAT.md writes it: labels (titles where there is none), leaving out
// lead sentences, problems paragraphs and keyword paragraphs other than a
// task's progress report.
//
// Extract folds traditional characters itself, but only after finding
// one; a traditional report is folded here first, which saves it that
// second decoding of every section.
func attachMetrics(r *model.Report) {
	simplify := func(s string) string { return s }
	if r.Traditional {
		simplify = hanzi.ToSimplified
	}
	r.Metrics = metrics.Extract(simplify(r.Preamble), metrics.Context{})
	var path []*model.Section // the sections the path names, outermost first
	// sectionPath is a metric's section as FORMAT.md writes it — labels,
	// or titles where there is none: "一/(一)", "加强政府自身建设/96",
	// "一/1/进展情况" — built only for the sections that state a figure:
	// most state none.
	sectionPath := func() string {
		var buf [8]string // deep enough for every report: no allocation
		names := buf[:0]
		for _, s := range path {
			name := s.Label
			if name == "" {
				name = hanzi.ToSimplified(s.Title)
			}
			names = append(names, name)
		}
		return strings.Join(names, "/")
	}
	var walk func(s *model.Section)
	walk = func(s *model.Section) {
		named := false
		switch s.Style {
		case "lead", "problems", "keyword":
		default:
			path, named = append(path, s), true
		}
		ctx := metrics.Context{Kind: s.Kind}
		if s.Style != "lead" && s.Title != "*" {
			ctx.Heading = simplify(s.Title)
		}
		s.Metrics = metrics.Extract(simplify(s.Text), ctx)
		if len(s.Metrics) > 0 {
			sec := sectionPath()
			for i := range s.Metrics {
				s.Metrics[i].Section = sec
			}
		}
		for _, c := range s.Children {
			walk(c)
		}
		if named {
			path = path[:len(path)-1]
		}
	}
	for _, s := range r.Sections {
		walk(s)
	}
}
