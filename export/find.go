// Package export writes a section or a metric table in a portable form:
// plain text (exactly what the reader pane shows), Markdown, JSON, TSV and
// CSV. The CLI's export command and the browser's copy keys both use it,
// so a copied section and an exported one are the same bytes.
package export

import (
	"errors"
	"fmt"
	"strings"

	"baogao/hanzi"
	"baogao/model"
)

// ErrNotFound is returned by Find when no section matches the path.
var ErrNotFound = errors.New("no such section")

// Find looks a section up by PATH. A label path ("二/(三)", "一/1/进展情况")
// walks the tree one segment per level; a segment matches a section's
// label, or its title when it has no label (as in the gold metrics'
// section column). Sections without a label path of their own — lead
// sentences — are stepped through, as the metrics' paths leave them out.
// When no label path matches, PATH is a title search: every section whose
// folded title contains the folded PATH. Several hits are all returned, in
// document order, so the caller can list the candidates.
func Find(r *model.Report, path string) ([]*model.Section, error) {
	p := strings.TrimSpace(path)
	if p == "" {
		return nil, errors.New("empty section path")
	}
	segs := splitPath(p)
	if len(segs) > 0 {
		if hits := findByLabels(r.Sections, segs); len(hits) > 0 {
			return hits, nil
		}
	}
	q := fold(p)
	var hits []*model.Section
	r.Walk(func(s *model.Section, _ int) bool {
		if t := fold(s.Title); t != "" && t != "*" && strings.Contains(t, q) {
			hits = append(hits, s)
		}
		return true
	})
	if len(hits) == 0 {
		return nil, fmt.Errorf("%w: %q", ErrNotFound, path)
	}
	return hits, nil
}

// splitPath splits a label path on "/" (either width), dropping empty
// segments, each normalized for matching.
func splitPath(p string) []string {
	p = strings.ReplaceAll(p, "／", "/")
	var segs []string
	for _, s := range strings.Split(p, "/") {
		if s = norm(s); s != "" {
			segs = append(segs, s)
		}
	}
	return segs
}

func findByLabels(level []*model.Section, segs []string) []*model.Section {
	var hits []*model.Section
	for _, s := range level {
		if segmentMatches(s, segs[0]) {
			if len(segs) == 1 {
				hits = append(hits, s)
			} else {
				hits = append(hits, findByLabels(s.Children, segs[1:])...)
			}
		}
		if segmentOf(s) == "" {
			// A lead sentence is not part of a label path (the metrics'
			// paths leave it out): look through it too.
			hits = append(hits, findByLabels(s.Children, segs)...)
		}
	}
	return hits
}

func segmentMatches(s *model.Section, seg string) bool {
	if s.Label != "" {
		return norm(s.Label) == seg
	}
	return norm(s.Title) == seg
}

// segmentOf is the section's own segment in a label path: its label, else
// its title; empty for a lead sentence or a headless section, which a
// path skips.
func segmentOf(s *model.Section) string {
	if s.Label != "" {
		return s.Label
	}
	if s.Style == "lead" || s.Title == "*" {
		return ""
	}
	return s.Title
}

// Path is the label path of s in r ("二/(三)"), the form Find accepts.
// Sections a path skips (lead sentences, headless paragraphs) get their
// parent's path plus their title, so each candidate still reads uniquely.
// Empty when s is not in r.
func Path(r *model.Report, s *model.Section) string {
	var stack []string
	var out string
	var visit func(level []*model.Section) bool
	visit = func(level []*model.Section) bool {
		for _, c := range level {
			seg := segmentOf(c)
			if seg != "" {
				stack = append(stack, seg)
			}
			if c == s {
				parts := stack
				if seg == "" {
					parts = append(append([]string(nil), stack...), c.Title)
				}
				out = strings.Join(parts, "/")
				return true
			}
			if visit(c.Children) {
				return true
			}
			if seg != "" {
				stack = stack[:len(stack)-1]
			}
		}
		return false
	}
	visit(r.Sections)
	return out
}

// norm folds a label path segment for matching: fold, then no trailing
// list punctuation ("一、", "1．", "进展情况：").
func norm(s string) string {
	s = fold(s)
	s = strings.TrimRight(s, "、.:。 ")
	return strings.TrimSpace(s)
}

// fold maps text to the form titles are matched in: simplified
// characters, ASCII in place of full-width forms, no surrounding spaces.
func fold(s string) string {
	s = hanzi.Fold(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '！' && r <= '～':
			return r - '！' + '!'
		case r == '\u3000':
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}
