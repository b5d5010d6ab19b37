package hanzi

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"baogao/internal/seeds"
)

func TestToSimplified(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc 123", "abc 123"},
		{"國民經濟", "国民经济"},
		{"區域協調發展", "区域协调发展"},
		{"擴大內需", "扩大内需"},
		{"會議決定", "会议决定"},
		{"綠色低碳轉型", "绿色低碳转型"},
		{"這裡與裏面", "这里与里面"},
		{"以後", "以后"},
		{"頭髮", "头发"},
		{"乾淨", "干净"},
		{"幹部隊伍", "干部队伍"},
		{"乾隆年間", "乾隆年间"},
		{"乾坤", "乾坤"},
		{"著力推進", "着力推进"},
		{"隨著改革深入", "随着改革深入"},
		{"成效顯著", "成效显著"},
		{"著名企業", "著名企业"},
		{"學術著作", "学术著作"},
		{"瞭解情況", "了解情况"},
		{"瞭望塔", "瞭望塔"},
		{"批覆同意", "批复同意"},
		{"覆蓋全區", "覆盖全区"},
		{"特徵明顯", "特征明显"},
		{"恢復生產", "恢复生产"},
		{"臺灣同胞", "台湾同胞"},
		{"颱風預警", "台风预警"},
		{"鐘錶製造", "钟表制造"},
		{"餘額", "余额"},
		{"儘快完成", "尽快完成"},
		// already simplified text is left alone, phrase exceptions included
		{"推进高质量发展", "推进高质量发展"},
		{"成效显著的著名品牌", "成效显著的著名品牌"},
		{"乾隆", "乾隆"},
		{"全年一般公共预算收入增长5.2%", "全年一般公共预算收入增长5.2%"},
	}
	for _, tt := range tests {
		if got := ToSimplified(tt.in); got != tt.want {
			t.Errorf("ToSimplified(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := ToSimplified(tt.in); utf8.RuneCountInString(got) != utf8.RuneCountInString(tt.in) {
			t.Errorf("ToSimplified(%q) changed the rune count", tt.in)
		}
	}
}

func TestToTraditional(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{"国民经济和社会发展", "國民經濟和社會發展"},
		{"头发", "頭髮"},
		{"带头发展", "帶頭發展"},
		{"干部", "幹部"},
		{"干净", "乾淨"},
		{"干预", "干預"},
		{"若干意见", "若干意見"},
		{"以后", "以後"},
		{"皇后", "皇后"},
		{"里面", "裡面"},
		{"公里", "公里"},
		{"面条", "麵條"},
		{"各方面条件", "各方面條件"},
		{"一只", "一隻"},
		{"只有", "只有"},
		{"台湾", "臺灣"},
		{"台风", "颱風"},
		{"平台", "平臺"},
		{"复杂", "複雜"},
		{"恢复", "恢復"},
		{"关系", "關係"},
		{"联系", "聯繫"},
		{"体系", "體系"},
		{"历史", "歷史"},
		{"日历", "日曆"},
		{"钟表", "鐘錶"},
		{"制度", "制度"},
		{"制造业", "製造業"},
		{"体制改革", "體制改革"},
		{"特征", "特徵"},
		{"征收", "徵收"},
		{"新征程", "新征程"},
		{"冲突", "衝突"},
		{"对冲", "對沖"},
		{"标准", "標準"},
		{"市场准入", "市場准入"},
		{"批准", "批准"},
		{"汇报", "匯報"},
		{"词汇", "詞彙"},
		{"尽快", "儘快"},
		{"尽力", "盡力"},
		{"其余", "其餘"},
		{"斗争", "鬥爭"},
		{"北斗", "北斗"},
		{"几个", "幾個"},
		{"采取", "採取"},
		{"开采", "開採"},
		{"范围", "範圍"},
		{"收获", "收穫"},
		{"获得", "獲得"},
		{"着力", "著力"},
		{"显著", "顯著"},
		{"轻松", "輕鬆"},
		{"松江", "松江"},
		{"规划", "規劃"},
		{"周边", "周邊"},
		{"周末", "週末"},
		{"细致", "細緻"},
		{"一致", "一致"},
		{"稻谷", "稻穀"},
		// traditional input stays traditional
		{"國民經濟", "國民經濟"},
	}
	for _, tt := range tests {
		if got := ToTraditional(tt.in); got != tt.want {
			t.Errorf("ToTraditional(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := ToTraditional(tt.in); utf8.RuneCountInString(got) != utf8.RuneCountInString(tt.in) {
			t.Errorf("ToTraditional(%q) changed the rune count", tt.in)
		}
	}
}

// Common report phrases must survive a simplified → traditional →
// simplified round trip.
func TestRoundTrip(t *testing.T) {
	phrases := []string{
		"坚持稳中求进工作总基调", "地区生产总值增长百分之六左右", "一般公共预算收入",
		"城镇居民人均可支配收入", "固定资产投资", "社会消费品零售总额", "规模以上工业增加值",
		"深化供给侧结构性改革", "着力推进乡村振兴", "成效显著", "头发", "干部干净利落",
		"以后", "皇后", "里面有三公里", "面条和方面", "一只船只有", "台湾台风平台",
		"复杂恢复反复答复", "关系联系体系", "历史日历", "钟表", "制度制造机制", "特征征收新征程",
		"冲突对冲", "标准批准", "汇报词汇", "尽快尽力", "其余", "斗争北斗", "几个",
		"采取开采风采", "范围", "收获获得", "着力显著著名", "干预若干", "周边周末",
		"新时代中国特色社会主义思想", "污染防治攻坚战", "营商环境持续优化", "稻谷产量",
		"放松松江", "细致一致", "系统谋划", "发展壮大", "沈阳", "心脏",
	}
	for _, p := range phrases {
		tr := ToTraditional(p)
		if back := ToSimplified(tr); back != p {
			t.Errorf("ToSimplified(ToTraditional(%q)) = %q (via %q)", p, back, tr)
		}
	}
}

func TestPhraseListsSameLength(t *testing.T) {
	for name, list := range map[string][]string{"s2t": s2tPhrases, "t2s": t2sPhrases} {
		for _, line := range list {
			f := strings.Fields(line)
			if len(f) != 2 || utf8.RuneCountInString(f[0]) != utf8.RuneCountInString(f[1]) || utf8.RuneCountInString(f[0]) < 2 {
				t.Errorf("%s phrase %q: want two words of the same length ≥ 2", name, line)
			}
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"ＡＢｃ１２３", "ABc123"},
		{"（一）", "(一)"},
		{"目标：增长６％", "目标:增长6%"},
		{"甲，乙；丙！", "甲,乙;丙!"},
		{"第一\u3000部分", "第一 部分"},
		{"國內生產總值", "国内生产总值"},
		{"顯著", "显着"}, // no phrase context: Fold(a+b) == Fold(a)+Fold(b)
		{"。、《》", "。、《》"},
	}
	for _, tt := range tests {
		got := Fold(tt.in)
		if got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(tt.in) {
			t.Errorf("Fold(%q) changed the rune count", tt.in)
		}
		var b strings.Builder
		for _, r := range tt.in {
			b.WriteRune(FoldRune(r))
		}
		if b.String() != got {
			t.Errorf("FoldRune over %q = %q, Fold = %q", tt.in, b.String(), got)
		}
	}
}

func TestLooksTraditional(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"全區上下堅持穩中求進，經濟運行總體平穩，社會保持和諧穩定。", true},
		{"全区上下坚持稳中求进，经济运行总体平稳，社会保持和谐稳定。", false},
		{"臺灣與香港的發展", true},
		{"abc 123", false},
		{"", false},
		{"中国人民", false}, // no distinguishing characters either way
	}
	for _, tt := range tests {
		if got := LooksTraditional(tt.in); got != tt.want {
			t.Errorf("LooksTraditional(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestIsReadingOf(t *testing.T) {
	tests := []struct {
		r     rune
		latin string
		want  bool
	}{
		{'國', "guó", true},
		{'國', "guo", true},
		{'國', "GUÓ", true},
		{'國', "guo2", true},
		{'國', "guǒ", false},
		{'国', "guó", true},
		{'經', "jīng", true},
		{'濟', "jì", true},
		{'發', "fā", true},
		{'區', "qū", true},
		{'會', "huì", true},
		{'擴', "kuò", true},
		{'綠', "lǜ", true},
		{'綠', "lü", true},
		{'綠', "lv", true},
		{'綠', "lv4", true},
		{'长', "cháng", true},
		{'長', "cháng", true},
		{'長', "zhǎng", true},
		{'行', "háng", true},
		{'行', "xíng", true},
		{'國', "AQI", false},
		{'國', "xx", false},
		{'稻', "gǔ", false},
		{'續', "a", false},
		{'國', "2019", false},
		{'年', "2019", false},
		{'國', "", false},
		{'國', "guó guó", false},
		{'a', "a", false},
		{'續', "xù", true},
	}
	for _, tt := range tests {
		if got := IsReadingOf(tt.r, tt.latin); got != tt.want {
			t.Errorf("IsReadingOf(%q, %q) = %v, want %v", tt.r, tt.latin, got, tt.want)
		}
	}
}

func readSeed(t testing.TB, prefix string) string {
	return string(seeds.Read(t, seeds.Path(t, prefix)))
}

// residue matches a Han character followed by a parenthesised Latin word,
// as in 國(guó); the caller decides with IsReadingOf.
var residue = regexp.MustCompile(`(\p{Han})[(（]([\p{Latin}:]{1,7}\d?)[)）]`)

func removeResidue(s string) (string, int) {
	n := 0
	out := residue.ReplaceAllStringFunc(s, func(m string) string {
		sm := residue.FindStringSubmatch(m)
		r, _ := utf8.DecodeRuneInString(sm[1])
		if IsReadingOf(r, sm[2]) {
			n++
			return sm[1]
		}
		return m
	})
	return out, n
}

func TestSeedsTraditional(t *testing.T) {
	for _, p := range []string{"000", "001"} {
		text := readSeed(t, p)
		clean, n := removeResidue(text)
		if n < 100 {
			t.Errorf("seed %s: only %d pinyin residues removed", p, n)
		}
		if left := residue.FindAllString(clean, -1); len(left) > 0 {
			t.Logf("seed %s: parentheticals kept: %q", p, left[:min(len(left), 10)])
		}
		simp := ToSimplified(clean)
		if again := ToSimplified(simp); again != simp {
			t.Errorf("seed %s: ToSimplified not idempotent", p)
		}
		// No character that is only traditional may remain.
		bad := map[rune]int{}
		for _, r := range simp {
			if t2s.one(r) != r && !selfT[r] {
				bad[r]++
			}
		}
		if len(bad) > 0 {
			t.Errorf("seed %s: traditional characters left: %v", p, runeCounts(bad))
		}
		if !LooksTraditional(text) {
			t.Errorf("seed %s: LooksTraditional = false", p)
		}
		if LooksTraditional(simp) {
			t.Errorf("seed %s: LooksTraditional(simplified) = true", p)
		}
	}
}

func TestSeedsSimplified(t *testing.T) {
	for _, p := range []string{"002", "003", "004"} {
		text := readSeed(t, p)
		if LooksTraditional(text) {
			t.Errorf("seed %s: LooksTraditional = true", p)
		}
		// Simplified text must come through ToSimplified untouched.
		if got := ToSimplified(text); got != text {
			changed := map[rune]int{}
			a, b := []rune(text), []rune(got)
			for i := range min(len(a), len(b)) {
				if a[i] != b[i] {
					changed[a[i]]++
				}
			}
			t.Errorf("seed %s: ToSimplified changed simplified text: %v", p, runeCounts(changed))
		}
	}
}

func runeCounts(m map[rune]int) string {
	var b strings.Builder
	for r, n := range m {
		b.WriteString(string(r))
		b.WriteString("×")
		b.WriteString(strings.Repeat("|", min(n, 5)))
		b.WriteString(" ")
	}
	return b.String()
}

// Bytes that are not valid UTF-8 pass through untouched, so offsets into
// badly decoded reports stay meaningful.
func TestInvalidUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\xff國\xe4", "\xff国\xe4"},
		{"國\xe5\x9c", "国\xe5\x9c"},
		{"\xed\xa0\x80經", "\xed\xa0\x80经"}, // encoded surrogate
		{"𠀀國", "𠀀国"},
	}
	for _, tt := range tests {
		if got := ToSimplified(tt.in); got != tt.want {
			t.Errorf("ToSimplified(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzConvert(f *testing.F) {
	for _, s := range []string{"國民經濟", "带头发展头发", "ＡＢ（一）", "\xff乾隆著名", "面条方面"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // counts of invalid bytes differ by decoder; covered by TestInvalidUTF8
		}
		n := utf8.RuneCountInString(s)
		for name, conv := range map[string]func(string) string{"ToSimplified": ToSimplified, "ToTraditional": ToTraditional, "Fold": Fold} {
			if got := conv(s); utf8.RuneCountInString(got) != n {
				t.Errorf("%s(%q) = %q: rune count %d, want %d", name, s, got, utf8.RuneCountInString(got), n)
			}
		}
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(FoldRune(r))
		}
		if got := Fold(s); got != b.String() {
			t.Errorf("Fold(%q) = %q, FoldRune map = %q", s, got, b.String())
		}
	})
}

// CountHan must count what ranging over the string counts, broken UTF-8
// included.
func TestCountHanMatchesRange(t *testing.T) {
	pieces := []string{"国", "國", "a", "，", "。", "\u3000", "㐀", "\U00020000", "\xe4", "\xe4\xb8", "\x80", "\xed\xa0\x80", "\xe0\x80\x80", "😀", "１"}
	rng := rand.New(rand.NewSource(5))
	for round := 0; round < 20000; round++ {
		var b strings.Builder
		for k := rng.Intn(20); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		want := 0
		for _, r := range s {
			if IsHan(r) {
				want++
			}
		}
		if got := CountHan(s); got != want {
			t.Fatalf("CountHan(%q) = %d, want %d", s, got, want)
		}
	}
}

// DecodeRune and DecodeLastRune must decode as utf8 does, and DecodeFast
// must either agree or decline.
func TestDecodeRune(t *testing.T) {
	var buf [4]byte
	for c0 := 0; c0 < 256; c0++ {
		for c1 := 0x70; c1 < 0xC8; c1++ {
			for _, c2 := range []byte{0x41, 0x80, 0x9F, 0xBF, 0xC0} {
				buf = [4]byte{byte(c0), byte(c1), c2, 0x80}
				for n := 1; n <= 4; n++ {
					s := string(buf[:n])
					wr, wsize := utf8.DecodeRuneInString(s)
					if r, size := DecodeRune(s, 0); r != wr || size != wsize {
						t.Fatalf("DecodeRune(%q) = %U, %d; want %U, %d", s, r, size, wr, wsize)
					}
					if r, size := DecodeFast(s, 0); size != 0 && (r != wr || size != wsize) {
						t.Fatalf("DecodeFast(%q) = %U, %d; want %U, %d or size 0", s, r, size, wr, wsize)
					}
					for _, t2 := range []string{s, "国" + s, "\xE4" + s} {
						wr, wsize := utf8.DecodeLastRuneInString(t2)
						if r, size := DecodeLastRune(t2); r != wr || size != wsize {
							t.Fatalf("DecodeLastRune(%q) = %U, %d; want %U, %d", t2, r, size, wr, wsize)
						}
					}
				}
			}
		}
	}
}

// TestFoldRuneKeepsHan checks what FoldRune promises scanners: ideographs
// fold to ideographs, and every other rune folds as FoldWidth folds it.
func TestFoldRuneKeepsHan(t *testing.T) {
	for r := rune(0); r <= 0x3FFFF; r++ {
		f := FoldRune(r)
		if IsHan(r) && !IsHan(f) || !IsHan(r) && f != FoldWidth(r) {
			t.Errorf("FoldRune(%U) = %U", r, f)
		}
	}
}

func TestFoldsHan(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false},
		{"目标：增长６％，", false}, // width forms only
		{"国内生产总值", false},
		{"國內", true},
		{"增长　經濟", true},
		{"\xff國", true},
	}
	for _, tt := range tests {
		if got := FoldsHan(tt.in); got != tt.want {
			t.Errorf("FoldsHan(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestRuneScript checks the table against the rule it was built from and
// that ScriptScore adds up RuneScript rune by rune.
func TestRuneScript(t *testing.T) {
	for r := rune(0); r <= 0x2FFFF; r++ {
		want := sparseScript(r)
		if got := RuneScript(r); got != want {
			t.Fatalf("RuneScript(%U) = %d, want %d", r, got, want)
		}
		if got, ok := RuneScriptFast(r); ok && got != want {
			t.Fatalf("RuneScriptFast(%U) = %d, want %d", r, got, want)
		}
	}
	for _, s := range []string{"", "國家发展", "臺灣 and 台湾\xff, 乾隆", "\xf0\xe4\xb8\xad國", "\xc3\xe4\xb8\xad\xe4\xb8", "（國）\U00020000豐", benchText[:3000]} {
		want := 0
		for _, r := range s {
			want += RuneScript(r)
		}
		if got := ScriptScore(s); got != want {
			t.Errorf("ScriptScore(%.20q) = %d, want %d", s, got, want)
		}
	}
}

// Simplifies must hold for every rune ToSimplified changes alone and for
// a rune of every phrase that changes, or skipping the conversion would
// be wrong; and it must not hold for plain simplified text.
func TestSimplifies(t *testing.T) {
	for r := rune(0); r <= 0x3FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if s := string(r); ToSimplified(s) != s && !Simplifies(r) {
			t.Errorf("ToSimplified changes %U %s but Simplifies says no", r, s)
		}
	}
	for _, g := range t2s.groups {
		for _, p := range g {
			if p.from != p.to && countSimplifies(p.from) == 0 {
				t.Errorf("phrase %s → %s holds no rune Simplifies says yes to", p.from, p.to)
			}
			// Kept phrases (显著) count for nothing, and must indeed
			// come back unchanged.
			if countSimplifies(p.from) == 0 && ToSimplified(p.from) != p.from {
				t.Errorf("ToSimplified(%s) = %s, but countSimplifies says it has nothing to change", p.from, ToSimplified(p.from))
			}
		}
	}
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"全区经济运行总体平稳，增长6.1%。", 0},
		{"干净整洁，今后发展", 0},  // kept phrases and simplified forms
		{"成效显著", 1},       // 著 alone would change, so it counts
		{"全區經濟運行總體平穩", 7}, // 區 經 濟 運 總 體 穩
		{"", 0},
	} {
		if got := countSimplifies(tt.s); got != tt.want {
			t.Errorf("countSimplifies(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestSimplifiesSeeds checks the promise on real text: every line of the
// seeds with no rune Simplifies says yes to comes back from ToSimplified
// unchanged.
func TestSimplifiesSeeds(t *testing.T) {
	plain := 0
	for _, p := range seeds.Paths(t) {
		for _, line := range strings.Split(string(seeds.Read(t, p)), "\n") {
			if countSimplifies(line) == 0 {
				plain++
				if got := ToSimplified(line); got != line {
					t.Errorf("%s: ToSimplified changes a line with nothing to change:\n%s\n%s", p, line, got)
				}
			}
		}
	}
	if plain == 0 {
		t.Error("no seed line without a rune that simplifies: the check checked nothing")
	}
}

// countSimplifies counts the runes of s for which Simplifies is true.
func countSimplifies(s string) int {
	n := 0
	for _, r := range s {
		if Simplifies(r) {
			n++
		}
	}
	return n
}

// PlainRun stops at the first rune that is not ASCII nor a well-formed rune
// of the Latin letters, of U+4000–U+9FFF or of the punctuation blocks, and
// scores what it read as sparseScript, which its table comes from, does.
func TestPlainRun(t *testing.T) {
	check := func(s string, i int) {
		t.Helper()
		want := i
		for want < len(s) {
			r, n := utf8.DecodeRuneInString(s[want:])
			han := r >= 0x4000 && r <= 0x9FFF
			punct := r >= 0x2000 && r <= 0x203F || r >= 0x3001 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF3F
			latin := r >= 0x80 && r <= 0x33F
			if r >= utf8.RuneSelf && !(han && n == 3 || punct && n == 3 || latin && n == 2) {
				break
			}
			want += n
		}
		wantScore := 0
		for _, r := range s[i:want] {
			wantScore += sparseScript(r)
		}
		end, score := PlainRun(s, i)
		if end != want || score != wantScore {
			t.Fatalf("PlainRun(%q, %d) = %d, %d; want %d, %d", s, i, end, score, want, wantScore)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r < 0xD800 || r > 0xDFFF {
			check("a國"+string(r)+"国b", 1)
		}
	}
	for _, s := range []string{"", "国", "国\xe4", "国\xe4\xb8", "\xe4\xb8\xad\xe4\xb8", "国\xe4\xc0\x80", "国\xe4\x80\xc0",
		"國\xed\x80\x80", "ab\xffc", "\xc3", "a\xc3a", "\xc3\xa0\xc3", "\xc1\xbf", "\xe9\xbf\xbf\xea\x80\x80"} {
		check(s, 0)
	}
}

func TestTonelessIs(t *testing.T) {
	tests := []struct {
		p, want string
		is      bool
	}{
		{"guó", "guo", true},
		{"lǜ", "lü", true},
		{"zhǎng", "zhang", true},
		{"guó", "gu", false},
		{"gu", "guo", false},
		{"guó", "guó", false},
		{"", "", true},
	}
	for _, tt := range tests {
		if got := tonelessIs(tt.p, tt.want); got != tt.is {
			t.Errorf("tonelessIs(%q, %q) = %v, want %v", tt.p, tt.want, got, tt.is)
		}
	}
}
