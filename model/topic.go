package model

import (
	"math"
	"strings"

	"baogao/hanzi"
)

// Topic is what a section is about, so that sections of two reports can be
// paired by meaning ("ecology" with "ecology") rather than by position.
type Topic int

const (
	TopicOther      Topic = iota
	TopicEconomy          // economy & industry
	TopicInvestment       // investment & projects
	TopicInnovation       // innovation & talent
	TopicReform           // reform & business environment
	TopicOpening          // opening up & trade
	TopicUrbanRural       // urban–rural construction & transport
	TopicEcology          // ecology & environment
	TopicLivelihood       // livelihood & social services
	TopicSafety           // safety & governance
	TopicParty            // party building & government self-building
	TopicEpidemic         // epidemic response
)

// Topics lists every topic, TopicOther last.
var Topics = []Topic{TopicEconomy, TopicInvestment, TopicInnovation, TopicReform, TopicOpening,
	TopicUrbanRural, TopicEcology, TopicLivelihood, TopicSafety, TopicParty, TopicEpidemic, TopicOther}

var topicNames = [...]string{"other", "economy", "investment", "innovation", "reform", "opening",
	"urban-rural", "ecology", "livelihood", "safety", "party-government", "epidemic"}

var topicLabels = [...]string{"其他", "经济产业", "投资项目", "创新人才", "改革营商", "开放合作",
	"城乡交通", "生态环境", "民生社会", "安全治理", "党建政府", "疫情防控"}

// String is the topic's English id ("urban-rural").
func (t Topic) String() string {
	if t < 0 || int(t) >= len(topicNames) {
		return topicNames[0]
	}
	return topicNames[t]
}

// Label is a short Chinese label (four characters) for tables and badges.
func (t Topic) Label() string {
	if t < 0 || int(t) >= len(topicLabels) {
		return topicLabels[0]
	}
	return topicLabels[t]
}

func (t Topic) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// keyword is one cue for a topic; weight 2 marks cues that are hardly ever
// used for anything else (营商环境, 疫情), 1 the broader ones (城市, 企业).
type keyword struct {
	word   string
	weight int
}

// topicKeywords are simplified Chinese: text is folded with hanzi.Fold
// before matching, so traditional reports score the same.
var topicKeywords = map[Topic][]keyword{
	TopicEconomy: {{"经济", 1}, {"产业", 1}, {"工业", 2}, {"制造业", 2}, {"服务业", 2}, {"农业", 1},
		{"增加值", 2}, {"生产总值", 2}, {"实体经济", 2}, {"消费", 1}, {"金融", 2}, {"财政", 1},
		{"税收", 1}, {"建筑业", 2}, {"企业", 1}, {"稳增长", 2}, {"旅游", 1}, {"转型升级", 2}},
	TopicInvestment: {{"投资", 2}, {"项目", 2}, {"招商", 2}, {"引资", 2}, {"双招双引", 2},
		{"签约", 1}, {"开工", 1}, {"竣工", 1}, {"载体", 1}, {"要素保障", 2}},
	TopicInnovation: {{"创新", 2}, {"科技", 2}, {"科创", 2}, {"人才", 2}, {"研发", 2}, {"高新技术", 2},
		{"专利", 2}, {"创业", 1}, {"双创", 2}, {"孵化", 2}, {"数字", 1}, {"智能", 1}},
	TopicReform: {{"改革", 2}, {"营商环境", 3}, {"放管服", 3}, {"审批", 2}, {"政务服务", 2},
		{"一网通办", 2}, {"市场主体", 2}, {"民营", 2}, {"国企", 2}, {"简政放权", 2}, {"体制机制", 1}},
	TopicOpening: {{"开放", 2}, {"外资", 2}, {"外贸", 2}, {"进出口", 2}, {"出口", 1}, {"一带一路", 2},
		{"长三角", 1}, {"一体化", 1}, {"口岸", 2}, {"自贸", 2}, {"区域合作", 2}, {"协同", 1}},
	TopicUrbanRural: {{"城乡", 2}, {"城市", 1}, {"乡村", 2}, {"农村", 2}, {"乡村振兴", 2}, {"交通", 2},
		{"道路", 2}, {"轨道", 2}, {"基础设施", 2}, {"城建", 2}, {"市容", 2}, {"规划", 1}, {"铁路", 2},
		{"高速", 1}, {"枢纽", 2}, {"港口", 1}, {"治堵", 2}, {"城镇", 2}},
	TopicEcology: {{"生态", 2}, {"环境", 1}, {"污染", 2}, {"绿色", 2}, {"低碳", 2}, {"节能", 2},
		{"减排", 2}, {"水质", 2}, {"大气", 2}, {"蓝天", 2}, {"碧水", 2}, {"净土", 2}, {"环保", 2},
		{"河长", 2}, {"黑臭", 2}, {"卫生清洁", 1}},
	TopicLivelihood: {{"民生", 2}, {"就业", 2}, {"教育", 2}, {"医疗", 2}, {"卫生", 1}, {"养老", 2},
		{"社会保障", 2}, {"社保", 2}, {"住房", 1}, {"文化", 1}, {"体育", 2}, {"扶贫", 2}, {"脱贫", 2},
		{"收入", 1}, {"富民", 2}, {"社会事业", 2}, {"公共服务", 2}, {"健康", 1}, {"惠民", 2}, {"民生实事", 2}},
	TopicSafety: {{"安全", 2}, {"治理", 1}, {"风险", 2}, {"稳定", 1}, {"扫黑除恶", 2}, {"信访", 2},
		{"应急", 2}, {"防范", 1}, {"化解", 1}, {"债务", 2}, {"平安", 2}, {"网格", 2}, {"安全生产", 2}, {"底线", 2}},
	TopicParty: {{"党建", 3}, {"从严治党", 3}, {"自身建设", 3}, {"作风", 2}, {"廉政", 2}, {"反腐", 2},
		{"法治政府", 3}, {"主题教育", 2}, {"干部", 1}, {"依法行政", 2}, {"纪律", 1}, {"党的", 1},
		{"党组织", 2}, {"督查", 1}, {"整治", 1}, {"政府建设", 2}},
	TopicEpidemic: {{"疫情", 3}, {"新冠", 3}, {"肺炎", 3}, {"复工复产", 2}, {"防疫", 3}, {"口罩", 2},
		{"核酸", 2}, {"隔离", 1}},
}

// Weights of where a cue was found: the heading says most about a section,
// its sub-headings less, the running text least (each cue counts at most
// textCap times there and a topic's text cues at most textTopicCap, so a
// long paragraph cannot outvote one cue in the title).
const (
	titleWeight    = 10
	childWeight    = 2
	textWeight     = 1
	textCap        = 3
	textTopicCap   = 8 // all running-text cues of one topic together
	minTopicScore  = 2
	maxTextToScore = 6000 // bytes of running text looked at per section
)

// TopicOf gives a section a topic from its title (weighted most), its
// children's titles and the running text of it and its descendants.
// A section with no clear cue is TopicOther.
func TopicOf(s *Section) Topic {
	return topicScores(s).best()
}

// topicVector holds a section's score for each topic, indexed by Topic.
type topicVector [len(topicNames)]int

// best is the highest-scoring topic; ties go to the earlier topic in
// Topics (deterministic); TopicOther below minTopicScore.
func (v topicVector) best() Topic {
	best, bestScore := TopicOther, 0
	for _, t := range Topics {
		if v[t] > bestScore {
			best, bestScore = t, v[t]
		}
	}
	if bestScore < minTopicScore {
		return TopicOther
	}
	return best
}

// cosine is the cosine similarity of two score vectors (0 when either is
// all zero): chapters that share their second-strongest topics are alike
// even when their strongest differ.
func (v topicVector) cosine(w topicVector) float64 {
	var dot, nv, nw float64
	for i := range v {
		dot += float64(v[i] * w[i])
		nv += float64(v[i] * v[i])
		nw += float64(w[i] * w[i])
	}
	if nv == 0 || nw == 0 {
		return 0
	}
	return dot / math.Sqrt(nv*nw)
}

func topicScores(s *Section) topicVector {
	if s == nil {
		return topicVector{}
	}
	title := hanzi.Fold(s.Title)
	var childTitles strings.Builder
	var text strings.Builder
	s.Walk(0, func(x *Section, depth int) bool {
		if depth > 0 {
			childTitles.WriteString(hanzi.Fold(x.Title))
			childTitles.WriteByte('\n')
		}
		if text.Len() < maxTextToScore {
			text.WriteString(hanzi.Fold(x.Text))
			text.WriteByte('\n')
		}
		return true
	})
	return scoreText(title, childTitles.String(), text.String())
}

// scoreText scores already-folded text.
func scoreText(title, childTitles, text string) topicVector {
	var v topicVector
	for _, t := range Topics {
		score, textScore := 0, 0
		for _, k := range topicKeywords[t] {
			score += k.weight * titleWeight * strings.Count(title, k.word)
			score += k.weight * childWeight * min(strings.Count(childTitles, k.word), textCap)
			textScore += k.weight * textWeight * min(strings.Count(text, k.word), textCap)
		}
		v[t] = score + min(textScore, textTopicCap)
	}
	return v
}
