namespace OutreachBot.Handbook.Search;

/// <summary>A question read for search: what it is about (units, with fillers left out) and the terms to look up.</summary>
public sealed class HandbookQuery
{
    internal HandbookQuery(string normalized, IReadOnlyList<QueryUnit> units, IReadOnlyList<QueryTerm> terms, bool asks, IReadOnlyList<string> askingTerms)
    {
        AskingTerms = askingTerms;
        Normalized = normalized;
        Units = units;
        Terms = terms;
        Asks = asks;
        Weights = terms.GroupBy(t => t.Token, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(t => t.Weight), StringComparer.Ordinal);
    }

    public string Normalized { get; }

    /// <summary>The characters and words that say what the question is about.</summary>
    public IReadOnlyList<QueryUnit> Units { get; }

    public IReadOnlyList<QueryTerm> Terms { get; }

    /// <summary>The question's distinct tokens with the weight each is searched with.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>
    /// Pairs of the question's filler words (怎么, 哪里, 多少, 什么): no help in finding the section, but they tell
    /// which passage of it answers (a handbook's passages start with labels like “去哪里申请：”, “给多少：”).
    /// </summary>
    public IReadOnlyList<string> AskingTerms { get; }

    /// <summary>It is worded as a question (a question word, a question mark, a tag like "…不" at the end).</summary>
    public bool Asks { get; }

    public int HanUnits => Units.Count(u => u.Text.Length == 1 && CharText.IsHan(u.Text[0]));
}

/// <summary>A Chinese character, or a run of letters or digits, of the question's content.</summary>
public sealed record QueryUnit(string Text, int Start, double Weight);

/// <summary>
/// A token to look up; when a section holds it, the units it stands for count as understood by that section with
/// <paramref name="Credit"/> (1 for a pair or a word, less for a lone character).
/// </summary>
public sealed record QueryTerm(string Token, double Weight, double Credit, IReadOnlyList<int> Units, TermSource Source);

public enum TermSource
{
    Character,
    Pair,
    Word,
    Pinyin,
    SoundAlike,
    Synonym,
}
