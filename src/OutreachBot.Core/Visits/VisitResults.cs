using OutreachBot.Time;

namespace OutreachBot.Visits;

/// <summary>What the visit dialog collected: which household, when, what kind, the four notes, a photo.</summary>
public sealed record LogVisitRequest(string HouseholdId, DateTimeOffset At, VisitKind Kind, VisitNotes? Notes = null, string? Photo = null, string? OriginKey = null);

/// <summary>The visit saved, or why not.</summary>
public sealed record LogVisitResult(Visit? Visit, VisitRefusal? Refusal)
{
    public bool Logged => Visit is not null;

    internal static LogVisitResult Saved(Visit visit) => new(visit, null);

    internal static LogVisitResult Refused(VisitRefusal reason) => new(null, reason);
}

/// <summary>A household as a cadre sees it in a list: no tags, no phone.</summary>
public sealed record HouseholdRef(string Id, string HeadName, string VillageId, string VillageName, string? Group)
{
    /// <summary>Where the household lives, e.g. 青岩村二组.</summary>
    public string Place => VillageName + Group;
}

public enum MatchKind
{
    /// <summary>The head's name is exactly what was typed.</summary>
    Exact,

    /// <summary>One contains the other: "德明" for 王德明, or "王德明家".</summary>
    Contains,

    /// <summary>Off by a character or a look- or sound-alike one: 汪德明 for 王德明.</summary>
    Similar,
}

public sealed record HouseholdCandidate(HouseholdRef Household, MatchKind Match, bool PairedWithMe);

/// <summary>Households whose head's name matches, best first; at most <see cref="HouseholdMatcher.MaxCandidates"/>.</summary>
public sealed record HouseholdSearchResult(string Query, IReadOnlyList<HouseholdCandidate> Candidates)
{
    /// <summary>
    /// The household meant, when there is no doubt: the only exact match, or the only candidate at all. Otherwise
    /// null, and the dialog offers <see cref="Candidates"/> as a numbered choice.
    /// </summary>
    public HouseholdCandidate? Unambiguous =>
        Candidates.Count(c => c.Match == MatchKind.Exact) == 1 ? Candidates.Single(c => c.Match == MatchKind.Exact)
        : Candidates.Count == 1 ? Candidates[0]
        : null;
}

/// <summary>One of a cadre's households, with the cadre's own last visit to it.</summary>
public sealed record HouseholdVisitStatus(HouseholdRef Household, DateTimeOffset? LastVisit, bool VisitedThisMonth);

/// <summary>我的联系户: the households paired with a cadre, those needing a visit first.</summary>
public sealed record CadreHouseholds(string CadreId, string CadreName, CalendarMonth Month, IReadOnlyList<HouseholdVisitStatus> Households)
{
    public IReadOnlyList<HouseholdVisitStatus> NotVisitedThisMonth => [.. Households.Where(h => !h.VisitedThisMonth)];
}

/// <summary>本月走访: a cadre's visits in one calendar month (Asia/Shanghai).</summary>
public sealed record MonthVisits(
    string CadreId,
    string CadreName,
    CalendarMonth Month,
    int Visits,
    IReadOnlyDictionary<VisitKind, int> ByKind,
    int HouseholdsCovered,
    int PairedHouseholds,
    IReadOnlyList<HouseholdRef> NotVisited);
