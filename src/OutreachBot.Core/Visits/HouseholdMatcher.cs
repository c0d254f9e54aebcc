namespace OutreachBot.Visits;

/// <summary>
/// Finds a household by its head's name as a cadre types it on a phone: exact, part of the name, or a name off by
/// a character, where a look- or sound-alike character (what a pinyin keyboard or a quick hand gets wrong) counts
/// as half a mistake. Written here because the weighting by similar characters is ours; no pinyin is computed.
/// </summary>
public static class HouseholdMatcher
{
    public const int MaxCandidates = 9;

    /// <summary>Characters often confused in names, by sound or shape; each group is one line.</summary>
    private static readonly string[] SimilarGroups =
    [
        "王汪", "张章", "陈程成", "李黎理", "刘柳", "杨扬阳", "黄皇", "吴武伍", "周舟", "徐许", "孙荪", "马玛", "朱珠",
        "胡湖", "郭国", "何和", "林琳霖", "罗萝", "高皋", "梁良", "谢解", "宋松", "唐汤", "韩寒", "冯凤", "邓登",
        "明名鸣铭", "华花桦", "英鹰莺瑛", "芳方", "军君钧", "伟卫维玮", "秀绣", "兰蓝岚", "丽莉俐利", "红洪宏鸿",
        "玉钰", "德得", "建健", "志智", "平萍", "珍贞", "云芸", "才财", "富福", "贵桂", "荣蓉", "强墙", "海亥",
        "泽则", "扎札", "措错", "卓桌", "吉基", "拉啦", "郎朗", "珠株", "央秧", "巴八", "尔儿", "梅玫", "春椿",
        "己已巳", "未末", "土士", "日曰", "天夭", "人入", "千干", "戊戌戍",
    ];

    private static readonly Dictionary<char, int> GroupOf = BuildGroups();

    public static IReadOnlyList<(T Item, MatchKind Kind)> Rank<T>(string query, IEnumerable<T> items, Func<T, string> nameOf, Func<T, bool> preferred)
    {
        var wanted = Clean(query);
        if (wanted.Length == 0)
        {
            return [];
        }

        var matches = new List<(T Item, MatchKind Kind, double Distance, bool Preferred, string Name)>();
        foreach (var item in items)
        {
            var name = Clean(nameOf(item));
            if (name.Length == 0)
            {
                continue;
            }

            if (name == wanted)
            {
                matches.Add((item, MatchKind.Exact, 0, preferred(item), name));
            }
            else if (name.Contains(wanted, StringComparison.Ordinal) || (name.Length >= 2 && wanted.Contains(name, StringComparison.Ordinal)))
            {
                matches.Add((item, MatchKind.Contains, Math.Abs(name.Length - wanted.Length), preferred(item), name));
            }
            // The edit distance is at least the difference in length, so a long text is turned away here
            // instead of costing its length times the name's for each household.
            else if (Math.Abs(wanted.Length - name.Length) <= Allowed(Math.Max(wanted.Length, name.Length)))
            {
                var distance = Distance(wanted, name);
                if (distance <= Allowed(Math.Max(wanted.Length, name.Length)))
                {
                    matches.Add((item, MatchKind.Similar, distance, preferred(item), name));
                }
            }
        }

        return [.. matches
            .OrderBy(m => m.Kind)
            .ThenByDescending(m => m.Preferred)
            .ThenBy(m => m.Distance)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .Take(MaxCandidates)
            .Select(m => (m.Item, m.Kind))];
    }

    /// <summary>Edit distance where swapping a character for a similar one costs half.</summary>
    public static double Distance(string a, string b)
    {
        var previous = new double[b.Length + 1];
        var current = new double[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = a[i - 1] == b[j - 1] ? 0 : AreSimilar(a[i - 1], b[j - 1]) ? 0.5 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    public static bool AreSimilar(char a, char b) => GroupOf.TryGetValue(a, out var ga) && GroupOf.TryGetValue(b, out var gb) && ga == gb;

    /// <summary>A two-character name tolerates only a similar character; longer names one or more mistakes.</summary>
    private static double Allowed(int length) => length <= 2 ? 0.5 : length == 3 ? 1 : 1.5;

    /// <summary>Drops spaces, punctuation and a trailing 家 or 户 ("王德明家").</summary>
    private static string Clean(string text)
    {
        var letters = new string(text.Where(c => char.IsLetterOrDigit(c)).ToArray());
        return letters.Length > 2 && letters[^1] is '家' or '户' ? letters[..^1] : letters;
    }

    private static Dictionary<char, int> BuildGroups()
    {
        var groups = new Dictionary<char, int>();
        for (var i = 0; i < SimilarGroups.Length; i++)
        {
            foreach (var c in SimilarGroups[i])
            {
                groups.TryAdd(c, i);
            }
        }

        return groups;
    }
}
