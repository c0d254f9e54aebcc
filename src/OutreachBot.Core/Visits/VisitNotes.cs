namespace OutreachBot.Visits;

/// <summary>
/// 四个知晓: what the cadre learned on the visit. Each is optional; blank counts as not given.
/// Notes may hold sensitive facts about the household (illness, income): never log them.
/// </summary>
public sealed record VisitNotes(string? VillageSituation = null, string? HouseholdSituation = null, string? Hopes = null, string? Problems = null)
{
    /// <summary>Long enough for several paragraphs typed or dictated on a phone.</summary>
    public const int MaxLength = 2000;

    public static VisitNotes None { get; } = new();

    public bool IsEmpty => VillageSituation is null && HouseholdSituation is null && Hopes is null && Problems is null;

    internal VisitNotes Normalized() => new(Clean(VillageSituation), Clean(HouseholdSituation), Clean(Hopes), Clean(Problems));

    internal bool AnyTooLong => new[] { VillageSituation, HouseholdSituation, Hopes, Problems }.Any(n => n?.Length > MaxLength);

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
