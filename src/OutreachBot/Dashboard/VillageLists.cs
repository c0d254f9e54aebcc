using OutreachBot.Ledger;
using OutreachBot.Roster;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Dashboard;

/// <summary>
/// What a village page lists by name: its open ledger entries, and the households nobody has visited for more than a
/// month with their cadres. Household tags appear only here, only next to 困难群众 entries about that household,
/// where staff weigh the help a household needs; never in logs, never in exports.
/// </summary>
public sealed class VillageLists(IRosterStore roster, LedgerStore ledger, IVisitRecords visits, LedgerExport export, TimeProvider clock)
{
    public VillageListing For(string villageId)
    {
        var now = clock.GetUtcNow();
        var heads = new Dictionary<string, string?>(StringComparer.Ordinal);
        var entries = ledger.OpenIn(villageId)
            .Select(e => new OpenEntry(
                e.Id, e.Book, e.Kind, e.Description, export.ReporterAndHousehold(e, heads), e.AssignedUnit, e.Status, e.RaisedAt, e.DueAt, e.IsOverdue(now),
                e.Book == LedgerBook.HouseholdsInDifficulty && e.HouseholdId is not null ? roster.FindHousehold(e.HouseholdId)?.Tags ?? [] : []))
            .ToList();

        var since = DashboardFigures.UnvisitedBefore(now);
        var cadres = new Dictionary<string, string>(StringComparer.Ordinal);
        var unvisited = new List<UnvisitedHousehold>();
        foreach (var household in roster.HouseholdsIn(villageId).OrderBy(h => h.Id, StringComparer.Ordinal))
        {
            var last = visits.LastVisitTo(household.Id);
            if (last is null || last < since)
            {
                var names = household.Pairings.Select(p => cadres.TryGetValue(p.CadreId, out var n) ? n : cadres[p.CadreId] = roster.FindCadre(p.CadreId)?.Name ?? p.CadreId);
                unvisited.Add(new UnvisitedHousehold(household.HeadName, household.Group, string.Join("、", names), last));
            }
        }

        return new VillageListing(entries, unvisited);
    }
}

public sealed record VillageListing(IReadOnlyList<OpenEntry> OpenEntries, IReadOnlyList<UnvisitedHousehold> Unvisited);

public sealed record OpenEntry(
    string Number,
    LedgerBook Book,
    string Kind,
    string Problem,
    string Reporter,
    string? Unit,
    EntryStatus Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset DueAt,
    bool Overdue,
    IReadOnlyList<string> HouseholdTags)
{
    public string RaisedOn => ChinaTime.DateOf(RaisedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string DueOn => ChinaTime.DateOf(DueAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record UnvisitedHousehold(string HeadName, string? Group, string Cadres, DateTimeOffset? LastVisit)
{
    public string LastVisitOn => LastVisit is { } at ? ChinaTime.DateOf(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "从未走访";
}
