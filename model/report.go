package model

// Script is the writing system a report is displayed in.
type Script int

const (
	ScriptOriginal    Script = iota // as the report is written
	ScriptSimplified                // folded to simplified characters
	ScriptTraditional               // converted to traditional characters
)

func (s Script) String() string {
	switch s {
	case ScriptSimplified:
		return "简体"
	case ScriptTraditional:
		return "繁體"
	}
	return "原文"
}

// Next cycles original → simplified → traditional → original.
func (s Script) Next() Script { return (s + 1) % 3 }

// SpanKind says why the normalizer changed a piece of text.
type SpanKind string

const (
	SpanPinyin   SpanKind = "pinyin"   // a reading in parentheses after a character, removed
	SpanDebris   SpanKind = "debris"   // page numbers, margin fragments, web furniture, removed
	SpanSpace    SpanKind = "space"    // spaces inside CJK runs, removed
	SpanJoin     SpanKind = "join"     // a PDF line break inside a sentence, removed
	SpanMojibake SpanKind = "mojibake" // byte-misaligned GBK text, repaired
	SpanMarkup   SpanKind = "markup"   // HTML tags and entities, Markdown marks: removed or decoded
	SpanReplaced SpanKind = "replaced" // U+FFFD or '?' replacement characters, kept but marked
)

// Span records one change the normalizer made. Start and End are byte
// offsets into Report.Text (the normalized text); Original is what stood in
// the decoded input.
type Span struct {
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Kind     SpanKind `json:"kind"`
	Original string   `json:"original"`
}

// Meta is what the web page or newspaper furniture said about the report.
type Meta struct {
	Title    string `json:"title,omitempty"`
	Subtitle string `json:"subtitle,omitempty"`
	Date     string `json:"date,omitempty"`
	Source   string `json:"source,omitempty"`
}

// Report is one parsed report.
type Report struct {
	Path     string `json:"path"`
	Encoding string `json:"encoding"`
	// Traditional is true when the report is written mostly in
	// traditional characters.
	Traditional bool `json:"traditional"`
	Meta        Meta `json:"meta"`
	// Text is the whole normalized text in the report's own script.
	Text string `json:"-"`
	// Preamble is the text before the first section.
	Preamble string     `json:"preamble,omitempty"`
	Sections []*Section `json:"sections"`
	Spans    []Span     `json:"spans,omitempty"`
	// Metrics found in the preamble (before any section).
	Metrics []Metric `json:"metrics,omitempty"`
}

// Walk visits every section in document order with its depth (top level 0).
func (r *Report) Walk(fn func(sec *Section, depth int) bool) {
	for _, s := range r.Sections {
		s.Walk(0, fn)
	}
}

// AllMetrics lists the preamble's metrics then every section's, in
// document order.
func (r *Report) AllMetrics() []Metric {
	out := append([]Metric(nil), r.Metrics...)
	r.Walk(func(s *Section, _ int) bool { out = append(out, s.Metrics...); return true })
	return out
}

// Name is a short name for the report: its title, else its path.
func (r *Report) Name() string {
	if r.Meta.Title != "" {
		return r.Meta.Title
	}
	return r.Path
}
