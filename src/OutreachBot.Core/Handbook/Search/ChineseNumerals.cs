using System.Globalization;
using System.Text;

namespace OutreachBot.Handbook.Search;

/// <summary>
/// Writes Chinese numbers with a unit as digits (六十 → 60, 八十五 → 85, 两千 → 2000), so "满六十" finds "60周岁".
/// Runs without a unit (一卡通, 三保障) or without a digit (千万, 百姓) are words, and stay as they are.
/// </summary>
public static class ChineseNumerals
{
    private const string Digits = "零〇一二两三四五六七八九";
    private const string Units = "十百千万";

    public static string ToDigits(string text)
    {
        StringBuilder? result = null;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (Digits.Contains(text[i], StringComparison.Ordinal) || Units.Contains(text[i], StringComparison.Ordinal)))
            {
                i++;
            }

            if (i > start)
            {
                var run = text[start..i];
                var value = Parse(run);
                result ??= new StringBuilder(text[..start]);
                result.Append(value is null ? run : value.Value.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                result?.Append(text[i]);
                i++;
            }
        }

        return result?.ToString() ?? text;
    }

    private static long? Parse(string run)
    {
        if (run.Length < 2 || !run.Any(c => Units.Contains(c, StringComparison.Ordinal)) || !run.Any(c => Digits.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        long total = 0, section = 0, digit = -1;
        for (var i = 0; i < run.Length; i++)
        {
            var c = run[i];
            var d = Digits.IndexOf(c, StringComparison.Ordinal);
            if (d >= 0)
            {
                if (digit >= 0 && digit != 0)
                {
                    return null;
                }

                digit = d switch { 0 or 1 => 0, 2 => 1, 3 or 4 => 2, _ => d - 2 };
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 10000 };
            if (digit < 0)
            {
                if (c != '十' || i != 0)
                {
                    return null;
                }

                digit = 1;
            }

            if (unit == 10000)
            {
                total += (section + digit) * unit;
                section = 0;
            }
            else
            {
                section += digit * unit;
            }

            digit = -1;
        }

        return total + section + Math.Max(digit, 0);
    }
}
