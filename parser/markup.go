package parser

import (
	"strings"

	"golang.org/x/net/html"
)

// Reports copied off web pages often keep their markup: HTML tags and
// entities (<p>, <br/>, &nbsp;, &ldquo;) or, from page-to-text tools,
// Markdown (## 一、…, **（一）…。**). Markup hides the numbering that opens a
// heading, so it goes first, before any other stage reads the lines.

// HTML goes first (htmlEdits: block tags become line breaks, other tags
// go, entities are decoded, scripts and styles go with their content),
// then Markdown on the lines that leaves (markdownEdits). Text with
// neither costs two quick scans (mayHoldHTML, mayHoldMarkdown).

// mayHoldHTML reports a "<" that opens a tag or comment, or an entity.
func mayHoldHTML(text string) bool {
	for i := 0; i < len(text); i++ {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if i+1 < len(text) {
			if c := text[i+1]; c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				return true
			}
		}
	}
	i, _, _ := nextEntity(text, 0)
	return i >= 0
}

// nextEntity finds the first character reference in s from byte from
// ("&nbsp;", "&#22269;", "&#x56fd;"): its offset, length and the text it
// stands for, or -1.
func nextEntity(s string, from int) (at, n int, repl string) {
	for i := from; i < len(s); i++ {
		j := strings.IndexByte(s[i:], '&')
		if j < 0 {
			break
		}
		i += j
		end := strings.IndexByte(s[i:], ';')
		if end < 2 || end > 10 || !entityName(s[i+1:i+end]) {
			continue
		}
		if repl := html.UnescapeString(s[i : i+end+1]); repl != s[i:i+end+1] { // a reference HTML knows
			return i, end + 1, repl
		}
	}
	return -1, 0, ""
}

// entityName reports the letters, digits or "#…" a reference names.
func entityName(name string) bool {
	for k := 0; k < len(name); k++ {
		c := name[k]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#' && k == 0) {
			return false
		}
	}
	return true
}

// blockTags are the elements whose tags break lines.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true, "tr": true, "table": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "title": true,
	"section": true, "article": true, "header": true, "footer": true, "blockquote": true, "hr": true,
	"dt": true, "dd": true, "pre": true, "body": true, "html": true, "head": true,
}

// htmlEdits tokenizes text as HTML; the tokens' raw bytes partition the
// text, so each has its offset.
func htmlEdits(text string) []edit {
	var edits []edit
	z := html.NewTokenizer(strings.NewReader(text))
	at := 0
	skipping := false // inside a script or style
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return edits
		}
		raw := z.Raw()
		start, end := at, at+len(raw)
		at = end
		switch tt {
		case html.TextToken:
			if skipping {
				edits = append(edits, edit{start: start, end: end, kind: kindMarkup})
				continue
			}
			edits = entityEdits(edits, text[start:end], start)
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if tag == "script" || tag == "style" {
				skipping = tt == html.StartTagToken
			}
			repl := ""
			switch {
			case blockTags[tag]:
				repl = "\n"
			case tag == "td" || tag == "th":
				// A cell ends at a tab: a row's cells stay apart (see
				// metrics.IsTableRow); the tab after the last goes with
				// the line's trailing blanks.
				if tt != html.StartTagToken {
					repl = "\t"
				}
			}
			edits = append(edits, edit{start: start, end: end, repl: repl, kind: kindMarkup})
		default: // comments, doctypes
			edits = append(edits, edit{start: start, end: end, kind: kindMarkup})
		}
	}
}

// entityEdits adds the edits that decode the character references in s,
// which starts at offset off. A non-breaking space becomes a plain one.
func entityEdits(edits []edit, s string, off int) []edit {
	for i, n, repl := nextEntity(s, 0); i >= 0; i, n, repl = nextEntity(s, i+n) {
		if repl == "\u00a0" {
			repl = " "
		}
		edits = append(edits, edit{start: off + i, end: off + i + n, repl: repl, kind: kindMarkup})
	}
	return edits
}

// mayHoldMarkdown reports a line that opens with "#", or a "**" or "](".
func mayHoldMarkdown(text string) bool {
	// '#' is rare where '\n' is not: search for it, then look behind.
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], '#')
		if k < 0 {
			break
		}
		if i += k; i == 0 || text[i-1] == '\n' {
			return true
		}
	}
	return strings.Contains(text, "**") || strings.Contains(text, "](")
}

// markdownEdits removes Markdown markup line by line: heading marks
// ("## "), quote marks ("> "), list bullets ("- ", "* ", "+ "), rules
// ("---"), emphasis ("**", "__") where a line pairs them, and links
// ("[text](url)" keeps text; an image goes whole).
func markdownEdits(text string) []edit {
	var edits []edit
	forEachLine(text, func(s, e int) {
		line := text[s:e]
		body := strings.TrimLeft(line, " ")
		lead := s + len(line) - len(body)
		if isRule(body) {
			edits = append(edits, edit{start: s, end: e, kind: kindMarkup})
			return
		}
		if n := blockMark(body); n > 0 {
			edits = append(edits, edit{start: lead, end: lead + n, kind: kindMarkup})
			lead += n
			body = body[n:]
		}
		for _, em := range [...]string{"**", "__"} {
			if c := strings.Count(body, em); c > 0 && c%2 == 0 {
				for i := 0; ; {
					k := strings.Index(body[i:], em)
					if k < 0 {
						break
					}
					edits = append(edits, edit{start: lead + i + k, end: lead + i + k + len(em), kind: kindMarkup})
					i += k + len(em)
				}
			}
		}
		edits = linkEdits(edits, body, lead)
	})
	return edits
}

// blockMark is the length of the heading, quote or list mark (with its
// spaces) a Markdown line opens with, or 0.
func blockMark(line string) int {
	n := 0
	switch {
	case strings.HasPrefix(line, "#"):
		n = len(line) - len(strings.TrimLeft(line, "#"))
		if n > 6 {
			return 0
		}
	case strings.HasPrefix(line, ">"):
		n = 1
	case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "* "), strings.HasPrefix(line, "+ "):
		n = 1
	default:
		return 0
	}
	rest := line[n:]
	trimmed := strings.TrimLeft(rest, " \t")
	// A mark needs a space after it ("#1", "-5%" are text), except that
	// pasted headings often drop it before an ideograph ("###（一）").
	if trimmed == rest && line[0] != '>' && !(line[0] == '#' && rest != "" && rest[0] >= 0x80) {
		return 0
	}
	return len(line) - len(trimmed)
}

// isRule reports a Markdown rule: three or more of one of - * _ alone.
func isRule(line string) bool {
	t := strings.TrimSpace(line)
	if len(t) < 3 {
		return false
	}
	for _, c := range []byte(t) {
		if c != t[0] && c != ' ' {
			return false
		}
	}
	return t[0] == '-' || t[0] == '*' || t[0] == '_'
}

// linkEdits adds the edits that reduce Markdown links in line (at offset
// off) to their text and remove images.
func linkEdits(edits []edit, line string, off int) []edit {
	for i := 0; ; {
		k := strings.Index(line[i:], "](")
		if k < 0 {
			return edits
		}
		mid := i + k
		open := strings.LastIndexByte(line[i:mid], '[')
		shut := strings.IndexByte(line[mid+2:], ')')
		if open < 0 || shut < 0 {
			i = mid + 2
			continue
		}
		open += i
		end := mid + 2 + shut + 1
		if open > 0 && line[open-1] == '!' {
			edits = append(edits, edit{start: off + open - 1, end: off + end, kind: kindMarkup})
		} else {
			edits = append(edits,
				edit{start: off + open, end: off + open + 1, kind: kindMarkup},
				edit{start: off + mid, end: off + end, kind: kindMarkup})
		}
		i = end
	}
}
