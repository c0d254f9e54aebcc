using System.Text;

namespace OutreachBot.Text;

/// <summary>Small normalisations of what villagers type on a phone.</summary>
public static class ChineseText
{
    private const string Punctuation = "。，、！？!?,.~～…；;：:「」“”\"'‘’（）()【】[] \t\r\n";

    /// <summary>Full-width ASCII to half-width, ideographic spaces to spaces, trimmed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            });
        }

        return result.ToString().Trim();
    }

    /// <summary>The text without punctuation or spaces, lower-cased: what command words are compared with.</summary>
    public static string Bare(string? text)
    {
        var normalized = Normalize(text);
        var result = new StringBuilder(normalized.Length);
        foreach (var c in normalized.Where(c => !Punctuation.Contains(c)))
        {
            result.Append(char.ToLowerInvariant(c));
        }

        return result.ToString();
    }

    /// <summary>"2", "第二个", "选2", "2号", "第十一项" → the number; null if the text is not just an ordinal.</summary>
    public static int? Ordinal(string? text)
    {
        var bare = Bare(text);
        foreach (var prefix in new[] { "我选", "选", "第", "要" })
        {
            if (bare.StartsWith(prefix, StringComparison.Ordinal))
            {
                bare = bare[prefix.Length..];
            }
        }

        foreach (var suffix in new[] { "个", "项", "号", "条", "种", "位", "户" })
        {
            if (bare.EndsWith(suffix, StringComparison.Ordinal) && bare.Length > 1)
            {
                bare = bare[..^1];
            }
        }

        return int.TryParse(bare, out var number) ? number : ChineseNumber(bare);
    }

    /// <summary>Chinese numerals up to the thousands ("三", "十二", "两百零五"); null for anything else.</summary>
    public static int? ChineseNumber(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        int total = 0, section = 0, digit = -1;
        foreach (var c in text)
        {
            var value = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c is '两') value = 2;
            if (c is '〇') value = 0;
            if (value >= 0)
            {
                digit = value;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                return null;
            }

            section += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }

        total += section + Math.Max(digit, 0);
        return total;
    }

    /// <summary>Levenshtein distance over UTF-16 chars (Chinese text here is all in the BMP).</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
