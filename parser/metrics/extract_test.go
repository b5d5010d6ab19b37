package metrics

import (
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"baogao/hanzi"
	"baogao/model"
)

// one extracts from text and returns the only metric, failing otherwise.
func one(t *testing.T, text string, ctx Context) model.Metric {
	t.Helper()
	ms := Extract(text, ctx)
	if len(ms) != 1 {
		t.Fatalf("Extract(%q) gave %d metrics, want 1: %+v", text, len(ms), ms)
	}
	return ms[0]
}

func TestNumberForms(t *testing.T) {
	tests := []struct {
		text      string
		value     float64
		valueMax  float64
		unit      string
		base      float64
		baseUnit  string
		qualifier string
	}{
		{"全区完成工业投资26349万元。", 26349, 0, "万元", 263490000, "元", ""},
		{"全市贷款余额达1,234.5亿元。", 1234.5, 0, "亿元", 123450000000, "元", ""},
		{"全市贷款余额达１２３４亿元。", 1234, 0, "亿元", 123400000000, "元", ""},
		{"全省工业总产值达1.5万亿元。", 1.5, 0, "万亿元", 1.5e12, "元", ""},
		{"实际利用外资1.81亿美元。", 1.81, 0, "亿美元", 1.81e8, "美元", ""},
		{"新增造林绿化6120余亩。", 6120, 0, "亩", 6120, "亩", "余"},
		{"落实规划指标3万亩。", 3, 0, "万亩", 30000, "亩", ""},
		{"累计接待游客36万余人次。", 36, 0, "万人次", 360000, "人次", "余"},
		{"引进企业研发中心3千万元。", 3, 0, "千万元", 3e7, "元", ""},
		{"培训农民三千人。", 3000, 0, "人", 3000, "人", ""},
		{"全年新增就业一万二千人。", 12000, 0, "人", 12000, "人", ""},
		{"新建公园两个。", 2, 0, "个", 2, "个", ""},
		{"走访企业十余家。", 10, 0, "家", 10, "家", "余"},
		{"村庄覆盖率达到百分之五十。", 50, 0, "%", 50, "%", ""},
		{"项目完成率达到三分之一。", 33.33, 0, "%", 33.33, "%", ""},
		{"企业复工率达五成。", 5, 0, "成", 50, "%", ""},
		{"预计利润率5-8%。", 5, 8, "%", 5, "%", ""},
		{"预计利润率5%至8%。", 5, 8, "%", 5, "%", ""},
		{"新增储备项目3-4个。", 3, 4, "个", 3, "个", ""},
		{"城镇登记失业率1.73%。", 1.73, 0, "%", 1.73, "%", ""},
		{"单位能耗下降0.5个百分点。", -0.5, 0, "个百分点", -0.5, "个百分点", ""},
		{"办结时限压缩至3个工作日内。", 3, 0, "个工作日", 3, "个工作日", "内"},
		{"投资总额约5.5亿元。", 5.5, 0, "亿元", 5.5e8, "元", "约"},
		{"工业投资增长10%左右。", 10, 0, "%", 10, "%", "左右"},
		{"放贷总额超3亿元。", 3, 0, "亿元", 3e8, "元", "超"},
		{"科技型企业突破200家。", 200, 0, "家", 200, "家", "突破"},
		{"完成投资近20亿元。", 20, 0, "亿元", 2e9, "元", "近"},
	}
	for _, tt := range tests {
		m := one(t, tt.text, Context{})
		if m.Value != tt.value || m.ValueMax != tt.valueMax || m.Unit != tt.unit || math.Abs(m.BaseValue-tt.base) > 1e-6*math.Max(1, math.Abs(tt.base)) || m.BaseUnit != tt.baseUnit || m.Qualifier != tt.qualifier {
			t.Errorf("%s\n got %g~%g %s base %g %s qual %q\nwant %g~%g %s base %g %s qual %q", tt.text,
				m.Value, m.ValueMax, m.Unit, m.BaseValue, m.BaseUnit, m.Qualifier,
				tt.value, tt.valueMax, tt.unit, tt.base, tt.baseUnit, tt.qualifier)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	for _, text := range []string{"地区生产总值增长x%。", "一般公共预算收入XX亿元。", "全年新增就业xx万人。"} {
		m := one(t, text, Context{})
		if !m.Unknown || m.Value != 0 || m.BaseValue != 0 {
			t.Errorf("%s: got value %g unknown %v, want an unknown value", text, m.Value, m.Unknown)
		}
	}
}

func TestNotMetrics(t *testing.T) {
	for _, text := range []string{
		"2019年6月28日,全市召开推进会。",
		"成功举办第四届船舶产业论坛。",
		"积极融入G60科创走廊。",
		"加快5G基站建设。",
		"打造“2+5+N”创新载体。",
		"创成国家4A级景区。",
		"获批1类新药证书。",
		"经济总量列全市第一,增速排名第6。",
		"①加快项目建设。",
		"1.推进产业升级。",
		"会议于9:30召开。",
		"开通12345热线。",
		"签约5亿元以上项目。",
		"深入贯彻“六项督查”要求。",
		"坚决打好三大攻坚战,做好六稳工作,从五个方面推进,坚持两手抓。",
		"编制《2019-2021年行动方案》。",
		"推进30万吨级航道建设。",
		"居全省前3位。",
		"推进一体化发展,打造一批重点项目。",
	} {
		if ms := Extract(text, Context{}); len(ms) != 0 {
			t.Errorf("Extract(%q) = %d metrics, want none: %s %g %s", text, len(ms), ms[0].Indicator, ms[0].Value, ms[0].Unit)
		}
	}
}

func TestSizeThresholdInName(t *testing.T) {
	m := one(t, "全年签约10亿元以上项目23个。", Context{})
	if m.Value != 23 || m.Unit != "个" || m.Indicator != "签约10亿元以上项目" {
		t.Errorf("got %s %g %s", m.Indicator, m.Value, m.Unit)
	}
}

type want struct {
	indicator string
	value     float64
	unit      string
	measure   model.Measure
	period    string
	status    model.Status
	qualifier string
}

func check(t *testing.T, text string, ctx Context, wants []want) {
	t.Helper()
	ms := Extract(text, ctx)
	if len(ms) != len(wants) {
		for _, m := range ms {
			t.Logf("  %s %g %s %s", m.Indicator, m.Value, m.Unit, m.Measure)
		}
		t.Fatalf("Extract(%q) gave %d metrics, want %d", text, len(ms), len(wants))
	}
	for i, w := range wants {
		m := ms[i]
		got := want{m.Indicator, m.Value, m.Unit, m.Measure, m.Period, m.Status, m.Qualifier}
		if got != w {
			t.Errorf("%s\n metric %d: got  %+v\n            want %+v", text, i, got, w)
		}
		if m.Source == "" {
			t.Errorf("metric %d has no source", i)
		}
	}
}

func TestSharedSubjects(t *testing.T) {
	A, L, C, S := model.StatusActual, model.MeasureLevel, model.MeasureChange, model.MeasureShare
	check(t, "城镇和农村居民人均可支配收入分别为41236元、23418元。", Context{}, []want{
		{"城镇居民人均可支配收入", 41236, "元", L, "", A, ""},
		{"农村居民人均可支配收入", 23418, "元", L, "", A, ""},
	})
	check(t, "本外币存款余额2210.5亿元,贷款余额1530.2亿元,较年初分别增长9.6%和6.3%。", Context{}, []want{
		{"本外币存款余额", 2210.5, "亿元", L, "", A, ""},
		{"贷款余额", 1530.2, "亿元", L, "", A, ""},
		{"本外币存款余额", 9.6, "%", C, "年初以来", A, ""},
		{"贷款余额", 6.3, "%", C, "年初以来", A, ""},
	})
	check(t, "养老保险、医疗保险参保率均达97%以上。", Context{}, []want{
		{"养老保险参保率", 97, "%", S, "", A, "以上"},
		{"医疗保险参保率", 97, "%", S, "", A, "以上"},
	})
	check(t, "机关事业单位由48个精简至40个。", Context{}, []want{
		{"机关事业单位", 48, "个", L, "", A, ""},
		{"机关事业单位", 40, "个", L, "", A, ""},
	})
	// A clause that names a milestone, not a figure, names the indicator.
	check(t, "全年地区生产总值突破千亿元大关，达到1023亿元，增长5.8%。", Context{}, []want{
		{"地区生产总值", 1023, "亿元", L, "全年", A, ""},
		{"地区生产总值", 5.8, "%", C, "全年", A, ""},
	})
	check(t, "税收收入首次迈上百亿台阶，完成101.2亿元。", Context{}, []want{
		{"税收收入", 101.2, "亿元", L, "", A, ""},
	})
}

func TestMeasureStatusPeriod(t *testing.T) {
	A, T, F := model.StatusActual, model.StatusTarget, model.StatusForecast
	L, C, S := model.MeasureLevel, model.MeasureChange, model.MeasureShare
	check(t, "1-9月,全区地区生产总值增长7.1%;一般公共预算收入52.6亿元,下降2.4%。", Context{}, []want{
		{"地区生产总值", 7.1, "%", C, "1-9月", A, ""},
		{"一般公共预算收入", 52.6, "亿元", L, "1-9月", A, ""},
		{"一般公共预算收入", -2.4, "%", C, "1-9月", A, ""},
	})
	check(t, "完成软件业收入88.2亿元,增长12%,占服务业营业收入的31.5%。", Context{}, []want{
		{"软件业收入", 88.2, "亿元", L, "", A, ""},
		{"软件业收入", 12, "%", C, "", A, ""},
		{"软件业收入占服务业营业收入", 31.5, "%", S, "", A, ""},
	})
	check(t, "今年主要预期目标是：居民消费价格涨幅3%左右。", Context{}, []want{
		{"居民消费价格", 3, "%", C, "今年", T, "左右"},
	})
	check(t, "预计全年实现地区生产总值820亿元。", Context{}, []want{
		{"地区生产总值", 820, "亿元", L, "全年", F, ""},
	})
	check(t, "力争新增规上企业50家以上。", Context{Kind: model.KindAchievements}, []want{
		{"新增规上企业", 50, "家", L, "", T, "以上"},
	})
	check(t, "新增规上企业50家。", Context{Kind: model.KindPlans}, []want{
		{"新增规上企业", 50, "家", L, "", T, ""},
	})
	check(t, "截至9月底,累计办理业务3200件。", Context{}, []want{
		{"累计办理业务", 3200, "件", L, "截至9月底", A, ""},
	})
	check(t, "上半年,新增高企申报120余家,累计超过900家。", Context{}, []want{
		{"新增高企申报", 120, "家", L, "上半年", A, "余"},
		{"累计", 900, "家", L, "上半年", A, "超过"},
	})
	check(t, "研发投入占比提高0.3个百分点,服务业比重回落1.2个百分点。", Context{}, []want{
		{"研发投入占比", 0.3, "个百分点", C, "", A, ""},
		{"服务业比重", -1.2, "个百分点", C, "", A, ""},
	})
	check(t, "计划引进人才3000余人,其中博士120余人。", Context{}, []want{
		{"计划引进人才", 3000, "人", L, "", T, "余"},
		{"博士", 120, "人", L, "", T, "余"},
	})
	check(t, "8家企业入选省级示范,12个村完成改造。", Context{}, []want{
		{"企业入选省级示范", 8, "家", L, "", A, ""},
		{"村完成改造", 12, "个", L, "", A, ""},
	})
	check(t, "85%的行政村实现全覆盖。", Context{}, []want{
		{"行政村实现全覆盖", 85, "%", S, "", A, ""},
	})
}

func TestExtractNoPanicOnOddInput(t *testing.T) {
	for _, s := range []string{"", "。", "增长", "1", "x", "百分之", "三分之", "1-", "1,", "1.", "十", "一万", "亿", "\n\n", "5%至", "由至50个"} {
		_ = Extract(s, Context{})
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"城镇和农村居民人均可支配收入分别为35606元、21748元", "1-6月,增长6.7%;收入37.3亿元", "百分之五十", "三分之一", "1.5万亿元", "XX亿元", "5%至8%", "一万二千", "9,999,999,999,999,999,999亿元"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range Extract(s, Context{Kind: model.KindPlans}) {
			for _, v := range []float64{m.Value, m.ValueMax, m.BaseValue} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("Extract(%q): non-finite value in %+v", s, m)
				}
			}
		}
	})
}

// BenchmarkMetrics measures extraction over the seed reports (read as
// they are, one Extract per paragraph).
func BenchmarkMetrics(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	if len(files) == 0 {
		b.Skip("no seed reports in ../shared/seeds: skipping")
	}
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			Extract(s, Context{})
		}
	}
}

// decode must give the runes []rune gives, for valid and broken UTF-8,
// and say which text it could cut sources from.
func TestDecodeMatchesRuneConversion(t *testing.T) {
	for _, s := range []string{"", "增长6.5%", "ＧＤＰ增长５．２％，～\t", "a\xffb", "\xe5\xa2", "增\x80长", "\xed\xa0\x80", "😀1亿元", "\xc0\xaf"} {
		d := decode(s, new(scratch))
		orig, n, offs, valid := d.orig, d.n, d.offs, d.valid
		want := []rune(s)
		if !slices.Equal(orig, want) || len(n) != len(want) {
			t.Errorf("decode(%q) = %q, want %q", s, orig, want)
			continue
		}
		for i, r := range want {
			if n[i] != normalizeRune(r) {
				t.Errorf("decode(%q): rune %d normalized to %q, want %q", s, i, n[i], normalizeRune(r))
			}
		}
		var marks []int
		for i, r := range n {
			if markRunes.has(r) {
				marks = append(marks, i)
			}
		}
		if !slices.Equal(d.marks, marks) {
			t.Errorf("decode(%q): marks %v, want %v", s, d.marks, marks)
		}
		if valid != utf8.ValidString(s) {
			t.Errorf("decode(%q): valid = %v", s, valid)
		}
		if valid {
			for k := range offs {
				if got := []rune(s[offs[k]:]); len(got) != len(want)-k {
					t.Errorf("decode(%q): rune %d at byte %d", s, k, offs[k])
				}
			}
		}
	}
}

// smallDecimal must give what strconv.ParseFloat gives.
func TestSmallDecimalMatchesParseFloat(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	cases := []string{"0", "7", "0.5", "1.81", "6.5", "12345678901234.5", "999999999999999", "0.000000000000001", "123.456", "00012.50"}
	for i := 0; i < 200000; i++ {
		digits := 1 + rng.Intn(15)
		b := make([]byte, 0, 17)
		for k := 0; k < digits; k++ {
			b = append(b, byte('0'+rng.Intn(10)))
		}
		if rng.Intn(2) == 0 && digits > 1 {
			at := 1 + rng.Intn(digits-1)
			b = append(b[:at], append([]byte{'.'}, b[at:]...)...)
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		want, err := strconv.ParseFloat(s, 64)
		got, ok := smallDecimal([]byte(s))
		if !ok {
			continue // more than 15 digits: ParseFloat reads it
		}
		if err != nil || got != want {
			t.Fatalf("smallDecimal(%q) = %v, %v; ParseFloat gives %v, %v", s, got, ok, want, err)
		}
	}
}

// decode calls normalizeRune only on runes in decodeSpecial.
func TestDecodeSpecialCoversNormalizeRune(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if normalizeRune(r) != r && !decodeSpecial.has(r) {
			t.Fatalf("normalizeRune changes %U but decodeSpecial leaves it out", r)
		}
	}
}

// pow10Of must give what math.Pow gives.
func TestPow10OfMatchesPow(t *testing.T) {
	for e := -400.0; e <= 400; e += 0.5 {
		if got, want := pow10Of(e), math.Pow(10, e); got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("pow10Of(%v) = %v, want %v", e, got, want)
		}
	}
	for _, e := range []float64{math.Inf(1), math.Inf(-1), math.NaN(), 1e300, -1e300} {
		if got, want := pow10Of(e), math.Pow(10, e); got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("pow10Of(%v) = %v, want %v", e, got, want)
		}
	}
}

// twoHan and trimSpace must answer as hanzi.CountHan and strings.TrimSpace.
func TestTwoHanAndTrimSpace(t *testing.T) {
	for _, s := range []string{"", "增", "增长", "a增b", "GDP", " 地区 ", "\u3000地区生产总值\u3000", "总值\t", "\t\n", "增\xff", "\xff增长", "x\u00a0", "\u2003万元"} {
		if got, want := twoHan(s), hanzi.CountHan(s) >= 2; got != want {
			t.Errorf("twoHan(%q) = %v, want %v", s, got, want)
		}
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// roundSig's shortcut for whole numbers must give what its rounding gives.
func TestRoundSigWholeNumbers(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 200000; i++ {
		v := math.Trunc(math.Pow(10, rng.Float64()*15))
		if rng.Intn(2) == 0 {
			v = -v
		}
		if v == 0 || math.Abs(v) >= 1e15 {
			continue
		}
		mag := pow10Of(15 - math.Ceil(math.Log10(math.Abs(v))))
		if want := math.Round(v*mag) / mag; roundSig(v) != want {
			t.Fatalf("roundSig(%v) = %v, rounding gives %v", v, roundSig(v), want)
		}
	}
}

// TestIndicatorWords checks the words around an indicator that are, or are
// not, part of it: a qualifier that ends a word, a verb that names a rate,
// the verb that reports an amount done.
func TestIndicatorWords(t *testing.T) {
	tests := []struct {
		text, indicator, qualifier string
	}{
		{"新签约项目5个。", "新签约项目", ""},
		{"签约5个。", "签约", ""},
		{"全年节约5吨。", "节约", ""},
		{"投资总额约5.5亿元。", "投资总额", "约"},
		{"引进人才近300人。", "引进人才", "近"},
		{"完成率60%。", "完成率", ""},
		{"规上工业总产值完成126.3亿元。", "规上工业总产值", ""},
		{"试点村庄基础设施建设圆满完成3家。", "试点村庄基础设施建设", ""},
		{"绿化种植已完成96%。", "绿化种植已完成", ""},
	}
	for _, tt := range tests {
		m := one(t, tt.text, Context{})
		if m.Indicator != tt.indicator || m.Qualifier != tt.qualifier {
			t.Errorf("%s: indicator %q qualifier %q, want %q %q", tt.text, m.Indicator, m.Qualifier, tt.indicator, tt.qualifier)
		}
	}
}

// Extract folds traditional text itself: the same report in either script
// gives the same metrics, and simplified text with a rune that only a
// phrase would change (覆 of 覆盖) is left as it is.
func TestExtractFoldsTraditional(t *testing.T) {
	for _, tt := range []struct{ trad, simp string }{
		{"全區實現地區生產總值312.5億元，同比增長5.8%。", "全区实现地区生产总值312.5亿元，同比增长5.8%。"},
		{"規模以上工業增加值增長6.1%，新增規上企業17家。", "规模以上工业增加值增长6.1%，新增规上企业17家。"},
		{"5G網絡覆蓋率達到98%。", "5G网络覆盖率达到98%。"},
		{"全区5G网络覆盖率达到98%。", "全区5G网络覆盖率达到98%。"},
	} {
		got, want := Extract(tt.trad, Context{}), Extract(tt.simp, Context{})
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("Extract(%q) =\n%+v\nwant, as for %q,\n%+v", tt.trad, got, tt.simp, want)
		}
	}
}

// A heading is read as a line of its own before the text: Context.Heading
// gives what joining them with "\n" gives.
func TestHeadingIsALine(t *testing.T) {
	pairs := [][2]string{
		{"", "全年新增就业1200人。"}, {"一、主要指标:", "增长6.5%"}, {"1,234", "567万元"}, {"总产值达12", "亿元,增长5%。"},
		{"全区GDP增长6.5%。", "增长7%。"}, {"收入5\xff亿元", "增长3%"}, {"增长3%", "收入5\xff亿元"}, {"全區增長5.8%", "新增規上企業17家"},
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for i := range lines {
			pairs = append(pairs, [2]string{lines[i], strings.Join(lines[i+1:min(i+4, len(lines))], "\n")})
		}
	}
	for _, p := range pairs {
		for _, kind := range []model.Kind{model.KindAchievements, model.KindPlans} {
			got := Extract(p[1], Context{Heading: p[0], Kind: kind})
			want := Extract(p[0]+"\n"+p[1], Context{Kind: kind})
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("heading %q, text %q:\n%+v\nwant\n%+v", p[0], p[1], got, want)
			}
		}
	}
}

// mayHoldMetric must answer yes for every text scan finds a metric in:
// seed lines, and random strings of numerals, units, digits and the
// characters folding or normalizing changes into them.
func TestMayHoldMetric(t *testing.T) {
	found := func(text string) bool {
		x := extractor{}
		x.scan(text, new(scratch))
		return len(x.out) > 0
	}
	var texts []string
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	alphabet := []rune("一二三四十百千万亿两零〇多余个人家项件条元亩米吨%％‰倍成类次百分之至到-～—,。、的年月日全市增长新建x１×萬個兩億項覆著乾a ")
	rng := rand.New(rand.NewSource(1))
	for range 300000 {
		r := make([]rune, 1+rng.Intn(8))
		for i := range r {
			r[i] = alphabet[rng.Intn(len(alphabet))]
		}
		texts = append(texts, string(r))
	}
	texts = append(texts, "两万人", "十一个", "十余家", "三至五个", "一百个", "五成", "百分之五十", "三分之一", "\xff个", "😀一个")
	held := 0
	for _, s := range texts {
		if found(s) {
			held++
			if !mayHoldMetric(s) {
				t.Fatalf("mayHoldMetric(%q) = false, but it holds %+v", s, Extract(s, Context{}))
			}
		}
	}
	if held < 1000 {
		t.Fatalf("only %d texts hold a metric: the test tests little", held)
	}
}

// onlyRunes must answer as strings.Trim does.
func TestOnlyRunes(t *testing.T) {
	for _, s := range []string{"", " ", "和", "、和 ", ",及与", "和a", "总值", "\ufffd", "和\ufffd"} {
		if got, want := onlyRunes([]rune(s), joiners), strings.Trim(s, " 、和及与,") == ""; got != want {
			t.Errorf("onlyRunes(%q) = %v, want %v", s, got, want)
		}
	}
	if onlyRunes([]rune{0xD800, 0x110000, -1}, joiners) {
		t.Error("onlyRunes takes runes that are no characters")
	}
}
