using Microsoft.Extensions.Logging;
using OutreachBot.Conversations;
using OutreachBot.Identity;
using OutreachBot.Roster;
using OutreachBot.Time;

namespace OutreachBot.Visits;

/// <summary>
/// Cadres' visits to households. Every method checks who asks: only a cadre on the roster sees households, and a
/// cadre logs visits only for households paired with them, unless they are that village's first secretary or a
/// county leader. Residents and staff see no household data here.
/// </summary>
public sealed class VisitService
{
    private readonly IRosterStore _roster;
    private readonly IVisitRecords _visits;
    private readonly TimeProvider _clock;
    private readonly ILogger<VisitService> _logger;

    public VisitService(IRosterStore roster, IVisitRecords visits, TimeProvider clock, ILogger<VisitService> logger)
    {
        _roster = roster;
        _visits = visits;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Null when the user may use visits at all (a cadre on the roster); otherwise why not.</summary>
    public VisitRefusal? Check(UserIdentity who) => CadreOf(who) is null ? VisitRefusal.NotACadre : null;

    /// <summary>
    /// Households the cadre may log a visit for whose head's name matches, best first: their own pairings, the
    /// village of a first secretary, the whole county for a county leader. Own pairings rank first among equals.
    /// </summary>
    public HouseholdSearchResult FindHouseholds(UserIdentity who, string headName)
    {
        var cadre = RequireCadre(who);
        var scope = new Dictionary<string, (Household Household, bool Paired)>();
        foreach (var household in _roster.HouseholdsOf(cadre.Id))
        {
            scope[household.Id] = (household, true);
        }

        var overseen = cadre.Role switch
        {
            CadreRole.CountyLeader => _roster.AllHouseholds(),
            CadreRole.FirstSecretary when cadre.VillageId is not null => _roster.HouseholdsIn(cadre.VillageId),
            _ => [],
        };
        foreach (var household in overseen)
        {
            scope.TryAdd(household.Id, (household, false));
        }

        var places = new PlaceNames(_roster);
        var ranked = HouseholdMatcher.Rank(headName, scope.Values, s => s.Household.HeadName, s => s.Paired);
        return new HouseholdSearchResult(headName, [.. ranked.Select(r => new HouseholdCandidate(places.Ref(r.Item.Household), r.Kind, r.Item.Paired))]);
    }

    /// <summary>Saves a visit, or says why not. Never throws for a refusal.</summary>
    public LogVisitResult LogVisit(UserIdentity who, LogVisitRequest request)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(request);
        var cadre = CadreOf(who);
        if (cadre is null)
        {
            return LogVisitResult.Refused(VisitRefusal.NotACadre);
        }

        var household = _roster.FindHousehold(request.HouseholdId);
        if (household is null)
        {
            return LogVisitResult.Refused(VisitRefusal.UnknownHousehold);
        }

        if (!household.IsPairedWith(cadre.Id) && !cadre.OverseesVillage(household.VillageId))
        {
            _logger.LogInformation("Visit refused: cadre {Cadre} is not paired with household {Household}", Redact.Id(cadre.Id), Redact.Id(household.Id));
            return LogVisitResult.Refused(VisitRefusal.NotPaired);
        }

        Visit visit;
        try
        {
            visit = new Visit(cadre.Id, household.Id, household.VillageId, request.At, request.Kind, request.Notes ?? VisitNotes.None, request.Photo,
                _clock.GetUtcNow(), Binding.KeyOf(who.ChannelId, who.UserId), request.OriginKey);
        }
        catch (VisitRuleException e)
        {
            return LogVisitResult.Refused(e.Reason);
        }

        if (request.OriginKey is not null && _visits.Find(visit.Id) is { } already)
        {
            return LogVisitResult.Saved(already);
        }

        _visits.Save(visit);
        _logger.LogInformation("Visit {Visit} logged by cadre {Cadre} for household {Household}", visit.Id, Redact.Id(cadre.Id), Redact.Id(household.Id));
        return LogVisitResult.Saved(visit);
    }

    /// <summary>我的联系户: the cadre's paired households with their own last visit, those needing a visit first.</summary>
    public CadreHouseholds MyHouseholds(UserIdentity who)
    {
        var cadre = RequireCadre(who);
        var month = CalendarMonth.Of(_clock.GetUtcNow());
        var last = _visits.ByCadre(cadre.Id)
            .GroupBy(v => v.HouseholdId)
            .ToDictionary(g => g.Key, g => g.Max(v => v.At));
        var places = new PlaceNames(_roster);
        var statuses = _roster.HouseholdsOf(cadre.Id)
            .Select(h => new HouseholdVisitStatus(places.Ref(h), last.TryGetValue(h.Id, out var at) ? at : null, last.TryGetValue(h.Id, out var seen) && month.Contains(seen)))
            .OrderBy(s => s.LastVisit ?? DateTimeOffset.MinValue)
            .ThenBy(s => s.Household.HeadName, StringComparer.Ordinal)
            .ToList();
        return new CadreHouseholds(cadre.Id, cadre.Name, month, statuses);
    }

    /// <summary>本月走访: the cadre's visits in a calendar month in Asia/Shanghai (this month unless given).</summary>
    public MonthVisits MonthSummary(UserIdentity who, CalendarMonth? month = null)
    {
        var cadre = RequireCadre(who);
        var wanted = month ?? CalendarMonth.Of(_clock.GetUtcNow());
        var visits = _visits.ByCadre(cadre.Id, wanted.Start, wanted.End);
        var byKind = Enum.GetValues<VisitKind>().ToDictionary(k => k, k => visits.Count(v => v.Kind == k));
        var covered = visits.Select(v => v.HouseholdId).ToHashSet();
        var paired = _roster.HouseholdsOf(cadre.Id);
        var places = new PlaceNames(_roster);
        var notVisited = paired.Where(h => !covered.Contains(h.Id)).Select(places.Ref).OrderBy(h => h.HeadName, StringComparer.Ordinal).ToList();
        return new MonthVisits(cadre.Id, cadre.Name, wanted, visits.Count, byKind, covered.Count, paired.Count, notVisited);
    }

    /// <summary>
    /// The households of a village that some cadre visited in the month: for the meeting agenda, which lists the
    /// others. No permission check: it returns ids only, and the agenda's own service checks who asks.
    /// </summary>
    public IReadOnlySet<string> HouseholdsVisitedIn(string villageId, CalendarMonth month)
    {
        return _visits.InVillage(villageId, month.Start, month.End).Select(v => v.HouseholdId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The visits a cadre logged for one household, newest first.</summary>
    public IReadOnlyList<Visit> VisitsTo(UserIdentity who, string householdId)
    {
        var cadre = RequireCadre(who);
        return [.. _visits.ByCadreTo(cadre.Id, householdId).OrderByDescending(v => v.At)];
    }

    private Cadre? CadreOf(UserIdentity who) =>
        who.Role == Role.Cadre && who.PersonId is not null ? _roster.FindCadre(who.PersonId) : null;

    private Cadre RequireCadre(UserIdentity who) => CadreOf(who) ?? throw new VisitRefusedException(VisitRefusal.NotACadre);

    /// <summary>Village names looked up once per request.</summary>
    private sealed class PlaceNames(IRosterStore roster)
    {
        private readonly Dictionary<string, string> _villages = [];

        public HouseholdRef Ref(Household household)
        {
            if (!_villages.TryGetValue(household.VillageId, out var name))
            {
                name = roster.FindVillage(household.VillageId)?.Name ?? household.VillageId;
                _villages[household.VillageId] = name;
            }

            return new HouseholdRef(household.Id, household.HeadName, household.VillageId, name, household.Group);
        }
    }
}
