namespace OutreachBot.Handbook.Search;

/// <summary>
/// The words a question is read with, kept as data (Handbook/Data): colloquial phrases and the policy words they
/// stand for, filler words that carry no topic, and the words that make a sentence a question.
/// All entries are normalised the same way as the questions.
/// </summary>
public sealed class QueryLexicon
{
    private const string LoosePrefix = "可连:";
    private const string EndingPrefix = "结尾:";

    private QueryLexicon(IReadOnlyList<Synonym> synonyms, IReadOnlySet<string> fillers, IReadOnlySet<string> looseFillers, IReadOnlySet<string> markers, IReadOnlySet<string> endMarkers)
    {
        Synonyms = synonyms;
        SynonymsByFirstChar = synonyms.GroupBy(x => x.Phrase[0]).ToDictionary(g => g.Key, g => g.ToArray());
        Fillers = fillers;
        LooseFillers = looseFillers;
        QuestionMarkers = markers;
        QuestionEndings = endMarkers;
        LongestFiller = fillers.Count == 0 ? 0 : fillers.Max(f => f.Length);
    }

    public IReadOnlyList<Synonym> Synonyms { get; }

    /// <summary>The synonyms by the first character of their phrase, so a question is scanned once, not once per phrase.</summary>
    public IReadOnlyDictionary<char, Synonym[]> SynonymsByFirstChar { get; }

    public IReadOnlySet<string> Fillers { get; }

    public int LongestFiller { get; }

    /// <summary>One-character fillers that are also often part of a word (申请's 请): skipped only when they join no neighbour.</summary>
    public IReadOnlySet<string> LooseFillers { get; }

    public IReadOnlySet<string> QuestionMarkers { get; }

    /// <summary>Words that make a question only at the end of a sentence (要交钱不).</summary>
    public IReadOnlySet<string> QuestionEndings { get; }

    /// <summary>The shipped lexicon, plus the lines of <paramref name="extraSynonyms"/> (same format as Data/synonyms.txt).</summary>
    public static QueryLexicon Load(TextNormalizer normalizer, IEnumerable<string>? extraSynonyms = null)
    {
        var synonyms = ParseSynonyms(DataFiles.Lines("synonyms.txt").Concat(DataFiles.Meaningful(extraSynonyms ?? [])), normalizer);
        var fillerLines = DataFiles.Lines("fillers.txt").ToArray();
        var loose = Words(fillerLines.Where(l => l.StartsWith(LoosePrefix, StringComparison.Ordinal)).Select(l => l[LoosePrefix.Length..]), normalizer);
        var fillers = Words(fillerLines.Select(l => l.StartsWith(LoosePrefix, StringComparison.Ordinal) ? l[LoosePrefix.Length..] : l), normalizer);
        var markerLines = DataFiles.Lines("question_markers.txt").ToArray();
        var endings = Words(markerLines.Where(l => l.StartsWith(EndingPrefix, StringComparison.Ordinal)).Select(l => l[EndingPrefix.Length..]), normalizer);
        var markers = Words(markerLines.Where(l => !l.StartsWith(EndingPrefix, StringComparison.Ordinal)), normalizer);
        return new QueryLexicon(synonyms, fillers, loose, markers, endings);
    }

    /// <summary>Lines "phrase phrase => term term"; a line without "=>" is an error, reported with its text.</summary>
    public static IReadOnlyList<Synonym> ParseSynonyms(IEnumerable<string> lines, TextNormalizer normalizer)
    {
        var result = new List<Synonym>();
        foreach (var line in lines)
        {
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow < 0)
            {
                throw new HandbookException($"A synonym line needs '=>' between the colloquial phrases and the policy words: '{line}'.");
            }

            var phrases = Split(line[..arrow], normalizer);
            var terms = Split(line[(arrow + 2)..], normalizer);
            if (phrases.Length == 0 || terms.Length == 0)
            {
                throw new HandbookException($"A synonym line needs words on both sides of '=>': '{line}'.");
            }

            result.AddRange(phrases.Select(p => new Synonym(p, terms)));
        }

        return result;
    }

    private static HashSet<string> Words(IEnumerable<string> lines, TextNormalizer normalizer) =>
        lines.SelectMany(l => Split(l, normalizer)).ToHashSet(StringComparer.Ordinal);

    private static string[] Split(string words, TextNormalizer normalizer) =>
        normalizer.Normalize(words).Split([' ', '\t', '　'], StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>When <paramref name="Phrase"/> appears in a question, the policy words <paramref name="Terms"/> are searched too.</summary>
public sealed record Synonym(string Phrase, IReadOnlyList<string> Terms);
