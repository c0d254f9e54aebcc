namespace OutreachBot.Handbook.Search;

/// <summary>
/// The baseline the shipped search must beat: plain BM25 over character unigrams and bigrams of each section's
/// title and text, no normalisation, no synonyms, no pinyin. It never declines.
/// </summary>
public sealed class CharNGramBaseline : IHandbookRanker
{
    private readonly IReadOnlyList<HandbookSection> _sections;
    private readonly Bm25Index _index;

    public CharNGramBaseline(IReadOnlyList<HandbookSection> sections)
    {
        _sections = sections;
        _index = new Bm25Index(sections.Select(s => (IReadOnlyDictionary<string, double>)Bm25Index.Count(CharText.NGrams(s.Title + "\n" + s.Body))).ToArray());
    }

    public string Name => "char unigram+bigram BM25 (baseline)";

    public IReadOnlyList<RankedSection> Rank(string question)
    {
        var scores = new double[_sections.Count];
        foreach (var (term, weight) in Bm25Index.Count(CharText.NGrams(question)))
        {
            _index.Accumulate(term, weight, scores);
        }

        return Ranking.Top(_sections, scores, 5);
    }
}

internal static class Ranking
{
    public static IReadOnlyList<RankedSection> Top(IReadOnlyList<HandbookSection> sections, double[] scores, int count) =>
        Enumerable.Range(0, scores.Length)
            .Where(i => scores[i] > 0)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Take(count)
            .Select(i => new RankedSection(sections[i], scores[i]))
            .ToArray();
}
