//go:build ignore

// Command gen writes tables.go, the default character mappings between
// traditional and simplified Chinese, from Unicode's Unihan database
// (kSimplifiedVariant for T→S, kTraditionalVariant for S→T, kFrequency to
// pick among several candidates). Run it with `go generate` in package hanzi;
// it needs the Debian/Ubuntu unicode-data package (or -dir pointing at the
// Unihan_*.txt[.bz2] files).
package main

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// keepSelf lists simplified characters that are also the commonest
// traditional spelling: S→T leaves them alone by default even though Unihan
// lists other traditional variants (context in phrases.go picks those).
const keepSelf = "了伙借克冬出刮制千卜卷合同向咸回困奸姜家才折挽旋曲朱杆松板栗沈注症秋系累胡致舍蒙蔑表谷辟郁霉面志御只丑咏凄占吃叹哗布帘弦彩扎托拐烟游熏签纤药虫秘泛溪吊参卤岩幸念愿梁棱尸局刮别冬党仇价"

// s2tOverride fixes the default traditional form where frequency data
// picks badly for report text.
var s2tOverride = map[rune]rune{
	'干': '幹', '后': '後', '发': '發', '里': '裡', '台': '臺', '复': '復',
	'历': '歷', '钟': '鐘', '范': '範', '获': '獲', '征': '徵', '冲': '衝',
	'准': '準', '云': '雲', '汇': '匯', '尽': '盡', '余': '餘', '斗': '鬥',
	'几': '幾', '采': '採', '团': '團', '当': '當', '划': '劃', '周': '周',
	'着': '著', '脏': '髒', '么': '麼', '于': '於', '并': '並', '丰': '豐',
	'愿': '願', '党': '黨', '价': '價', '参': '參', '卤': '鹵', '岩': '岩',
	'烟': '煙', '药': '藥', '虫': '蟲', '签': '簽', '纤': '纖', '布': '布',
	'占': '占', '吃': '吃', '荡': '蕩', '叹': '嘆', '游': '遊', '咏': '詠', '别': '別',
}

// t2sOverride: traditional characters that Unihan also lists as simplified
// forms of themselves but whose usual simplified spelling is another
// character (phrases.go keeps the exceptions, e.g. 乾隆, 著名).
var t2sOverride = map[rune]rune{
	'乾': '干', '著': '着', '裡': '里', '夥': '伙', '復': '复', '徵': '征',
	'摺': '折', '瀋': '沈', '瞭': '了',
	// Unihan points these at supplementary-plane characters most fonts lack.
	'噁': '恶', '嚐': '尝', '崙': '仑', '嶽': '岳', '巖': '岩', '滷': '卤',
	'絃': '弦', '讚': '赞', '鍊': '炼', '鎚': '锤', '鑑': '鉴', '闇': '暗',
	'餵': '喂', '鵰': '雕', '託': '托',
	// Variant traditional forms that Unihan links only as semantic
	// variants, common in Taiwan and Hong Kong text.
	'淨': '净', '裏': '里', '週': '周', '爲': '为', '衆': '众', '溼': '湿',
	'歎': '叹', '勳': '勋', '舖': '铺', '菸': '烟', '蹟': '迹', '証': '证',
	'砲': '炮', '饑': '饥', '甦': '苏', '綑': '捆', '汙': '污', '牀': '床',
	'擡': '抬', '羨': '羡', '覈': '核', '喫': '吃', '兇': '凶', '佈': '布',
	'僱': '雇', '脣': '唇', '祕': '秘', '峯': '峰', '麪': '面', '鷄': '鸡',
	'眞': '真', '衞': '卫', '綫': '线', '羣': '群', '啓': '启', '粧': '妆',
	'鬨': '哄', '妳': '你', '牠': '它',
}

var verRE = regexp.MustCompile(`Unicode version: (\S+)`)

func main() {
	dir := flag.String("dir", "/usr/share/unicode", "directory with Unihan_Variants.txt(.bz2) and Unihan_DictionaryLikeData.txt(.bz2)")
	out := flag.String("o", "tables.go", "output file")
	dump := flag.Bool("dump", false, "print choices among several candidates to stderr")
	flag.Parse()

	variants, version := readUnihan(*dir, "Unihan_Variants.txt")
	dict, _ := readUnihan(*dir, "Unihan_DictionaryLikeData.txt")

	freq := map[rune]int{}
	simp := map[rune][]rune{}
	trad := map[rune][]rune{}
	for _, f := range dict {
		if f.key == "kFrequency" {
			n, _ := strconv.Atoi(f.vals[0])
			freq[f.cp] = n
		}
	}
	for _, f := range variants {
		var rs []rune
		for _, v := range f.vals {
			rs = append(rs, parseCP(v))
		}
		switch f.key {
		case "kSimplifiedVariant":
			simp[f.cp] = rs
		case "kTraditionalVariant":
			trad[f.cp] = rs
		}
	}

	rank := func(r rune) int { // lower is better
		n, ok := freq[r]
		if !ok {
			n = 9
		}
		if r < 0x4E00 || r > 0x9FFF {
			n += 10 // prefer unified ideographs in the main block
		}
		return n
	}
	best := func(cands []rune) rune {
		b := cands[0]
		for _, c := range cands[1:] {
			if rank(c) < rank(b) {
				b = c
			}
		}
		return b
	}

	t2s := map[rune]rune{}
	var t2sSelf []rune
	for t, cands := range simp {
		d := best(cands)
		if contains(cands, t) {
			t2sSelf = append(t2sSelf, t)
			d = t
		}
		if d >= 0x10000 {
			d = t // no mapping rather than a character few fonts have
		}
		if o, ok := t2sOverride[t]; ok {
			d = o
		}
		if *dump && len(cands) > 1 {
			fmt.Fprintf(os.Stderr, "T2S %c %s -> %c\n", t, string(cands), d)
		}
		if d != t {
			t2s[t] = d
		}
	}
	for t, d := range t2sOverride {
		if _, ok := simp[t]; !ok {
			t2s[t] = d
		}
	}
	s2t := map[rune]rune{}
	var s2tSelf []rune
	for s, cands := range trad {
		var others []rune
		for _, c := range cands {
			if c != s {
				others = append(others, c)
			}
		}
		d := s
		if len(others) > 0 {
			d = best(others)
		}
		if contains(cands, s) {
			s2tSelf = append(s2tSelf, s)
			if strings.ContainsRune(keepSelf, s) {
				d = s
			}
		}
		if o, ok := s2tOverride[s]; ok {
			d = o
		}
		if *dump && len(cands) > 1 {
			fmt.Fprintf(os.Stderr, "S2T %c %s -> %c\n", s, string(cands), d)
		}
		if d != s {
			s2t[s] = d
		}
	}
	// Report round-trip breaks: S→T→S should come back to S.
	for s, t := range s2t {
		back, ok := t2s[t]
		if !ok {
			back = t
		}
		if back != s && *dump {
			fmt.Fprintf(os.Stderr, "round trip %c→%c→%c\n", s, t, back)
		}
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, `// Code generated by gen/main.go from Unihan_Variants.txt and
// Unihan_DictionaryLikeData.txt (Unicode %s); DO NOT EDIT.
//
// The mappings are derived from the Unicode Character Database (Unihan):
// Copyright © 1991-2022 Unicode, Inc. Distributed under the Unicode license;
// see LICENSE-UNICODE in this directory. Modified: only the kSimplifiedVariant
// and kTraditionalVariant fields are used, one default target is chosen per
// character (kFrequency and hand-written overrides in gen/main.go).

package hanzi

// unihanVersion is the Unicode version of the Unihan data behind the tables.
const unihanVersion = %q

`, version, version)
	writePairs(&b, "t2sPairs", "traditional → simplified default mappings, as consecutive (from, to) rune pairs", t2s)
	writePairs(&b, "s2tPairs", "simplified → traditional default mappings, as consecutive (from, to) rune pairs", s2t)
	writeSet(&b, "t2sSelf", "traditional characters that Unihan also lists as simplified forms of themselves (乾, 著, 覆 …)", t2sSelf)
	writeSet(&b, "s2tSelf", "simplified characters that Unihan also lists as traditional forms of themselves (面, 台, 后 …)", s2tSelf)

	src, err := format.Source(b.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "gen: Unicode %s, %d T→S, %d S→T mappings\n", version, len(t2s), len(s2t))
}

type field struct {
	cp   rune
	key  string
	vals []string
}

func readUnihan(dir, name string) ([]field, string) {
	var r io.Reader
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		f, err = os.Open(filepath.Join(dir, name+".bz2"))
		if err != nil {
			log.Fatalf("%v (install the unicode-data package or pass -dir)", err)
		}
		r = bzip2.NewReader(f)
	} else {
		r = f
	}
	defer f.Close()
	var fields []field
	version := "unknown"
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			if m := verRE.FindStringSubmatch(line); m != nil {
				version = m[1]
			}
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			continue
		}
		var vals []string
		for _, v := range strings.Fields(parts[2]) {
			// Drop source annotations like "U+4E94<kMatthews".
			if i := strings.IndexByte(v, '<'); i >= 0 {
				v = v[:i]
			}
			vals = append(vals, v)
		}
		fields = append(fields, field{parseCP(parts[0]), parts[1], vals})
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return fields, version
}

func parseCP(s string) rune {
	n, err := strconv.ParseUint(strings.TrimPrefix(s, "U+"), 16, 32)
	if err != nil {
		log.Fatalf("bad code point %q", s)
	}
	return rune(n)
}

func contains(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func writePairs(b *bytes.Buffer, name, doc string, m map[rune]rune) {
	keys := make([]rune, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	fmt.Fprintf(b, "// %s lists %s.\nconst %s = \"\" +\n", name, doc, name)
	for i := 0; i < len(keys); i += 32 {
		var line strings.Builder
		for _, k := range keys[i:min(i+32, len(keys))] {
			line.WriteRune(k)
			line.WriteRune(m[k])
		}
		sep := " +"
		if i+32 >= len(keys) {
			sep = ""
		}
		fmt.Fprintf(b, "\t%q%s\n", line.String(), sep)
	}
	b.WriteString("\n")
}

func writeSet(b *bytes.Buffer, name, doc string, rs []rune) {
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	fmt.Fprintf(b, "// %s lists %s.\nconst %s = \"\" +\n", name, doc, name)
	for i := 0; i < len(rs); i += 64 {
		sep := " +"
		if i+64 >= len(rs) {
			sep = ""
		}
		fmt.Fprintf(b, "\t%q%s\n", string(rs[i:min(i+64, len(rs))]), sep)
	}
	b.WriteString("\n")
}
