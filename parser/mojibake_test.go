package parser

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"baogao/hanzi"
)

// mbDamage makes GBK byte-misaligned mojibake the way a careless website
// does: encode GBK, add one byte in front (junk ≥ 0) or drop the first byte
// (junk < 0), decode as GBK again. With dropUser, the pairs the decoder
// cannot map vanish (as on the seed's website) instead of becoming U+FFFD.
func mbDamage(t *testing.T, s string, junk int, dropUser bool) string {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	if junk >= 0 {
		b = append([]byte{byte(junk)}, b...)
	} else {
		b = b[1:]
	}
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	if !dropUser {
		return string(out)
	}
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError {
			return -1
		}
		return r
	}, string(out))
}

// mbRecovered is the share of want's characters found, in order, in got
// (longest common subsequence over len(want)).
func mbRecovered(want, got string) float64 {
	a, b := []rune(want), []rune(got)
	prev := make([]int, len(b)+1)
	for i := range a {
		cur := make([]int, len(b)+1)
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case cur[j] > prev[j+1]:
				cur[j+1] = cur[j]
			default:
				cur[j+1] = prev[j+1]
			}
		}
		prev = cur
	}
	return float64(prev[len(b)]) / float64(len(a))
}

func TestRepairMojibakeSynthetic(t *testing.T) {
	const before, after = "上半年全区经济运行总体平稳，主要指标好于预期。\n", "\n下半年要重点抓好以下几方面工作。\n"
	headings := []struct{ number, rest string }{
		{"（二）", "加快建设现代化产业体系"},
		{"（五）", "持续改善生态环境质量"},
		{"（三）", "全面推进乡村振兴战略实施"},
		{"（一）", "坚持创新驱动发展战略"},
		{"（四）", "着力保障和改善民生"},
		{"（六）", "深化重点领域改革攻坚"},
		{"（十）", "加快建设法治政府"},
	}
	type variant struct {
		name     string
		junk     int
		dropUser bool
		trad     bool
	}
	variants := []variant{
		{"junk A1", 0xA1, false, false},
		{"junk A1, user areas dropped", 0xA1, true, false},
		{"junk B0", 0xB0, false, false},
		{"junk D2, user areas dropped", 0xD2, true, false},
		{"first byte dropped", -1, false, false},
		{"junk A1, then s2t", 0xA1, true, true},
	}
	total, recovered, numbers, markers := 0, 0.0, 0, 0
	for _, h := range headings {
		for _, v := range variants {
			t.Run(h.number+h.rest+"/"+v.name, func(t *testing.T) {
				heading := h.number + h.rest + "。"
				damaged := mbDamage(t, heading, v.junk, v.dropUser)
				if v.trad {
					damaged = hanzi.ToTraditional(damaged)
				}
				text := before + damaged + after
				fixed, repairs := RepairMojibake(text, hanzi.ToSimplified)
				if len(repairs) != 1 {
					t.Fatalf("%d repairs of %q, want 1: %q", len(repairs), damaged, fixed)
				}
				if !strings.HasPrefix(fixed, before) || !strings.HasSuffix(fixed, after) {
					t.Fatalf("text around the run changed: %q", fixed)
				}
				got := hanzi.ToSimplified(fixed[len(before) : len(fixed)-len(after)])
				rep := repairs[0]
				if !strings.Contains(text, rep.Original) {
					t.Errorf("Original %q is not in the input", rep.Original)
				}
				// The numbering must come back; only when the number's own
				// bytes were dropped may it be the empty "（）" marker.
				lossy := v.dropUser || strings.ContainsRune(damaged, utf8.RuneError)
				switch {
				case strings.HasPrefix(got, h.number):
					numbers++
				case lossy && strings.HasPrefix(got, "（）"):
					markers++
				default:
					t.Errorf("heading %q recovered as %q (damaged %q)", heading, got, damaged)
				}
				share := mbRecovered(h.rest, got)
				total++
				recovered += share
				if share < 0.5 {
					t.Errorf("only %.0f%% of %q recovered: %q (damaged %q)", 100*share, h.rest, got, damaged)
				}
			})
		}
	}
	t.Logf("synthetic: %d damaged headings: %d numbers recovered, %d empty （） markers; %.1f%% of their text recovered on average",
		total, numbers, markers, 100*recovered/float64(total))
	if numbers*10 < total*7 {
		t.Errorf("only %d of %d heading numbers recovered", numbers, total)
	}
}

// TestRepairMojibakeLeavesNormalText checks that ordinary report text,
// including the symbols that also start repairs, passes through unchanged.
func TestRepairMojibakeLeavesNormalText(t *testing.T) {
	lines := []string{
		"（一）经济运行稳中有进。全区实现地区生产总值412.6亿元，同比增长5.3%。",
		"(二)城乡建设持续推进,新建改造道路 18 公里,“美丽乡村”示范村达到 26 个。",
		"一、上半年工作回顾",
		"1.推进“一网通办”、“一网统管”建设,PM2.5 平均浓度 32μg/m³,下降 8.6%。",
		"细颗粒物(PM2.5)年均浓度下降,地表水Ⅲ类以上水体比例达到 90%以上。",
		"①完成投资 35 亿元;②新增就业 1.2 万人;③α-淀粉酶项目投产。",
		"━━━━━━━━━━━━━━━━━━",
		"───────────",
		"國(guó)經(jīng)濟運行穩中有進,發展質量穩步提升。",
		"全區實現地區生產總值 412.6 億元,同比增長 5.3%。",
		"中日合作项目“さくら”文化交流周在我区举办。",
		"发布时间:2020-08-03 来源:区政府办公室 点击:1024",
		"温度 -5℃～12℃，降水量 ≤ 50mm，增幅 ±2%。",
		"Ω型管道与β型钢构件均已验收。",
		"",
		"。",
		"。\n。",
	}
	for _, line := range lines {
		fixed, repairs := RepairMojibake(line, hanzi.ToSimplified)
		if fixed != line || len(repairs) != 0 {
			t.Errorf("normal text changed:\n  in  %q\n  out %q", line, fixed)
		}
	}
}

var mbPinyin = regexp.MustCompile(`\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)`)

func mbSeed(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "seeds", name))
	if err != nil {
		t.Skipf("seed %s not available: %v", name, err)
	}
	return string(data)
}

// TestRepairMojibakeSeedsUntouched: no repair fires on the seeds without
// mojibake.
func TestRepairMojibakeSeedsUntouched(t *testing.T) {
	for _, name := range []string{"000_1c43053756f73e2b.txt", "002_fb6daadb09dca042.txt", "003_2e6097f3b5237596.txt", "004_d79c0726ff8f441d.txt"} {
		text := mbSeed(t, name)
		for _, in := range []string{text, mbPinyin.ReplaceAllString(text, "")} {
			fixed, repairs := RepairMojibake(in, hanzi.ToSimplified)
			if fixed != in || len(repairs) != 0 {
				t.Errorf("%s: %d repairs, first %+v", name, len(repairs), repairs[0])
			}
		}
	}
}

// TestRepairMojibakeSeed001 checks what the repairs recover from the four
// damaged chapter headings of seed 001 and that nothing else changes.
func TestRepairMojibakeSeed001(t *testing.T) {
	text := mbPinyin.ReplaceAllString(mbSeed(t, "001_cb6fbbaf4fa429c2.txt"), "")
	fixed, repairs := RepairMojibake(text, hanzi.ToSimplified)
	if len(repairs) != 4 {
		for _, r := range repairs {
			t.Logf("%q → %q", r.Original, fixed[r.Start:r.End])
		}
		t.Fatalf("%d repairs, want 4 (one per damaged heading)", len(repairs))
	}
	// Undo each repair: the input must come back, so nothing outside the
	// runs changed.
	var undo strings.Builder
	last := 0
	for _, r := range repairs {
		undo.WriteString(fixed[last:r.Start])
		undo.WriteString(r.Original)
		last = r.End
	}
	undo.WriteString(fixed[last:])
	if undo.String() != text {
		t.Fatal("text outside the repairs changed")
	}
	paren := strings.NewReplacer("（", "(", "）", ")")
	line := func(r Repair) string {
		end := strings.IndexByte(fixed[r.Start:], '\n')
		return paren.Replace(hanzi.ToSimplified(fixed[r.Start : r.Start+end]))
	}
	tests := []struct {
		prefix string // the recovered heading must start with this
		want   string // the true heading text, for the recovered share
		min    float64
	}{
		{"(一)在新发展格局中开辟", "在新发展格局中开辟", 1},
		{"(三)", "全力提升城市宜居度和吸引力", 0.45},
		{"(四)", "精心打造人文之城", 0.5},
		{"()", "全面加强政府自身建设", 0.5},
	}
	for k, tc := range tests {
		got := line(repairs[k])
		if !strings.HasPrefix(got, tc.prefix) {
			t.Errorf("repair %d: %q, want prefix %q", k, got, tc.prefix)
			continue
		}
		title := got[strings.Index(got, ")")+1:]
		if i := strings.Index(title, "。"); i >= 0 {
			title = title[:i]
		}
		share := mbRecovered(tc.want, title)
		t.Logf("%q → %q (%.0f%% of %q)", repairs[k].Original, string([]rune(got)[:min(len([]rune(got)), 30)]), 100*share, tc.want)
		if share < tc.min {
			t.Errorf("repair %d recovered %.0f%% of %q, want ≥ %.0f%%", k, 100*share, tc.want, 100*tc.min)
		}
	}
	if strings.Contains(fixed, "\n。\n") {
		t.Error("the lone 。 line before the (六) heading is still there")
	}
}

func FuzzRepairMojibake(f *testing.F) {
	f.Add("。ㄒ唬┰谛掳l展格局中开辟新空间。")
	f.Add("。\n。┤婕訌娬陨斫ㄔO。加强政府建设")
	f.Add("（一）经济运行稳中有进。PM2.5 为 32μg/m³。")
	f.Add("━━━━ㄅㄆ\uFFFD\uE000α")
	f.Add("\xa3\xa8ㄈ")
	f.Fuzz(func(t *testing.T, text string) {
		fixed, repairs := RepairMojibake(text, hanzi.ToSimplified)
		if utf8.ValidString(text) && !utf8.ValidString(fixed) {
			t.Fatalf("invalid UTF-8 out of %q", text)
		}
		var undo strings.Builder
		last := 0
		for _, r := range repairs {
			if r.Start < last || r.End < r.Start || r.End > len(fixed) {
				t.Fatalf("bad repair %+v in %q", r, fixed)
			}
			undo.WriteString(fixed[last:r.Start])
			undo.WriteString(r.Original)
			last = r.End
		}
		undo.WriteString(fixed[last:])
		if undo.String() != text {
			t.Fatalf("undoing the repairs does not give the input back: %q", text)
		}
	})
}

func BenchmarkRepairMojibake(b *testing.B) {
	var all strings.Builder
	paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		all.Write(data)
	}
	if all.Len() == 0 {
		b.Skip("no seeds")
	}
	text := all.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		RepairMojibake(text, hanzi.ToSimplified)
	}
}

// TestPlainRunHasNoTrigger checks that what RepairMojibake steps over
// undecoded (hanzi.PlainRun) is valid, never a trigger, and whole runes.
func TestPlainRunHasNoTrigger(t *testing.T) {
	plain := 0
	for r := rune(0); r <= 0xFFFF; r++ {
		s := string(r) + "\x80" // a stray byte after it ends the run
		n, _ := hanzi.PlainRun(s, 0)
		if n == 0 {
			continue
		}
		plain++
		if d, size := utf8.DecodeRuneInString(s); d != r || size != n || mbTrigger(r) || d == utf8.RuneError {
			t.Fatalf("PlainRun(%U) ends at %d: not a valid non-trigger rune of that size", r, n)
		}
	}
	if plain < 0x80+0x6000 {
		t.Errorf("only %d plain runes: Han and ASCII should be", plain)
	}
	for _, s := range []string{"\xe4\xb8", "\xe4a\x80", "\xe3\x80", "\xef\xbc", "\x80", "\xe3\x81\x81"} {
		if n, _ := hanzi.PlainRun(s, 0); n != 0 {
			t.Errorf("PlainRun(%q) ends at %d, want 0 (truncated, invalid or a trigger)", s, n)
		}
	}
}
