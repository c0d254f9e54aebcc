namespace OutreachBot.Handbook.Search;

/// <summary>
/// Okapi BM25 over documents given as weighted term counts. Written here rather than taken from Lucene.Net because
/// the whole collection is a few hundred passages held in memory and queries need per-term access (coverage,
/// homophone look-ups) that a Lucene query would hide; this is ~60 lines and answers in microseconds.
/// </summary>
public sealed class Bm25Index
{
    private readonly Dictionary<string, (int Doc, double Tf)[]> _postings;
    private readonly Dictionary<string, double>[] _documents;
    private readonly double[] _lengthNorm;
    private readonly double _k1;

    public Bm25Index(IReadOnlyList<IReadOnlyDictionary<string, double>> documents, double k1 = 1.2, double b = 0.75)
    {
        _k1 = k1;
        _documents = documents.Select(d => new Dictionary<string, double>(d, StringComparer.Ordinal)).ToArray();
        var lengths = documents.Select(d => d.Values.Sum()).ToArray();
        var average = lengths.Length == 0 ? 1 : Math.Max(1e-9, lengths.Average());
        _lengthNorm = lengths.Select(l => k1 * (1 - b + (b * l / average))).ToArray();
        _postings = documents
            .SelectMany((d, doc) => d.Where(t => t.Value > 0).Select(t => (t.Key, Doc: doc, Tf: t.Value)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => (p.Doc, p.Tf)).ToArray(), StringComparer.Ordinal);
    }

    public int DocumentCount => _documents.Length;

    public IEnumerable<string> Vocabulary => _postings.Keys;

    public int DocumentFrequency(string term) => _postings.TryGetValue(term, out var postings) ? postings.Length : 0;

    public double Idf(string term)
    {
        var df = DocumentFrequency(term);
        return Math.Log(1 + ((DocumentCount - df + 0.5) / (df + 0.5)));
    }

    public bool Contains(int document, string term) => _documents[document].ContainsKey(term);

    /// <summary>Adds <paramref name="weight"/> times the term's BM25 contribution to every document holding it.</summary>
    public void Accumulate(string term, double weight, double[] scores)
    {
        if (!_postings.TryGetValue(term, out var postings))
        {
            return;
        }

        var idf = Math.Log(1 + ((DocumentCount - postings.Length + 0.5) / (postings.Length + 0.5)));
        foreach (var (doc, tf) in postings)
        {
            scores[doc] += weight * idf * tf * (_k1 + 1) / (tf + _lengthNorm[doc]);
        }
    }

    public static Dictionary<string, double> Count(IEnumerable<string> tokens, double weight = 1, Dictionary<string, double>? into = null)
    {
        var counts = into ?? new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            counts[token] = counts.GetValueOrDefault(token) + weight;
        }

        return counts;
    }
}
