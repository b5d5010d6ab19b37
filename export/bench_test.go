package export

import (
	"io"
	"testing"

	"baogao/model"
)

// BenchmarkWriteSection writes every top-level section of every seed in
// each format; SetBytes counts the section text, so MB/s is text exported.
func BenchmarkWriteSection(b *testing.B) {
	reports := seedReports(b)
	for _, format := range []string{"txt", "md", "json", "tsv"} {
		b.Run(format, func(b *testing.B) {
			n := 0
			for _, r := range reports {
				for _, s := range r.Sections {
					n += len(model.SectionText(s, model.ScriptOriginal))
				}
			}
			b.SetBytes(int64(n))
			for b.Loop() {
				for _, r := range reports {
					for _, s := range r.Sections {
						if err := WriteSection(io.Discard, r, s, format, model.ScriptOriginal); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
		})
	}
}

// BenchmarkFind looks up every section of every seed by its label path.
func BenchmarkFind(b *testing.B) {
	reports := seedReports(b)
	type q struct {
		r *model.Report
		p string
	}
	var qs []q
	for _, r := range reports {
		r.Walk(func(s *model.Section, _ int) bool { qs = append(qs, q{r, Path(r, s)}); return true })
	}
	for b.Loop() {
		for _, x := range qs {
			Find(x.r, x.p)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(qs))/1e3, "µs/find")
}
