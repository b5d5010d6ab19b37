package model

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLookupIndicator(t *testing.T) {
	tests := []struct {
		raw  string
		want string // id; "" when no indicator should match
	}{
		{"地区生产总值", "gdp"},
		{"全市地区生产总值", "gdp"},
		{"全区地区生产总值", "gdp"},
		{"GDP", "gdp"},
		{"生产总值", "gdp"},
		{"地区生产总值增速", "gdp"},
		{"一般公共预算收入", "budget-revenue"},
		{"完成一般公共预算收入", "budget-revenue"},
		{"公共财政预算收入", "budget-revenue"},
		{"地方一般公共预算收入", "budget-revenue"},
		{"一般预算收入", "budget-revenue"},
		{"一般公共预算支出", "budget-expenditure"},
		{"规模以上工业增加值", "industry-va"},
		{"规上工业增加值", "industry-va"},
		{"规模工业增加值", "industry-va"},
		{"规模以上工业总产值", "industry-output"},
		{"规模以上工业产值", "industry-output"},
		{"工业投资", "industrial-investment"},
		{"工业技改投资", "tech-investment"},
		{"城镇居民人均可支配收入", "urban-income"},
		{"农村居民人均可支配收入", "rural-income"},
		{"居民人均可支配收入", "income"},
		{"外贸进出口总额", "trade"},
		{"实现外贸进出口总额", "trade"},
		{"实际到账外资", "fdi"},
		{"实际使用外资", "fdi"},
		{"金融机构各项存款余额", "deposits"},
		{"贷款余额", "loans"},
		{"万人发明专利拥有量", "invention-patents-per-10k"},
		{"发明专利授权量", "invention-patents-granted"},
		{"专利授权量", "patents-granted"},
		{"全社会R&D经费支出占GDP比重", "rd-share"},
		{"PM2.5浓度", "pm25"},
		{"社会消费品零售总额", "retail-sales"},
		{"高新技术企业保有量", "hightech-firms"},
		{"城镇登记失业率", "unemployment"},
		// Traditional spellings match through the catalogue's own aliases
		// (and through hanzi.Fold once its tables are in).
		{"地區生產總值", "gdp"},
		{"規模工業增加值", "industry-va"},
		{"城鎮居民人均可支配收入", "urban-income"},
		// Different indicators that contain a standard name must not match it.
		{"制造业贷款余额", ""},
		{"高新技术产业产值占规模工业总产值", ""},
		{"新开工亿元以上产业项目完成投资额", ""},
		{"办理出口退(免)税", ""},
		{"省级服务业集聚区营业收入", ""},
		{"", ""},
	}
	for _, tt := range tests {
		ind, ok := LookupIndicator(tt.raw)
		if tt.want == "" {
			if ok {
				t.Errorf("LookupIndicator(%q) = %q, want no match", tt.raw, ind.ID)
			}
			continue
		}
		if !ok || ind.ID != tt.want {
			t.Errorf("LookupIndicator(%q) = %q, %v; want %q", tt.raw, ind.ID, ok, tt.want)
		}
	}
}

func TestCatalogueWellFormed(t *testing.T) {
	if len(Catalogue) < 40 {
		t.Errorf("catalogue has %d indicators, want at least 40", len(Catalogue))
	}
	idRE := regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	ids := map[string]bool{}
	owner := map[string]string{}
	for _, ind := range Catalogue {
		if !idRE.MatchString(ind.ID) {
			t.Errorf("bad id %q", ind.ID)
		}
		if ids[ind.ID] {
			t.Errorf("duplicate id %q", ind.ID)
		}
		ids[ind.ID] = true
		if ind.Name == "" || ind.Unit == "" {
			t.Errorf("%s: empty name or unit", ind.ID)
		}
		// Every name and alias must lead back to its own indicator: an alias
		// shared by two indicators would make lookups ambiguous.
		for _, a := range append([]string{ind.Name}, ind.Aliases...) {
			k := foldKey(a)
			if o, dup := owner[k]; dup && o != ind.ID {
				t.Errorf("alias %q belongs to both %s and %s", a, o, ind.ID)
			}
			owner[k] = ind.ID
			got, ok := LookupIndicator(a)
			if !ok || got.ID != ind.ID {
				t.Errorf("alias %q of %s looks up as %q", a, ind.ID, got.ID)
			}
		}
		if _, ok := IndicatorByID(ind.ID); !ok {
			t.Errorf("IndicatorByID(%q) failed", ind.ID)
		}
	}
}

// mayName must never turn down a name the full lookup finds: try every
// name and alias with prefixes, suffixes, spaces, other letter cases and
// full-width forms, and every run of runes of some of them.
func TestMayNameKeepsMatches(t *testing.T) {
	check := func(s string) {
		if i := lookup(foldKey(s)); i >= 0 && !mayName(s) {
			t.Errorf("mayName(%q) = false, but it names %s", s, Catalogue[i].ID)
		}
	}
	var runs []string
	for _, ind := range Catalogue {
		for _, a := range append([]string{ind.Name}, ind.Aliases...) {
			for _, p := range append([]string{"", " ", "\u3000", "全市完成", "制造业"}, indicatorPrefixes...) {
				for _, suf := range append([]string{"", " ", "\u3000 ", "率", "增长增速"}, indicatorSuffixes...) {
					check(p + a + suf)
					check(strings.ToLower(p + a + suf))
				}
			}
			runs = append(runs, " 全市"+a+"增长 ", "各项"+strings.ToLower(a)+"总量")
		}
	}
	runs = append(runs, "ｇｄｐ", "ＧＤＰ增长", " Cpi ", "pm2.5濃度", "R&D经费支出占gdp比重", "\xff增长", "总值\xff")
	for _, name := range runs {
		r := []rune(name)
		for i := range r {
			for j := i; j <= len(r); j++ {
				check(string(r[i:j]))
			}
		}
		if !utf8.ValidString(name) {
			check(name)
		}
	}
}
