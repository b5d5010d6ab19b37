package main

// Blank imports keep the project's chosen libraries in go.mod while the
// packages that use them are being written. Remove an import here once real
// code imports that library.
import (
	_ "charm.land/bubbles/v2/table"
	_ "charm.land/bubbletea/v2"
	_ "charm.land/lipgloss/v2"
	_ "github.com/atotto/clipboard"
	_ "github.com/charmbracelet/x/exp/teatest/v2"
	_ "github.com/mattn/go-runewidth"
	_ "github.com/mozillazg/go-pinyin"
	_ "golang.org/x/text/encoding/simplifiedchinese"
)
