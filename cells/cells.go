// Package cells is the one place that measures the display width of text
// in terminal cells and wraps CJK text to a width. ui and export both use
// it, so a table lines up the same on screen and in a Markdown file.
package cells

import "github.com/mattn/go-runewidth"

// Width is the number of terminal cells s occupies (no escape sequences).
// STUB: the ui helper owns this package and will add ambiguous-width
// handling, wrapping and padding.
func Width(s string) int { return runewidth.StringWidth(s) }
