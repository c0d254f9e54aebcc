namespace OutreachBot.Handbook.Search;

/// <summary>What kind of character a search looks at: Chinese characters one by one, letters and digits as words.</summary>
public static class CharText
{
    public static bool IsHan(char c) => c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf') or (>= '\uf900' and <= '\ufaff');

    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>Character unigrams and bigrams of each run of Chinese characters, and each run of letters or digits whole.</summary>
    public static List<string> NGrams(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (IsHan(text[i]))
            {
                var start = i;
                while (i < text.Length && IsHan(text[i]))
                {
                    tokens.Add(text[i].ToString());
                    if (i > start)
                    {
                        tokens.Add(text.Substring(i - 1, 2));
                    }

                    i++;
                }
            }
            else if (IsWordChar(text[i]))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else
            {
                i++;
            }
        }

        return tokens;
    }
}
