package hanzi

// Phrase lists for context-dependent conversion. Each line is "from to";
// both sides have the same number of characters. Conversion is greedy,
// longest match first, left to right, so a few entries exist only to
// claim characters before a wrong phrase could (方面 before 面条 in
// 各方面条件, 带头 before 头发 in 带头发展).

// s2tPhrases picks the right traditional character where one simplified
// character stands for several (defaults are in gen/main.go).
var s2tPhrases = []string{
	// 发: 發 by default; 髮 for hair.
	"头发 頭髮", "理发店 理髮店", "理发师 理髮師", "头发展 頭發展", "头发挥 頭發揮",
	"头发起 頭發起", "头发布 頭發布", "头发放 頭發放", "头发出 頭發出", "头发动 頭發動",
	"头发现 頭發現", "头发生 頭發生",
	// 干: 幹 by default; 乾 for dry, 干 for interfere.
	"干净 乾淨", "干燥 乾燥", "干旱 乾旱", "饼干 餅乾", "干杯 乾杯", "晒干 曬乾",
	"干枯 乾枯", "干果 乾果", "干洗 乾洗", "干粮 乾糧", "干脆 乾脆", "干涸 乾涸",
	"干货 乾貨", "干预 干預", "干扰 干擾", "干涉 干涉", "若干 若干", "相干 相干",
	"干戈 干戈", "天干 天干", "干支 干支",
	// 后: 後 by default; 后 for queen.
	"皇后 皇后", "太后 太后", "王后 王后", "后妃 后妃", "影后 影后", "天后 天后",
	// 面: 面 by default; 麵 for noodles and flour.
	"面条 麵條", "面粉 麵粉", "方便面 方便麵", "拉面 拉麵", "挂面 掛麵", "面食 麵食",
	"面馆 麵館", "方面 方面", "全面 全面", "层面 層面", "局面 局面", "界面 界面",
	"表面 表面", "路面 路面", "地面 地面", "前面 前面", "后面 後面", "对面 對面",
	// 里: 裡 by default; 里 for the unit of length and neighbourhoods.
	"公里 公里", "里程 里程", "千里 千里", "万里 萬里", "邻里 鄰里", "英里 英里",
	"海里 海里", "故里 故里", "乡里 鄉里", "里弄 里弄",
	// 只: 只 by default; 隻 as a measure word.
	"一只 一隻", "两只 兩隻", "几只 幾隻", "三只 三隻", "船只 船隻", "只身 隻身",
	// 台: 臺 by default.
	"台风 颱風", "柜台 櫃檯", "台灯 檯燈", "台球 檯球", "吧台 吧檯", "台州 台州",
	// 复: 復 by default; 複 for complex/duplicate, 覆 for reply.
	"复杂 複雜", "复制 複製", "重复 重複", "复合 複合", "复印 複印", "复习 複習",
	"复数 複數", "繁复 繁複", "复核 複核", "复审 複審", "复查 複查", "复式 複式",
	"复方 複方", "反复 反覆", "答复 答覆", "批复 批覆", "回复 回覆",
	// 系: 系 by default; 係 and 繫 for relations and ties.
	"关系 關係", "联系 聯繫", "维系 維繫", "系数 係數", "确系 確係",
	// 历: 歷 by default; 曆 for calendars.
	"日历 日曆", "农历 農曆", "公历 公曆", "阳历 陽曆", "阴历 陰曆", "历法 曆法",
	"挂历 掛曆", "台历 檯曆",
	// 钟: 鐘 by default.
	"钟情 鍾情", "钟爱 鍾愛",
	// 获: 獲 by default; 穫 for harvest.
	"收获 收穫",
	// 制: 制 by default; 製 for making things.
	"制造 製造", "制作 製作", "制品 製品", "制成 製成", "研制 研製", "绘制 繪製",
	"印制 印製", "制药 製藥", "制剂 製劑", "炼制 煉製", "缝制 縫製", "监制 監製",
	"摄制 攝製", "录制 錄製", "特制 特製", "定制 定製", "制图 製圖", "制冷 製冷",
	"精制 精製", "配制 配製", "仿制 仿製", "试制 試製", "制片 製片", "制衣 製衣",
	"制鞋 製鞋", "机制 機制", "体制 體制", "控制 控制", "编制 編制", "限制 限制",
	"强制 強制",
	// 征: 徵 by default; 征 for expeditions and journeys.
	"征程 征程", "长征 長征", "征途 征途", "征战 征戰", "征服 征服", "出征 出征",
	"远征 遠征", "征伐 征伐",
	// 冲: 衝 by default; 沖 for rinsing and offsetting.
	"冲洗 沖洗", "冲刷 沖刷", "冲淡 沖淡", "冲抵 沖抵", "对冲 對沖", "冲销 沖銷",
	"冲泡 沖泡", "冲积 沖積", "冲凉 沖涼",
	// 准: 準 by default; 准 for permission.
	"批准 批准", "准入 准入", "准许 准許", "核准 核准", "获准 獲准", "不准 不准", "准予 准予",
	// 汇: 匯 by default; 彙 for collections.
	"汇编 彙編", "词汇 詞彙", "汇总 彙總", "汇整 彙整",
	// 尽: 盡 by default; 儘 for "as … as possible".
	"尽快 儘快", "尽管 儘管", "尽量 儘量", "尽早 儘早", "尽可能 儘可能", "尽先 儘先",
	// 斗: 鬥 by default; 斗 for the dipper and measures.
	"北斗 北斗", "漏斗 漏斗", "斗胆 斗膽", "熨斗 熨斗", "烟斗 煙斗", "星斗 星斗",
	"斗笠 斗笠", "斗篷 斗篷",
	// 几: 幾 by default.
	"茶几 茶几",
	// 松: 松 by default; 鬆 for loose.
	"放松 放鬆", "宽松 寬鬆", "轻松 輕鬆", "松动 鬆動", "松绑 鬆綁", "松懈 鬆懈",
	"松弛 鬆弛", "蓬松 蓬鬆", "松散 鬆散", "松软 鬆軟",
	// 丑: 丑 by default; 醜 for ugly.
	"丑陋 醜陋", "丑闻 醜聞", "丑恶 醜惡", "家丑 家醜", "出丑 出醜",
	// 采: 採 by default; 采 for looks.
	"风采 風采", "文采 文采", "神采 神采", "兴高采烈 興高采烈", "无精打采 無精打采",
	// 表: 表 by default; 錶 for watches and meters.
	"钟表 鐘錶", "手表 手錶", "电表 電錶", "水表 水錶", "表带 錶帶", "怀表 懷錶",
	// 志: 志 by default; 誌 for records and marks.
	"杂志 雜誌", "标志 標誌", "日志 日誌",
	// 症: 症 by default.
	"症结 癥結",
	// 蒙: 蒙 by default.
	"蒙骗 矇騙",
	// 卷: 卷 by default; 捲 for rolling up.
	"卷入 捲入", "席卷 席捲", "卷起 捲起", "卷烟 捲菸", "卷土重来 捲土重來", "卷尺 捲尺",
	// 当: 當 by default.
	"叮当 叮噹",
	// 划: 劃 by default; 划 for rowing.
	"划船 划船", "划算 划算", "划桨 划槳", "划得来 划得來", "划不来 划不來", "划艇 划艇",
	// 周: 周 by default; 週 for weeks and cycles.
	"周末 週末", "每周 每週", "周年 週年", "周刊 週刊", "周报 週報", "周期 週期",
	"周岁 週歲", "上周 上週", "下周 下週", "本周 本週",
	// 致: 致 by default; 緻 for fine.
	"精致 精緻", "细致 細緻", "别致 別緻", "雅致 雅緻", "景致 景緻", "致密 緻密",
	// 谷: 谷 by default; 穀 for grain.
	"稻谷 稻穀", "谷物 穀物", "五谷 五穀", "谷子 穀子",
	// 郁: 郁 by default; 鬱 for gloom.
	"忧郁 憂鬱", "抑郁 抑鬱", "郁闷 鬱悶",
	// 舍: 舍 by default; 捨 for giving up.
	"舍弃 捨棄", "舍得 捨得", "取舍 取捨", "施舍 施捨", "不舍 不捨",
	// 沈: 沈 by default; 瀋 for Shenyang.
	"沈阳 瀋陽",
	// 脏: 髒 by default; 臟 for organs.
	"心脏 心臟", "内脏 內臟", "脏器 臟器", "肝脏 肝臟", "肾脏 腎臟",
	// 了: 了 by default; 瞭 for seeing.
	"了望 瞭望", "了解 了解",
	// 卜: 卜 by default.
	"萝卜 蘿蔔",
}

// t2sPhrases keeps characters that the default T→S mapping would change
// (乾 → 干, 著 → 着) or changes ones it would keep (覆, 藉). buildTable
// also adds each right-hand side as an identity phrase, so 显著 stays 显著
// when the text is already simplified.
var t2sPhrases = []string{
	// 乾: 干 by default.
	"乾隆 乾隆", "乾坤 乾坤", "乾元 乾元", "乾清宮 乾清宫",
	// 著: 着 by default (隨著, 著力); 著 for writing and renown.
	"著名 著名", "顯著 显著", "著作 著作", "卓著 卓著", "昭著 昭著", "土著 土著",
	"名著 名著", "論著 论著", "專著 专著", "原著 原著", "巨著 巨著", "編著 编著",
	"著述 著述", "著稱 著称", "遺著 遗著", "譯著 译著", "合著 合著", "著書 著书",
	"著者 著者", "著錄 著录",
	// 瞭: 了 by default.
	"瞭望 瞭望",
	// 覆: 覆 by default; 复 for replies and repetition.
	"答覆 答复", "反覆 反复", "回覆 回复", "批覆 批复",
	// 藉: 藉 by default; 借 for pretexts and reliance.
	"藉口 借口", "憑藉 凭借", "藉助 借助", "藉以 借以",
}
