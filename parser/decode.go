package parser

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"baogao/hanzi"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// BinaryError says an input is not a text report.
type BinaryError struct {
	Name string
	What string // "a PDF document", "a ZIP archive", "binary data (NUL bytes)", ...
}

func (e *BinaryError) Error() string {
	return fmt.Sprintf("%s: looks like %s, not a text report", e.Name, e.What)
}

// decSignatures are the magic numbers of files people mistake for reports.
var decSignatures = []struct {
	magic string
	what  string
}{
	{"%PDF", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx document)"},
	{"PK\x05\x06", "a ZIP archive (or a .docx/.xlsx document)"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"\x1f\x8b", "a gzip archive"},
	{"\x7fELF", "an executable (ELF)"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 document (.doc/.xls)"},
	{"Rar!\x1a\x07", "a RAR archive"},
	{"7z\xbc\xaf\x27\x1c", "a 7z archive"},
	{"BZh", "a bzip2 archive"},
	{"\xfd7zXZ\x00", "an xz archive"},
	{"RIFF", "a RIFF media file"},
}

// Decode detects the encoding of a report and returns its text as UTF-8, with
// the BOM removed and line ends normalized to "\n". encoding is one of
// "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", "big5".
func Decode(name string, data []byte) (text, enc string, err error) {
	d, err := decode(name, data)
	return d.text, d.enc, err
}

// decoded is a report's text with what decode learnt reading it.
type decoded struct {
	text, enc string
	// triggers says whether the text may hold a rune mbTrigger accepts:
	// false only when the UTF-8 check, which reads every rune anyway, saw
	// none, and normalize can skip the mojibake stage.
	triggers bool
	// ideoSpace says whether the text may hold U+3000, the ideographic
	// space: false only when the UTF-8 check saw none.
	ideoSpace bool
	script    int // hanzi.ScriptScore(text)
}

// decodedOther is the decoded text of an input that was not plain UTF-8:
// valid UTF-8 by now, so scanUTF8 reads what it holds.
func decodedOther(text, enc string) decoded {
	d, _ := scanUTF8(text)
	d.text, d.enc = text, enc
	return d
}

// decode is Decode that also tells what decoded holds.
func decode(name string, data []byte) (decoded, error) {
	if len(data) == 0 {
		return decoded{}, fmt.Errorf("%s: empty file", name)
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		// Line ends are normalized first, which replaces no byte of an
		// invalid sequence and splits no run of them.
		return decodedOther(strings.ToValidUTF8(decText(data[3:]), "\uFFFD"), "utf-8-bom"), nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")) && !bytes.HasPrefix(data, []byte("\xff\xfe\x00\x00")):
		return decWith(name, data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le")
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decWith(name, data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be")
	}
	for _, sig := range decSignatures {
		if bytes.HasPrefix(data, []byte(sig.magic)) {
			return decoded{}, &BinaryError{Name: name, What: sig.what}
		}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return decoded{}, &BinaryError{Name: name, What: "binary data (NUL bytes)"}
	}
	// Normalizing line ends changes only ASCII, which leaves what
	// scanUTF8 finds as it was.
	text := decText(data)
	if d, valid := scanUTF8(text); valid {
		d.text, d.enc = text, "utf-8"
		return d, nil
	}
	gb, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, fmt.Errorf("%s: %w", name, err)
	}
	b5, err := traditionalchinese.Big5.NewDecoder().Bytes(data)
	if err != nil {
		b5 = nil
	}
	if b5 != nil && decPlausibility(b5) > decPlausibility(gb) {
		return decodedOther(decText(b5), "big5"), nil
	}
	return decodedOther(strings.TrimPrefix(decText(gb), "\uFEFF"), "gb18030"), nil
}

// scanUTF8 is utf8.ValidString that also reports, in d, whether a valid s
// holds a rune mbTrigger accepts or U+3000, and its hanzi.ScriptScore: it
// reads every rune anyway.
func scanUTF8(s string) (d decoded, valid bool) {
	script, triggers, ideoSpace := 0, false, false
	for i := 0; ; {
		// Nearly all the runes come in runs of plain text that
		// PlainRun reads and scores: never a trigger nor U+3000.
		end, sc := hanzi.PlainRun(s, i)
		script += sc
		if i = end; i == len(s) {
			break
		}
		r, n := hanzi.DecodeRune(s, i)
		if r == utf8.RuneError && n == 1 {
			return decoded{}, false
		}
		i += n
		script += hanzi.RuneScript(r)
		triggers = triggers || mbTrigger(r)
		ideoSpace = ideoSpace || r == '\u3000'
	}
	return decoded{triggers: triggers, ideoSpace: ideoSpace, script: script}, true
}

func decWith(name string, data []byte, e encoding.Encoding, label string) (decoded, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, fmt.Errorf("%s: %w", name, err)
	}
	return decodedOther(strings.TrimPrefix(decText(out), "\uFEFF"), label), nil
}

// decText is b as a string with CRLF and lone CR turned into LF, made in
// one copy.
func decText(b []byte) string {
	i := bytes.IndexByte(b, '\r')
	if i < 0 {
		return string(b)
	}
	var s strings.Builder
	s.Grow(len(b))
	for ; i >= 0; i = bytes.IndexByte(b, '\r') {
		s.Write(b[:i])
		s.WriteByte('\n')
		b = b[i+1:]
		if len(b) > 0 && b[0] == '\n' {
			b = b[1:]
		}
	}
	s.Write(b)
	return s.String()
}

// decPlausibility scores decoded text as Chinese: every common character
// (simplified or traditional) counts, every replacement character or rare
// character counts against. A wrong guess between GB18030 and Big5 yields
// a random spread of code points, of which only about a third are common,
// whereas the right guess gives almost only common characters — whether
// the text is simplified or traditional, since "common" covers both
// GB2312 level 1 and Big5's frequently used range.
func decPlausibility(b []byte) int {
	score := 0
	for _, r := range string(b) { // no copy
		switch {
		case r < 0x80:
		case r == utf8.RuneError:
			score -= 4
		case decCommon(r):
			score += 2
		case decPunct(r):
			score++
		case r >= 0x4E00 && r <= 0x9FFF:
			score--
		case r >= 0xE000 && r <= 0xF8FF:
			score -= 4
		default:
			score -= 2
		}
	}
	return score
}

func decPunct(r rune) bool {
	return strings.ContainsRune("，。、；：？！“”‘’（）《》〈〉【】—…·「」『』－～％", r)
}

// Character classes built from the GBK and Big5 tables of x/text.
const (
	decLevel1     = 1 << iota // GB2312 level 1 (rows B0–D7): the 3755 common simplified characters
	decLevel2                 // GB2312 level 2 (rows D8–F7)
	decBig5Common             // Big5 frequently used characters (A440–C67E)
	decInGBK                  // encodable in GBK
)

const decHanBase, decHanEnd = 0x4E00, 0xA000

type decCharset struct {
	han  []uint8         // class bits for U+4E00..U+9FFF
	gbk  map[rune]uint16 // rune → GBK two-byte code
	pair []rune          // GBK two-byte code → rune (0 when unmapped); index (lead-0x81)*191 + trail-0x40
}

var (
	decCharTables decCharset
	decTablesOnce sync.Once
)

// tables builds the character tables on first use (a few milliseconds).
func decTables() *decCharset {
	decTablesOnce.Do(decBuildTables)
	return &decCharTables
}

// decPairs decodes every two-byte code lead×trail with dec, one per line,
// and calls fn for each code that maps to a single rune.
func decPairs(dec *encoding.Decoder, leads, trails [2]byte, skip func(t byte) bool, fn func(code uint16, r rune)) {
	var buf []byte
	var codes []uint16
	for l := int(leads[0]); l <= int(leads[1]); l++ {
		for t := int(trails[0]); t <= int(trails[1]); t++ {
			if skip != nil && skip(byte(t)) {
				continue
			}
			buf = append(buf, byte(l), byte(t), '\n')
			codes = append(codes, uint16(l)<<8|uint16(t))
		}
	}
	out, err := dec.Bytes(buf)
	if err != nil {
		return
	}
	lines := strings.Split(string(out), "\n")
	for i, code := range codes {
		if i >= len(lines) {
			break
		}
		r, size := utf8.DecodeRuneInString(lines[i])
		if size == len(lines[i]) && r != utf8.RuneError {
			fn(code, r)
		}
	}
}

func decBuildTables() {
	t := &decCharTables
	t.han = make([]uint8, decHanEnd-decHanBase)
	t.gbk = make(map[rune]uint16, 24000)
	t.pair = make([]rune, 126*191)
	mark := func(r rune, bit uint8) {
		if r >= decHanBase && r < decHanEnd {
			t.han[r-decHanBase] |= bit
		}
	}
	decPairs(simplifiedchinese.GBK.NewDecoder(), [2]byte{0x81, 0xFE}, [2]byte{0x40, 0xFE},
		func(b byte) bool { return b == 0x7F },
		func(code uint16, r rune) {
			l, tr := byte(code>>8), byte(code)
			t.pair[int(l-0x81)*191+int(tr-0x40)] = r
			if _, dup := t.gbk[r]; !dup {
				t.gbk[r] = code
			}
			mark(r, decInGBK)
			if tr >= 0xA1 {
				switch {
				case l >= 0xB0 && l <= 0xD7:
					mark(r, decLevel1)
				case l >= 0xD8 && l <= 0xF7:
					mark(r, decLevel2)
				}
			}
		})
	decPairs(traditionalchinese.Big5.NewDecoder(), [2]byte{0xA4, 0xC6}, [2]byte{0x40, 0xFE},
		func(b byte) bool { return b > 0x7E && b < 0xA1 },
		func(code uint16, r rune) {
			if code <= 0xC67E {
				mark(r, decBig5Common)
			}
		})
}

func decClass(r rune) uint8 {
	if r < decHanBase || r >= decHanEnd {
		return 0
	}
	return decTables().han[r-decHanBase]
}

// decCommon reports whether r is a common simplified or traditional character.
func decCommon(r rune) bool { return decClass(r)&(decLevel1|decBig5Common) != 0 }
