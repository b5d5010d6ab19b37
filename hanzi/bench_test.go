package hanzi

import (
	"strings"
	"testing"
)

// benchText is about 1 MB of mixed report-style text: simplified and
// traditional sentences, digits, ASCII and full-width punctuation.
var benchText = func() string {
	parts := []string{
		"一、全年经济运行总体平稳，地区生产总值增长6.5%左右；一般公共预算收入达到42.8亿元。",
		"（二）著力推進產業轉型升級，規模以上工業增加值增長7.1%，新興產業佔比進一步提高。",
		"坚持以人民为中心的发展思想，办好民生实事，城乡居民人均可支配收入分别增长8%和9%。",
		"全區上下堅持穩中求進，統籌做好穩增長、促改革、調結構、惠民生、防風險等各項工作。",
		"Ｑ1-Ｑ3 PM2.5 平均浓度下降12.4%，空气质量优良天数比例(AQI)达到81.2%。\n",
	}
	var b strings.Builder
	for b.Len() < 1<<20 {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	return b.String()
}()

func benchConvert(b *testing.B, f func(string) string) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		_ = f(benchText)
	}
}

func BenchmarkToSimplified(b *testing.B)  { benchConvert(b, ToSimplified) }
func BenchmarkToTraditional(b *testing.B) { benchConvert(b, ToTraditional) }
func BenchmarkFold(b *testing.B)          { benchConvert(b, Fold) }

// Already simplified text: no output is built.
func BenchmarkToSimplifiedUnchanged(b *testing.B) {
	s := ToSimplified(benchText)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = ToSimplified(s)
	}
}

func BenchmarkLooksTraditional(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		_ = LooksTraditional(benchText)
	}
}

func BenchmarkIsReadingOf(b *testing.B) {
	for b.Loop() {
		_ = IsReadingOf('國', "guó")
		_ = IsReadingOf('國', "AQI")
	}
}
