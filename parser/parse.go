package parser

import (
	"strings"

	"baogao/model"
)

// Parse turns one report's bytes into a Report. name is used in messages
// and as Report.Path.
// TEMPORARY STUB: splits lines into flat sections until the real pipeline lands.
func Parse(name string, data []byte) (*model.Report, error) {
	text := string(data)
	r := &model.Report{Path: name, Encoding: "utf-8", Text: text}
	off := 0
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) != "" {
			title := []rune(line)
			if len(title) > 20 {
				title = title[:20]
			}
			r.Sections = append(r.Sections, &model.Section{Title: string(title), Text: line, Offset: off, Kind: model.KindOther})
		}
		off += len(line) + 1
	}
	return r, nil
}
