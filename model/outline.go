package model

import (
	"fmt"
	"io"
	"strings"

	"baogao/hanzi"
)

// WriteOutline writes a report's section tree in the gold outline format:
// kind TAB label TAB title, two spaces of indent per level, titles in
// simplified Chinese.
func WriteOutline(w io.Writer, r *Report) error {
	var err error
	r.Walk(func(s *Section, depth int) bool {
		if err == nil {
			title := strings.NewReplacer("\t", " ", "\n", " ").Replace(hanzi.ToSimplified(s.Title))
			_, err = fmt.Fprintf(w, "%s%s\t%s\t%s\n", strings.Repeat("  ", depth), s.Kind, s.Label, title)
		}
		return true
	})
	return err
}
