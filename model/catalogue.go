package model

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"baogao/hanzi"
)

// Indicator is one standard indicator of the reports.
type Indicator struct {
	ID      string   `json:"id"`      // short ascii id: "gdp"
	Name    string   `json:"name"`    // canonical simplified name
	Aliases []string `json:"aliases"` // other spellings, in both scripts
	Unit    string   `json:"unit"`    // preferred unit
}

// Catalogue is the one list of standard indicators in the project.
var Catalogue = []Indicator{
	{"gdp", "地区生产总值", []string{"GDP", "生产总值", "地區生產總值", "生產總值", "国内生产总值", "經濟總量", "经济总量"}, "亿元"},
	{"budget-revenue", "一般公共预算收入", []string{"公共财政预算收入", "地方一般公共预算收入", "一般预算收入", "地方公共财政预算收入", "一般公共預算收入", "公共財政預算收入", "地方一般公共預算收入", "一般預算收入"}, "亿元"},
	{"budget-expenditure", "一般公共预算支出", []string{"公共财政预算支出", "一般预算支出", "一般公共預算支出", "公共財政預算支出"}, "亿元"},
	{"tax-revenue", "税收收入", []string{"税收", "稅收收入"}, "亿元"},
	{"industry-va", "规模以上工业增加值", []string{"规上工业增加值", "规模工业增加值", "工业增加值", "規模以上工業增加值", "規上工業增加值", "規模工業增加值", "工業增加值"}, "亿元"},
	{"industry-output", "规模以上工业总产值", []string{"规模以上工业产值", "规上工业产值", "规上工业总产值", "规模工业产值", "规模工业总产值", "規模以上工業總產值", "規模以上工業產值", "規上工業產值", "規模工業總產值"}, "亿元"},
	{"fixed-investment", "固定资产投资", []string{"全社会固定资产投资", "固定資產投資"}, "亿元"},
	{"industrial-investment", "工业投资", []string{"工業投資", "工业固定资产投资", "工業固定資產投資"}, "亿元"},
	{"tech-investment", "技改投资", []string{"工业技改投资", "技术改造投资", "工业技术改造投资", "技改投資", "工業技改投資"}, "亿元"},
	{"private-investment", "民间投资", []string{"民間投資"}, "亿元"},
	{"real-estate-investment", "房地产开发投资", []string{"房地產開發投資"}, "亿元"},
	{"retail-sales", "社会消费品零售总额", []string{"社消零", "社會消費品零售總額"}, "亿元"},
	{"urban-income", "城镇居民人均可支配收入", []string{"城镇常住居民人均可支配收入", "城鎮居民人均可支配收入"}, "元"},
	{"rural-income", "农村居民人均可支配收入", []string{"农村常住居民人均可支配收入", "农民人均可支配收入", "農村居民人均可支配收入", "農民人均可支配收入"}, "元"},
	{"income", "居民人均可支配收入", []string{"全体居民人均可支配收入", "常住居民人均可支配收入", "全體居民人均可支配收入"}, "元"},
	{"trade", "进出口总额", []string{"外贸进出口总额", "进出口额", "外贸进出口", "进出口", "進出口總額", "外貿進出口總額", "進出口額"}, "亿元"},
	{"exports", "出口", []string{"出口额", "出口总额", "外贸出口", "出口總額", "外貿出口"}, "亿元"},
	{"imports", "进口", []string{"进口额", "進口", "進口額"}, "亿元"},
	{"fdi", "实际利用外资", []string{"实际到账外资", "实际使用外资", "實際利用外資", "實際到賬外資", "實際使用外資"}, "亿美元"},
	{"contracted-fdi", "协议外资", []string{"协议利用外资", "協議外資", "合同外资", "合同外資", "合同利用外资"}, "亿美元"},
	{"hightech-output", "高新技术产业产值", []string{"高新技术产值", "高新技術產業產值", "高新技術產值"}, "亿元"},
	{"hightech-share", "高新技术产业产值占规上工业比重", []string{"高新技术产业产值占规模以上工业产值比重", "高新技术产业产值占规上工业产值比重", "高新技术产业产值占比", "高新技術產業產值佔比"}, "%"},
	{"hightech-firms", "高新技术企业", []string{"高新技术企业数", "高新技术企业保有量", "高新技術企業"}, "家"},
	{"new-jobs", "城镇新增就业", []string{"新增城镇就业", "城镇新增就业人数", "城鎮新增就業", "新增城鎮就業"}, "万人"},
	{"unemployment", "城镇登记失业率", []string{"城镇调查失业率", "登记失业率", "城鎮登記失業率", "登記失業率"}, "%"},
	{"cpi", "居民消费价格", []string{"居民消费价格指数", "CPI", "居民消費價格", "居民消費價格指數"}, "%"},
	{"deposits", "存款余额", []string{"各项存款余额", "金融机构存款余额", "本外币存款余额", "存款餘額", "各項存款餘額"}, "亿元"},
	{"loans", "贷款余额", []string{"各项贷款余额", "金融机构贷款余额", "本外币贷款余额", "貸款餘額", "各項貸款餘額"}, "亿元"},
	{"industrial-power", "工业用电量", []string{"工业用电", "全社会工业用电量", "工業用電量"}, "亿千瓦时"},
	{"power", "全社会用电量", []string{"用电量", "全社會用電量"}, "亿千瓦时"},
	{"services-va", "服务业增加值", []string{"第三产业增加值", "服務業增加值", "第三產業增加值"}, "亿元"},
	{"rd-share", "R&D经费支出占GDP比重", []string{"研发经费支出占GDP比重", "R&D经费支出占地区生产总值比重", "研究与试验发展经费支出占GDP比重", "R&D經費支出佔GDP比重", "研發經費支出佔GDP比重"}, "%"},
	{"invention-patents-per-10k", "万人发明专利拥有量", []string{"每万人发明专利拥有量", "萬人發明專利擁有量", "每萬人發明專利擁有量"}, "件"},
	{"patents-granted", "专利授权", []string{"专利授权量", "專利授權", "專利授權量"}, "件"},
	{"invention-patents-granted", "发明专利授权", []string{"发明专利授权量", "發明專利授權", "發明專利授權量"}, "件"},
	{"patent-applications", "专利申请", []string{"专利申请量", "專利申請", "專利申請量"}, "件"},
	{"energy-intensity", "单位GDP能耗", []string{"单位地区生产总值能耗", "万元GDP能耗", "單位GDP能耗", "單位地區生產總值能耗"}, "%"},
	{"pm25", "PM2.5浓度", []string{"PM2.5平均浓度", "PM2.5年均浓度", "细颗粒物浓度", "PM2.5濃度", "細顆粒物濃度"}, "微克/立方米"},
	{"good-air-days", "空气优良天数比例", []string{"空气优良天数比率", "优良天数比例", "优良天数比率", "空气质量优良天数比率", "空气质量达标率", "空氣優良天數比例", "優良天數比率", "空氣質量達標率", "空气质量优良率", "空气优良率", "空氣質量優良率"}, "%"},
	{"urbanization", "城镇化率", []string{"常住人口城镇化率", "城鎮化率"}, "%"},
	{"new-projects", "新开工项目", []string{"新开工重大项目", "新開工項目"}, "个"},
	{"big-projects", "亿元以上项目", []string{"亿元以上产业项目", "億元以上項目"}, "个"},
	{"tourism-revenue", "旅游收入", []string{"旅游总收入", "旅游业总收入", "旅遊收入", "旅遊總收入"}, "亿元"},
	{"tourists", "接待游客", []string{"接待游客人次", "接待海内外游客", "接待國內外遊客", "接待遊客", "接待海內外遊客"}, "万人次"},
	{"new-market-entities", "新增市场主体", []string{"新登记市场主体", "新增市場主體"}, "户"},
	{"new-firms", "新增企业", []string{"新增各类企业", "新登记企业", "新增企業", "新设立企业", "新設立企業"}, "家"},
	{"logistics-total", "社会物流总额", []string{"社會物流總額"}, "亿元"},
	{"logistics-va", "物流业增加值", []string{"物流業增加值"}, "亿元"},
	{"tech-contracts", "技术合同成交额", []string{"技术合同交易额", "技術合同成交額"}, "亿元"},
	{"forest-cover", "林木覆盖率", []string{"森林覆盖率", "林木覆蓋率", "森林覆蓋率"}, "%"},
	{"listed-firms", "上市公司", []string{"上市企业", "上市公司數"}, "家"},
	{"water-quality", "地表水省考以上断面优良比例", []string{"地表水优良比例", "省考以上断面优Ⅲ类比例", "地表水國省考斷面優良比例"}, "%"},
	{"pension-coverage", "基本养老保险覆盖率", []string{"基本养老保险参保率", "基本養老保險覆蓋率"}, "%"},
}

// Prefixes that add nothing to what an indicator measures (全市地区生产总值
// is 地区生产总值); suffixes likewise (地区生产总值增速).
var (
	indicatorPrefixes = []string{"全市", "全区", "全县", "全省", "全镇", "全社会", "我市", "我区", "本市", "完成", "实现", "累计", "全年", "金融机构", "各项", "本外币", "地方", "全口径", "共"}
	indicatorSuffixes = []string{"增速", "增幅", "增长", "总额", "总量"}
)

// catalogueIndex maps each folded name and alias to its indicator.
var catalogueIndex = func() map[string]int {
	m := make(map[string]int)
	for i, ind := range Catalogue {
		for _, a := range append([]string{ind.Name}, ind.Aliases...) {
			k := foldKey(a)
			if _, dup := m[k]; !dup {
				m[k] = i
			}
		}
	}
	return m
}()

// keyEnds holds the last two runes of every key in catalogueIndex. Every
// name LookupIndicator tries ends where the folded raw name ends, or just
// before one of indicatorSuffixes there, so mayName can turn down most raw
// names (figures' subjects are seldom standard indicators) from their last
// few runes, without folding them whole.
var keyEnds, keyLast = func() (map[uint64]bool, *[0x10000 / 64]uint64) {
	m := make(map[uint64]bool)
	var last [0x10000 / 64]uint64
	for k := range catalogueIndex {
		r := []rune(k)
		if len(r) < 2 {
			panic("model: catalogue key " + k + " is shorter than the two runes keyEnds holds")
		}
		a, b := r[len(r)-2], r[len(r)-1]
		m[runePair(a, b)] = true
		if b >= 0x10000 {
			panic("model: catalogue key " + k + " ends outside the Basic Multilingual Plane, which keyLast covers")
		}
		last[b/64] |= 1 << (b % 64)
	}
	return m, &last
}()

// runePair is the key of keyEnds for the runes a, b: an integer, which a
// map hashes faster than an array.
func runePair(a, b rune) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// endsSomeKey reports whether r is the last rune of a key, from the bitmap
// keyLast: most runes are not, and keyEnds need not be asked.
func endsSomeKey(r rune) bool {
	return r >= 0 && r < 0x10000 && keyLast[r/64]&(1<<(r%64)) != 0
}

// mayName reports whether raw can name a catalogue indicator; false is
// certain, true means LookupIndicator must look.
func mayName(raw string) bool {
	// tail: the last runes of foldKey(raw), last first (the upper-casing
	// is tried below; leading spaces left in only make names look longer).
	var tail [4]rune
	n := 0
	s := raw
	for len(s) > 0 && n < len(tail) {
		var r rune
		size := 0
		if len(s) >= 3 {
			r, size = hanzi.DecodeFast(s, len(s)-3) // inlined: DecodeLastRune's common case
		}
		if size == 0 {
			r, size = hanzi.DecodeLastRune(s)
		}
		if r == utf8.RuneError {
			return true // broken text: leave it to the full lookup
		}
		s = s[:len(s)-size]
		if r = hanzi.FoldRune(r); n == 0 && unicode.IsSpace(r) {
			continue // trimmed by foldKey
		}
		tail[n] = r
		n++
	}
	endsKey := func(at int) bool {
		if n < at+2 {
			// Fewer than 4 runes: tail is all of the key, too short for
			// any name. Otherwise the suffix is too long to tell.
			return n == len(tail)
		}
		a, b := tail[at+1], tail[at]
		if endsSomeKey(b) && keyEnds[runePair(a, b)] {
			return true
		}
		ua, ub := upper(a), upper(b)
		return (ua != a || ub != b) && endsSomeKey(ub) && keyEnds[runePair(ua, ub)]
	}
	if endsKey(0) {
		return true
	}
	for _, suf := range suffixTails {
		if hasTail(tail[:n], suf) && endsKey(len(suf)) {
			return true
		}
	}
	return false
}

// suffixTails are indicatorSuffixes as runes, last first, as mayName
// reads names.
var suffixTails = func() [][]rune {
	out := make([][]rune, len(indicatorSuffixes))
	for i, suf := range indicatorSuffixes {
		r := []rune(suf)
		slices.Reverse(r)
		out[i] = r
	}
	return out
}()

// upper is unicode.ToUpper, skipping its table search for Han characters.
func upper(r rune) rune {
	if hanzi.IsHan(r) {
		return r
	}
	return unicode.ToUpper(r)
}

// hasTail reports whether tail ends with suf (both last first), or may:
// when tail is too short to tell.
func hasTail(tail, suf []rune) bool {
	for i, r := range suf {
		if i == len(tail) {
			return true
		}
		if tail[i] != r {
			return false
		}
	}
	return true
}

func foldKey(s string) string {
	s = strings.TrimSpace(hanzi.Fold(s))
	// Keys are Chinese; only Latin letters (GDP, PM2.5) need upper-casing,
	// and strings.ToUpper is slow on the rest.
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				return strings.ToUpper(s)
			}
			i++
			continue
		}
		r, size := hanzi.DecodeFast(s, i) // inlined: DecodeRune's common case
		if size == 0 {
			r, size = hanzi.DecodeRune(s, i)
		}
		if !hanzi.IsHan(r) && unicode.IsLower(r) {
			return strings.ToUpper(s)
		}
		i += size
	}
	return s
}

// LookupIndicator finds the standard indicator a raw indicator names. After
// folding (traditional → simplified), neutral prefixes (全市, 完成 …) and
// suffixes (增速, 总额 …) are dropped and the rest must equal a name or
// alias: Chinese noun phrases are head-final, so 制造业贷款余额 or
// 高新技术产业产值占比 are not 贷款余额 or 高新技术产业产值. When several
// readings match, the longest alias wins.
func LookupIndicator(raw string) (Indicator, bool) {
	if !mayName(raw) {
		return Indicator{}, false
	}
	if i := lookup(foldKey(raw)); i >= 0 {
		return Catalogue[i], true
	}
	return Indicator{}, false
}

// lookup is the index in Catalogue of the indicator the folded key k
// names, or -1.
func lookup(k string) int {
	best, bestLen := -1, 0
	lookupWalk(k, 0, &best, &bestLen)
	return best
}

// lookupWalk tries s, s without each of indicatorSuffixes, and (up to
// depth 4) s without each of indicatorPrefixes, keeping the longest key
// found in best and bestLen.
func lookupWalk(s string, depth int, best, bestLen *int) {
	if s == "" || depth > 4 {
		return
	}
	try := func(s string) {
		if i, ok := catalogueIndex[s]; ok && len(s) > *bestLen {
			*best, *bestLen = i, len(s)
		}
	}
	try(s)
	// Compare whole words only where the first (last) runes agree.
	last, _ := hanzi.DecodeLastRune(s)
	for i, suf := range indicatorSuffixes {
		if suffixLast[i] == last {
			if t, ok := strings.CutSuffix(s, suf); ok {
				try(t)
			}
		}
	}
	first, _ := hanzi.DecodeRune(s, 0)
	for i, p := range indicatorPrefixes {
		if prefixFirst[i] == first {
			if t, ok := strings.CutPrefix(s, p); ok {
				lookupWalk(t, depth+1, best, bestLen)
			}
		}
	}
}

// prefixFirst and suffixLast are the first runes of indicatorPrefixes
// and the last runes of indicatorSuffixes.
var prefixFirst, suffixLast = func() (first, last []rune) {
	for _, p := range indicatorPrefixes {
		r, _ := utf8.DecodeRuneInString(p)
		first = append(first, r)
	}
	for _, s := range indicatorSuffixes {
		r, _ := utf8.DecodeLastRuneInString(s)
		last = append(last, r)
	}
	return first, last
}()

// IndicatorByID returns the catalogue entry with the given id.
func IndicatorByID(id string) (Indicator, bool) {
	for _, ind := range Catalogue {
		if ind.ID == id {
			return ind, true
		}
	}
	return Indicator{}, false
}
