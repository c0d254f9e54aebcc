namespace OutreachBot.Bench.Replay.Year;

/// <summary>What people in the county type: the words the replay picks from (seeded, so every run sends the same).</summary>
public static class Words
{
    public static readonly string[] VisitTriggers = ["记录走访", "记走访", "走访", "登记走访", "写走访", "记一下走访"];

    public static readonly string[] RaiseTriggers = ["我要反映", "反映问题", "有个事", "投诉", "求助", "帮我反映", "反映个事", "想反映"];

    public static readonly (string Answer, OutreachBot.Visits.VisitKind Kind)[] VisitKinds =
    [
        ("入户走访", OutreachBot.Visits.VisitKind.HomeVisit), ("入户", OutreachBot.Visits.VisitKind.HomeVisit),
        ("1", OutreachBot.Visits.VisitKind.HomeVisit), ("上门", OutreachBot.Visits.VisitKind.HomeVisit),
        ("慰问", OutreachBot.Visits.VisitKind.Relief), ("2", OutreachBot.Visits.VisitKind.Relief), ("送温暖", OutreachBot.Visits.VisitKind.Relief),
        ("蹲点调研", OutreachBot.Visits.VisitKind.FieldStay), ("蹲点", OutreachBot.Visits.VisitKind.FieldStay),
    ];

    public static readonly string[] RecentDates = ["刚才", "昨天下午", "上周五", "前天", "昨天上午", "今天"];

    public static readonly string[] VillageNotes =
    [
        "村里在修通组公路，预计下个月通车", "合作社今年收了两百多吨花椒", "村里新建了文化广场", "组里有三户在搞民宿",
        "村里饮水工程完工了", "今年雨水多，有两处塌方", "村小学来了两个新老师", "村里开了农民夜校，来了四十多人",
    ];

    public static readonly string[] HouseholdNotes =
    [
        "老两口在家，儿子在外打工", "家里五口人，两个娃儿在读书", "户主腿脚不方便，靠低保生活", "今年养了二十头猪，收入还行",
        "女儿考上了大学，学费有点紧", "房子是前年危改新修的", "家里种了五亩花椒，长势不错", "老人常年吃药，医保报了大部分",
    ];

    public static readonly string[] Hopes = ["想把房子再修一下", "盼着路早点修通", "想学点技术出去打工", "希望娃儿读书有补助", "想申请小额信贷养牛"];

    /// <summary>Problems a cadre notes, with the kind a villager would file them under.</summary>
    public static readonly (string Text, string Kind, string Answer)[] Problems =
    [
        ("房子后墙裂了，下雨漏水", "住房", "住房"), ("自来水管冻裂了，吃水要去河边挑", "饮水", "饮水"),
        ("老人看病报销的钱还没到账", "医疗", "医疗"), ("通组的路塌了一截，车过不去", "道路交通", "修路"),
        ("花椒卖不出去，压了一屋子", "农产品销售", "农产品销售"), ("在外打工的工钱被拖欠了半年", "就业务工", "欠薪"),
        ("和邻居为地界吵了好几次", "矛盾纠纷", "纠纷"), ("娃儿的学费减免还没办下来", "教育", "教育"),
    ];

    public static readonly string[] Kinds = ["道路交通", "饮水", "住房", "医疗", "教育", "就业务工", "农产品销售", "矛盾纠纷", "其他"];

    /// <summary>Per kind: ways a villager names it (the label, a word the dialog knows, its number) and descriptions.</summary>
    public static readonly Dictionary<string, (string[] Answers, string[] Descriptions)> ByKind = new()
    {
        ["道路交通"] = (["道路交通", "修路", "1", "路灯"], ["通组公路塌方了，车子过不去", "村口的桥栏杆断了，娃儿上学危险", "路灯坏了一个多月，晚上黑黢黢的"]),
        ["饮水"] = (["饮水", "自来水", "2", "停水"], ["三组的自来水停了三天了", "水管冻裂了，全组吃水困难", "水是浑的，烧开了还有沉淀"]),
        ["住房"] = (["住房", "危房", "3", "漏雨"], ["屋顶漏雨，下雨天没法住人", "房子墙上裂了大缝，怕垮", "危房改造的补助还没发"]),
        ["医疗"] = (["医疗", "看病", "4", "医保"], ["老人住院的钱报销不下来", "村卫生室经常没人", "慢性病的药在乡里买不到"]),
        ["教育"] = (["教育", "上学", "5", "学费"], ["娃儿上学的营养餐停了", "学校离家太远，想申请住校", "学费减免还没办下来"]),
        ["就业务工"] = (["就业务工", "打工", "6", "工钱"], ["在工地干了半年，工钱还没给", "想找个附近的活，不知道去哪问", "培训班报了名一直没通知"]),
        ["农产品销售"] = (["农产品销售", "卖不出去", "7", "滞销"], ["今年的花椒卖不出去", "核桃收购价太低了", "土豆烂在地里没人收"]),
        ["矛盾纠纷"] = (["矛盾纠纷", "纠纷", "8", "邻居"], ["两家为宅基地吵了好几次了", "邻居的牛吃了我家的庄稼，谈不拢", "兄弟分家闹得很僵"]),
        ["其他"] = (["其他", "别的", "9"], ["想问问村里的账目能不能公开", "家里的户口本丢了怎么补", "狗咬了人，不知道找谁"]),
    };

    public static readonly string[] Done = ["已经派人修好了", "县水务局换了水管，已经通水", "补助已经打到存折上了", "乡里协调好了，双方签了协议", "合作社已经按保底价收购", "拖欠的工钱已经追回"];

    public static readonly string[] Unresolved = ["这条路不在今年的计划里，已经报明年的项目", "需要省里审批，暂时办不了，已经说明情况", "涉及外县企业，已移交劳动监察"];

    public static readonly string[] DissatisfiedReasons = ["水还是浑的，不能喝", "只修了一半", "钱还没到账", "还是没人管"];

    public static readonly string[] Satisfied = ["满意", "1", "很满意", "挺好"];

    public static readonly string[] BasicallySatisfied = ["基本满意", "2", "还行"];

    public static readonly string[] Dissatisfied = ["不满意", "3"];

    public static readonly string[] PlacesTyped = ["三组村口的桥边", "村委会旁边", "二组的水井", "去乡上的那条路"];
}
