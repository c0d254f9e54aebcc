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

    /// <summary>How much a question word counts in choosing the passage, against 1 for a pair of the topic.</summary>
    private const double AskingWeight = 0.5;

    private readonly HandbookSearchOptions _options;
    private readonly Bm25Index _sections;
    private readonly Bm25Index _passages;
    private readonly (int Section, int Passage)[] _passageOf;
    private readonly QueryReader _reader;
    private readonly Dictionary<string, double>[][] _passageCounts;

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
        _passageCounts = sections.Select(s => s.Passages.Select(p => PassageCounts(p, normalize)).ToArray()).ToArray();
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

    /// <summary>
    /// Loads and indexes a handbook: one .md file, or a folder of them, whose optional synonyms.txt adds local
    /// colloquial phrases to the shipped table. Fails with <see cref="HandbookException"/> saying what is wrong.
    /// </summary>
    public static HandbookIndex Open(string path, HandbookSearchOptions? options = null)
    {
        var sections = HandbookLoader.Load(path);
        var localSynonyms = Path.Combine(path, "synonyms.txt");
        var extra = Directory.Exists(path) && File.Exists(localSynonyms) ? File.ReadAllLines(localSynonyms) : null;
        return Build(sections, options, extra);
    }

    public HandbookQuery Read(string question) => _reader.Read(question);

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

    /// <summary>
    /// The index of the section's passage that best answers the query (the first when none matches). Passages are
    /// compared with each other only: a word every passage of the section has (its topic) says little, a word one
    /// passage has says a lot, and a passage's label (“去哪里申请：”) counts double, with the question words as well.
    /// </summary>
    public int BestPassage(HandbookSection section, HandbookQuery query)
    {
        var passages = _passageCounts[section.Id];
        if (passages.Length <= 1)
        {
            return 0;
        }

        var terms = new Dictionary<string, double>(query.Weights, StringComparer.Ordinal);
        foreach (var asking in query.AskingTerms)
        {
            terms.TryAdd(asking, AskingWeight);
        }

        var lengths = passages.Select(p => p.Values.Sum()).ToArray();
        var average = Math.Max(1e-9, lengths.Average());
        var best = 0;
        var bestScore = 0.0;
        for (var p = 0; p < passages.Length; p++)
        {
            var score = 0.0;
            foreach (var (term, weight) in terms)
            {
                if (passages[p].TryGetValue(term, out var tf))
                {
                    var df = passages.Count(x => x.ContainsKey(term));
                    var idf = Math.Log(1 + ((passages.Length - df + 0.5) / (df + 0.5)));
                    score += weight * idf * tf * (_options.K1 + 1) / (tf + (_options.K1 * (1 - _options.B + (_options.B * lengths[p] / average))));
                }
            }

            if (score > bestScore)
            {
                best = p;
                bestScore = score;
            }
        }

        return best;
    }

    public HandbookSection? Find(string title) =>
        Sections.FirstOrDefault(s => s.Title == title) ?? Sections.FirstOrDefault(s => s.Title == Read(title).Normalized);

    /// <summary>A passage's terms, its label (the words before a colon at its start) counted twice.</summary>
    private static Dictionary<string, double> PassageCounts(string passage, Func<string, string> normalize)
    {
        var text = normalize(passage);
        var colon = text.IndexOfAny(['：', ':']);
        var counts = Bm25Index.Count(CharText.NGrams(text));
        return colon is > 0 and <= 12 ? Bm25Index.Count(CharText.NGrams(text[..colon]), 1, counts) : counts;
    }

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
