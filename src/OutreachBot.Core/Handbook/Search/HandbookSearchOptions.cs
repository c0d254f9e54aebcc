namespace OutreachBot.Handbook.Search;

/// <summary>
/// The knobs of the shipped search. The defaults are what ships; the benchmark turns single features off to show
/// what each one brings (bench/RESULTS.md).
/// </summary>
public sealed record HandbookSearchOptions
{
    public static HandbookSearchOptions Shipped { get; } = new();

    /// <summary>Full-width→half-width, lower case, Traditional→Simplified, on the handbook and the question alike.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Skip greetings, particles and question words (Data/fillers.txt) in the question.</summary>
    public bool SkipFillers { get; init; } = true;

    /// <summary>Add the policy words of colloquial phrases (Data/synonyms.txt).</summary>
    public bool Synonyms { get; init; } = true;

    /// <summary>Read runs of letters as pinyin of the handbook's character pairs ("dibao" → 低保).</summary>
    public bool Pinyin { get; init; } = true;

    /// <summary>A character pair the handbook never uses also searches the handbook pairs that sound the same (低包 → 低保).</summary>
    public bool SoundAlikes { get; init; } = true;

    /// <summary>How much more a title's characters count than the text's.</summary>
    public double TitleBoost { get; init; } = 5;

    /// <summary>How much the best single passage's score adds to its section's score.</summary>
    public double PassageWeight { get; init; } = 0.5;

    public double UnigramWeight { get; init; } = 1;

    public double BigramWeight { get; init; } = 1;

    public double SynonymWeight { get; init; } = 0.8;

    public double SoundAlikeWeight { get; init; } = 1;

    /// <summary>How much a character counts as understood when only it, not a pair around it, occurs in a section.</summary>
    public double UnigramCredit { get; init; } = 0.3;

    /// <summary>The least a character of the question weighs in the coverage, however common it is in the handbook.</summary>
    public double MinCharacterWeight { get; init; } = 0.2;

    /// <summary>Decline when the confidence in the best section (<see cref="HandbookIndex.Confidence"/>) is below this.</summary>
    public double DeclineBelow { get; init; } = 0.31;

    public double K1 { get; init; } = 1.2;

    public double B { get; init; } = 0.75;
}
