package parser

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"baogao/hanzi"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Our own sentences in the reports' style (not taken from the seeds).
const (
	decSimplified  = "一、上半年工作回顾\n（一）经济运行稳中有进。全区实现地区生产总值412.6亿元，同比增长5.3%，完成全年目标的百分之五十一。\n（二）城乡建设持续推进。新建改造道路十八公里，“美丽乡村”示范村达到二十六个。\n"
	decTraditional = "一、上半年工作回顧\n（一）經濟運行穩中有進。全區實現地區生產總值412.6億元，同比增長5.3%，完成全年目標的百分之五十一。\n（二）城鄉建設持續推進。新建改造道路十八公里，“美麗鄉村”示範村達到二十六個。\n"
)

func decEncode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding test text: %v", err)
	}
	return b
}

func TestDecodeEncodings(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	tests := []struct {
		name     string
		data     []byte
		want     string
		encoding string
	}{
		{"utf-8 simplified", []byte(decSimplified), decSimplified, "utf-8"},
		{"utf-8 traditional", []byte(decTraditional), decTraditional, "utf-8"},
		{"utf-8 bom", append([]byte("\xef\xbb\xbf"), decSimplified...), decSimplified, "utf-8-bom"},
		{"utf-16le bom", decEncode(t, utf16le, decSimplified), decSimplified, "utf-16le"},
		{"utf-16be bom", decEncode(t, utf16be, decTraditional), decTraditional, "utf-16be"},
		{"gb18030 simplified", decEncode(t, simplifiedchinese.GB18030, decSimplified), decSimplified, "gb18030"},
		{"gb18030 traditional", decEncode(t, simplifiedchinese.GB18030, decTraditional), decTraditional, "gb18030"},
		{"big5 traditional", decEncode(t, traditionalchinese.Big5, decTraditional), decTraditional, "big5"},
		{"gbk short line", decEncode(t, simplifiedchinese.GBK, "（三）加强政府自身建设"), "（三）加强政府自身建设", "gb18030"},
		{"gb18030 short traditional", decEncode(t, simplifiedchinese.GB18030, "（三）加強政府自身建設"), "（三）加強政府自身建設", "gb18030"},
		{"big5 short line", decEncode(t, traditionalchinese.Big5, "（三）加強政府自身建設"), "（三）加強政府自身建設", "big5"},
		{"crlf", []byte("第一行\r\n第二行\r\n"), "第一行\n第二行\n", "utf-8"},
		{"lone cr", []byte("第一行\r第二行"), "第一行\n第二行", "utf-8"},
		{"gb18030 crlf", decEncode(t, simplifiedchinese.GB18030, "第一行\r\n第二行"), "第一行\n第二行", "gb18030"},
		{"utf-16le crlf", decEncode(t, utf16le, "第一行\r\n第二行"), "第一行\n第二行", "utf-16le"},
		{"ascii", []byte("GDP +5%\n"), "GDP +5%\n", "utf-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, enc, err := Decode("r.txt", tc.data)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if enc != tc.encoding {
				t.Errorf("encoding = %q, want %q", enc, tc.encoding)
			}
			if text != tc.want {
				t.Errorf("text = %q\nwant   %q", text, tc.want)
			}
		})
	}
}

func TestDecodeRefusesBinary(t *testing.T) {
	tests := []struct {
		name string
		data string
		what string
	}{
		{"pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj", "a PDF document"},
		{"docx", "PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"},
		{"jpeg", "\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"},
		{"gif", "GIF89a\x01\x00", "a GIF image"},
		{"gzip", "\x1f\x8b\x08\x00", "a gzip archive"},
		{"elf", "\x7fELF\x02\x01\x01", "an executable"},
		{"doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an OLE2 document"},
		{"rar", "Rar!\x1a\x07\x01\x00", "a RAR archive"},
		{"7z", "7z\xbc\xaf\x27\x1c\x00\x04", "a 7z archive"},
		{"nul", "一、概况\x00\x00\x01", "binary data (NUL bytes)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Decode("dir/x.bin", []byte(tc.data))
			var be *BinaryError
			if !errors.As(err, &be) {
				t.Fatalf("err = %v, want *BinaryError", err)
			}
			if !strings.HasPrefix(be.What, tc.what) {
				t.Errorf("What = %q, want prefix %q", be.What, tc.what)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "dir/x.bin: looks like "+tc.what) || !strings.HasSuffix(msg, ", not a text report") || strings.Contains(msg, "\n") {
				t.Errorf("message = %q", msg)
			}
		})
	}
}

func TestDecodeEmpty(t *testing.T) {
	_, _, err := Decode("a.txt", nil)
	if err == nil || err.Error() != "a.txt: empty file" {
		t.Fatalf("err = %v, want \"a.txt: empty file\"", err)
	}
	var be *BinaryError
	if errors.As(err, &be) {
		t.Error("empty file reported as binary")
	}
}

// TestDecodeSeedsRoundTrip re-encodes every seed in each encoding and checks
// that Decode gives back exactly the same text.
func TestDecodeSeedsRoundTrip(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "seeds")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(paths) == 0 {
		t.Skip("no seeds in ../shared/seeds")
	}
	encs := []struct {
		name string
		e    encoding.Encoding
		bom  string
	}{
		{"utf-8", encoding.Nop, ""},
		{"utf-8-bom", encoding.Nop, "\xef\xbb\xbf"},
		{"utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), ""},
		{"utf-16be", unicode.UTF16(unicode.BigEndian, unicode.UseBOM), ""},
		{"gb18030", simplifiedchinese.GB18030, ""},
		{"big5", traditionalchinese.Big5, ""},
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want := decText(raw)
		base := filepath.Base(p)
		traditional := strings.HasPrefix(base, "000_") || strings.HasPrefix(base, "001_")
		for _, e := range encs {
			if e.name == "big5" && !traditional {
				continue
			}
			t.Run(base[:3]+"/"+e.name, func(t *testing.T) {
				data, err := e.e.NewEncoder().Bytes(raw)
				if err != nil {
					t.Skipf("not representable in %s: %v", e.name, err)
				}
				data = append([]byte(e.bom), data...)
				text, enc, err := Decode(base, data)
				if err != nil {
					t.Fatal(err)
				}
				if enc != e.name {
					t.Errorf("encoding = %q, want %q", enc, e.name)
				}
				if text != want {
					t.Errorf("decoded text differs from the seed (%d vs %d bytes)", len(text), len(want))
				}
			})
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(decSimplified))
	f.Add(decEncode(f, simplifiedchinese.GB18030, decSimplified))
	f.Add(decEncode(f, traditionalchinese.Big5, decTraditional))
	f.Add(decEncode(f, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), decSimplified))
	f.Add([]byte("\xfe\xff\x00"))
	f.Add([]byte("%PDF"))
	f.Add([]byte("\x81\x30\x81"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, enc, err := Decode("f", data)
		if err != nil {
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 from %s", enc)
		}
		if strings.Contains(text, "\r") {
			t.Fatal("CR left in text")
		}
	})
}

// decText turns CRLF and lone CR into LF, as replacing CRLF and then CR
// does.
func TestDecText(t *testing.T) {
	eol := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n") }
	for _, in := range []string{"", "a", "a\r\nb", "a\rb", "\r\r\n", "\n\r", "a\r\n\r\n", "\r", "\r\n\n\r\r", "国\r\n家\r",
		"\xe4\r\n\xff", "\xe4\xb8\r\xad", "\xff\r\xff\n\xff", "\xe5\r"} {
		if got, want := decText([]byte(in)), eol(in); got != want {
			t.Errorf("decText(%q) = %q, want %q", in, got, want)
		}
		// A BOM's text has its invalid bytes replaced after the line ends.
		if got, want := strings.ToValidUTF8(decText([]byte(in)), "\uFFFD"), eol(strings.ToValidUTF8(in, "\uFFFD")); got != want {
			t.Errorf("valid decText(%q) = %q, want %q", in, got, want)
		}
	}
}

// scanUTF8 agrees with the functions it stands for, on the seeds and on
// text with every kind of rune and broken sequence it treats apart.
func TestScanUTF8(t *testing.T) {
	inputs := []string{"", "abc", decSimplified, decTraditional, "\u3000国", "é", "ΑΩ", "ア", "\ue000",
		"\uFFFD", "\xff", "国\xe4\xb8", "\xed\xa0\x80", "\xf0\x9f\x98\x80", "𠀀國", "ａ\uff61", "ab\xc3",
		"\xe4\xb8\xad\xe5\x9b\xbd\x80", "\xef\xbf\xbd\xef\xbf", "12345678国國\u3000", "abcdefgh\xe0\xa0"}
	paths, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, p := range paths {
		raw, _ := os.ReadFile(p)
		inputs = append(inputs, decText(raw))
	}
	// Every rune of the BMP and a few beyond, one at a time after ASCII
	// runs of each length mod 8.
	for r := rune(0x80); r < 0x10000; r++ {
		if r < 0xD800 || r > 0xDFFF {
			inputs = append(inputs, strings.Repeat("a", int(r)%9)+string(r))
		}
	}
	for _, s := range inputs {
		d, valid := scanUTF8(s)
		if valid != utf8.ValidString(s) {
			t.Fatalf("scanUTF8(%q) valid = %v", s, valid)
		}
		if !valid {
			continue
		}
		trig := false
		for _, r := range s {
			trig = trig || mbTrigger(r)
		}
		if d.triggers != trig || d.ideoSpace != strings.ContainsRune(s, '\u3000') || d.script != hanzi.ScriptScore(s) {
			t.Fatalf("scanUTF8(%.40q) = %v, %v, %d; want %v, %v, %d", s, d.triggers, d.ideoSpace, d.script,
				trig, strings.ContainsRune(s, '\u3000'), hanzi.ScriptScore(s))
		}
	}
}

func BenchmarkScanUTF8(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	var texts []string
	size := 0
	for _, p := range paths {
		raw, _ := os.ReadFile(p)
		texts = append(texts, decText(raw))
		size += len(raw)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, s := range texts {
			scanUTF8(s)
		}
	}
}
