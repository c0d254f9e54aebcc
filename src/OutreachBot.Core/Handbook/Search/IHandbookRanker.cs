namespace OutreachBot.Handbook.Search;

/// <summary>A section and how well it matches a question (comparable only within one question).</summary>
public sealed record RankedSection(HandbookSection Section, double Score);

/// <summary>Something that ranks handbook sections for a question: the shipped search and the benchmark's baseline.</summary>
public interface IHandbookRanker
{
    string Name { get; }

    /// <summary>Matching sections, best first; empty when the ranker declines the question.</summary>
    IReadOnlyList<RankedSection> Rank(string question);
}
