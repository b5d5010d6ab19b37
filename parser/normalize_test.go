package parser

import (
	"strings"
	"testing"
)

// trimCases are lines with and without blanks of every kind at their ends.
var trimCases = []string{
	"", " ", "\t", "\r", "\u3000", "\u00a0", " \r", "\u3000\u00a0 \t\r",
	"国", "国家。", " 国家", "国家 ", "\u3000\u3000国家\u3000", "\u00a0国\u00a0",
	"1. 目标", "目标 1\r", "\v国\f", "\u2003国\u2003", "\u0085国\u0085", "\u202f国",
	"“国家”", "（一）", "a", "\x7f", "。\u3000", "\u3000。",
}

func TestLineBlanks(t *testing.T) {
	for _, line := range trimCases {
		lead, trail := lineBlanks(line)
		wantLead := len(line) - len(strings.TrimLeft(line, " \t\u3000\u00a0"))
		wantTrail := len(line) - len(strings.TrimRight(line, " \t\u3000\u00a0\r"))
		if lead != wantLead || trail != wantTrail {
			t.Errorf("lineBlanks(%q) = %d, %d; want %d, %d", line, lead, trail, wantLead, wantTrail)
		}
	}
}

func TestTrimSpace(t *testing.T) {
	for _, line := range trimCases {
		if got, want := trimSpace(line), strings.TrimSpace(line); got != want {
			t.Errorf("trimSpace(%q) = %q; want %q", line, got, want)
		}
	}
}

func TestEndsSentence(t *testing.T) {
	for line, want := range map[string]bool{
		"": false, "国家": false, "国家。": true, "国家。”": true, "国家。”） ": true,
		"(国家)": false, "国家；」』》\"' ": true, "”": false, "Why?)": true, "…": true,
	} {
		if got := endsSentence(line); got != want {
			t.Errorf("endsSentence(%q) = %v; want %v", line, got, want)
		}
	}
}
