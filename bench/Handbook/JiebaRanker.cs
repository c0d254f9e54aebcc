using JiebaNet.Segmenter;
using OutreachBot.Handbook;
using OutreachBot.Handbook.Search;

namespace OutreachBot.Bench.Handbook;

/// <summary>
/// BM25 over jieba.NET's words (search mode, which also emits the shorter words inside long ones), for comparison:
/// the issue expects a word segmenter to lose to character n-grams on villagers' text. Never declines.
/// </summary>
internal sealed class JiebaRanker : IHandbookRanker
{
    private static readonly JiebaSegmenter Segmenter = new();
    private readonly IReadOnlyList<HandbookSection> _sections;
    private readonly Bm25Index _index;

    public JiebaRanker(IReadOnlyList<HandbookSection> sections)
    {
        _sections = sections;
        _index = new Bm25Index(sections.Select(s => (IReadOnlyDictionary<string, double>)Bm25Index.Count(Words(s.Title + "\n" + s.Body))).ToArray());
    }

    public string Name => "jieba.NET words BM25";

    public IReadOnlyList<RankedSection> Rank(string question)
    {
        var scores = new double[_sections.Count];
        foreach (var (term, weight) in Bm25Index.Count(Words(question)))
        {
            _index.Accumulate(term, weight, scores);
        }

        return Enumerable.Range(0, scores.Length)
            .Where(i => scores[i] > 0)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Take(HandbookIndex.MaxRanked)
            .Select(i => new RankedSection(_sections[i], scores[i]))
            .ToArray();
    }

    private static IEnumerable<string> Words(string text) =>
        Segmenter.CutForSearch(text).Where(w => w.Any(char.IsLetterOrDigit)).Select(w => w.ToLowerInvariant());
}
