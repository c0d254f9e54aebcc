namespace OutreachBot.Ledger;

/// <summary>
/// "Very similar text": the share of character bigrams two descriptions have in common (Dice coefficient).
/// Villagers describe the same broken road in different words, so whole-string equality is useless; bigram
/// overlap is the simplest measure that works for Chinese without a word segmenter.
/// </summary>
public static class Duplicates
{
    public const double Threshold = 0.5;

    public static double Similarity(string a, string b)
    {
        var left = Bigrams(a);
        var right = Bigrams(b);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var common = left.Intersect(right).Count();
        return 2.0 * common / (left.Count + right.Count);
    }

    private static HashSet<string> Bigrams(string text)
    {
        var letters = new string(text.Where(char.IsLetterOrDigit).ToArray());
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            grams.Add(letters.Substring(i, 2));
        }

        return grams;
    }
}
