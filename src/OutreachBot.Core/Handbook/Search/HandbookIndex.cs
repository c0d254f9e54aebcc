namespace OutreachBot.Handbook.Search;

/// <summary>
/// The shipped search, built once from the handbook's sections: BM25 over character unigrams and bigrams of the
/// normalised text, titles counted more, the best single passage adding to its section, and questions read with
/// fillers skipped, colloquial phrases expanded, pinyin and sound-alike pairs looked up. It declines a question when
/// the best section does not cover enough of what the question is about (<see cref="HandbookSearchOptions.DeclineBelow"/>).
/// </summary>
public sealed class HandbookIndex : IHandbookRanker
{
    public const int MaxRanked = 5;

    private readonly HandbookSearchOptions _options;
    private readonly Bm25Index _sections;
    private readonly Bm25Index _passages;
    private readonly (int Section, int Passage)[] _passageOf;
    private readonly QueryReader _reader;

    private HandbookIndex(IReadOnlyList<HandbookSection> sections, HandbookSearchOptions options, IEnumerable<string>? extraSynonyms)
    {
        Sections = sections;
        _options = options;
        var tables = ChineseTables.Default;
        var normalizer = new TextNormalizer(tables);
        Func<string, string> normalize = options.Normalize ? normalizer.Normalize : text => text;

        _sections = new Bm25Index(
            sections.Select(s =>
            {
                var counts = Bm25Index.Count(CharText.NGrams(normalize(s.Title)), options.TitleBoost);
                return (IReadOnlyDictionary<string, double>)Bm25Index.Count(CharText.NGrams(normalize(s.Body)), 1, counts);
            }).ToArray(),
            options.K1,
            options.B);
        _passageOf = sections.SelectMany(s => s.Passages.Select((_, p) => (s.Id, p))).ToArray();
        _passages = new Bm25Index(
            _passageOf.Select(x => (IReadOnlyDictionary<string, double>)Bm25Index.Count(CharText.NGrams(normalize(sections[x.Section].Passages[x.Passage])))).ToArray(),
            options.K1,
            options.B);
        var lexicon = QueryLexicon.Load(normalizer, extraSynonyms);
        var titlePairs = sections.SelectMany(s => CharText.NGrams(normalize(s.Title))).Where(t => t.Length == 2).ToHashSet(StringComparer.Ordinal);
        _reader = new QueryReader(normalize, lexicon, new PinyinLookup(tables, _sections.Vocabulary), _sections, titlePairs, options);
    }

    public IReadOnlyList<HandbookSection> Sections { get; }

    public string Name => "shipped search";

    /// <summary>Builds the index; section ids must be their positions (as <see cref="HandbookLoader"/> gives them).</summary>
    public static HandbookIndex Build(IReadOnlyList<HandbookSection> sections, HandbookSearchOptions? options = null, IEnumerable<string>? extraSynonyms = null)
    {
        if (sections.Count == 0)
        {
            throw new HandbookException("A handbook index needs at least one section.");
        }

        if (sections.Where((s, i) => s.Id != i).Any())
        {
            throw new ArgumentException("Section ids must be 0, 1, 2, … in order.", nameof(sections));
        }

        return new HandbookIndex(sections, options ?? HandbookSearchOptions.Shipped, extraSynonyms);
    }

    public HandbookQuery Read(string question) => _reader.Read(question);

    public double TermIdf(string term) => _sections.Idf(term);

    public HandbookSearchResult Search(string question)
    {
        var query = Read(question);
        var sectionScores = new double[Sections.Count];
        foreach (var (term, weight) in query.Weights)
        {
            _sections.Accumulate(term, weight, sectionScores);
        }

        var scores = (double[])sectionScores.Clone();
        if (_options.PassageWeight > 0)
        {
            var passageScores = PassageScores(query);
            var best = new double[Sections.Count];
            for (var p = 0; p < passageScores.Length; p++)
            {
                best[_passageOf[p].Section] = Math.Max(best[_passageOf[p].Section], passageScores[p]);
            }

            for (var s = 0; s < scores.Length; s++)
            {
                scores[s] += _options.PassageWeight * best[s];
            }
        }

        var ranked = Ranking.Top(Sections, scores, MaxRanked);
        var confidence = ranked.Count == 0 ? 0 : Confidence(query, ranked[0].Section.Id, sectionScores[ranked[0].Section.Id]);
        var declined = query.Units.Count == 0 || confidence < _options.DeclineBelow;
        return new HandbookSearchResult(query, ranked, confidence, declined);
    }

    public IReadOnlyList<RankedSection> Rank(string question)
    {
        var result = Search(question);
        return result.Declined ? [] : result.Ranked;
    }

    /// <summary>
    /// How sure the search is that a section answers the question, from 0 to 1: the mean of the share of the
    /// question's content the section covers and the section's BM25 score as a share of the most the question's
    /// terms could score. The first sees a topic word the handbook never uses (车险), the second sees whether the
    /// matches are specific to the section or words every section has (身份证).
    /// </summary>
    public double Confidence(HandbookQuery query, int section, double sectionScore)
    {
        var most = query.Weights.Sum(t => t.Value * _sections.Idf(t.Key) * (_options.K1 + 1));
        var share = most <= 0 ? 0 : Math.Min(1, sectionScore / most);
        return (Coverage(query, section) + share) / 2;
    }

    /// <summary>The share of the question's content that a section holds: pairs count fully, lone characters in part.</summary>
    public double Coverage(HandbookQuery query, int section)
    {
        if (query.Units.Count == 0)
        {
            return 0;
        }

        var credit = new double[query.Units.Count];
        foreach (var term in query.Terms)
        {
            if (term.Credit > 0 && _sections.Contains(section, term.Token))
            {
                foreach (var unit in term.Units)
                {
                    credit[unit] = Math.Max(credit[unit], term.Credit);
                }
            }
        }

        var total = query.Units.Sum(u => u.Weight);
        return query.Units.Select((u, i) => u.Weight * credit[i]).Sum() / total;
    }

    /// <summary>The index of the section's passage that best matches the query (the first when none matches).</summary>
    public int BestPassage(HandbookSection section, HandbookQuery query)
    {
        var scores = PassageScores(query);
        var best = -1;
        var bestScore = 0.0;
        for (var p = 0; p < _passageOf.Length; p++)
        {
            if (_passageOf[p].Section == section.Id && scores[p] > bestScore)
            {
                best = _passageOf[p].Passage;
                bestScore = scores[p];
            }
        }

        return Math.Max(best, 0);
    }

    public HandbookSection? Find(string title) =>
        Sections.FirstOrDefault(s => s.Title == title) ?? Sections.FirstOrDefault(s => s.Title == Read(title).Normalized);

    private double[] PassageScores(HandbookQuery query)
    {
        var scores = new double[_passageOf.Length];
        foreach (var (term, weight) in query.Weights)
        {
            _passages.Accumulate(term, weight, scores);
        }

        return scores;
    }
}

/// <summary>What the search found for a question: ranked sections, how much of the question the best one covers, and whether to decline.</summary>
public sealed record HandbookSearchResult(HandbookQuery Query, IReadOnlyList<RankedSection> Ranked, double Confidence, bool Declined);
