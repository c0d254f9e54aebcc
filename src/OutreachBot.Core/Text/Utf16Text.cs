using System.Text;

namespace OutreachBot.Text;

/// <summary>Repairs and cuts text that came from outside, which may hold anything a JSON string can.</summary>
public static class Utf16Text
{
    /// <summary>
    /// The text with each lone surrogate (a "\ud800" in JSON) replaced by U+FFFD. Unicode normalisation throws on
    /// them, and a stored half of a pair turns into something else once written as UTF-8.
    /// </summary>
    public static string WellFormed(string text)
    {
        var firstBad = FirstLoneSurrogate(text, 0);
        if (firstBad < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var from = 0;
        for (var bad = firstBad; bad >= 0; bad = FirstLoneSurrogate(text, bad + 1))
        {
            result.Append(text, from, bad - from).Append('\uFFFD');
            from = bad + 1;
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>The first <paramref name="max"/> characters, one fewer when the cut would split a surrogate pair.</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var length = max > 0 && char.IsHighSurrogate(text[max - 1]) && char.IsLowSurrogate(text[max]) ? max - 1 : max;
        return text[..length];
    }

    private static int FirstLoneSurrogate(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
