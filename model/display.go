package model

import (
	"strings"

	"baogao/hanzi"
)

// Convert writes text in the given display script.
func Convert(text string, sc Script) string {
	switch sc {
	case ScriptSimplified:
		return hanzi.ToSimplified(text)
	case ScriptTraditional:
		return hanzi.ToTraditional(text)
	}
	return text
}

// SectionText is a section as a reader sees it: its heading line, its own
// text, then each child's SectionText, separated by blank lines, in the
// given script. The reader pane shows exactly this, and the text export
// writes exactly this, so what is copied is what was read.
func SectionText(s *Section, sc Script) string {
	var b strings.Builder
	writeSection(&b, s, sc)
	return strings.TrimRight(b.String(), "\n")
}

func writeSection(b *strings.Builder, s *Section, sc Script) {
	if h := s.Heading(); h != "" && h != "*" {
		b.WriteString(Convert(h, sc))
		b.WriteString("\n\n")
	}
	if t := strings.TrimSpace(s.Text); t != "" {
		b.WriteString(Convert(t, sc))
		b.WriteString("\n\n")
	}
	for _, c := range s.Children {
		writeSection(b, c, sc)
	}
}
