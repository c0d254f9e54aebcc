using OutreachBot.Ledger;
using OutreachBot.Meetings;
using OutreachBot.Roster;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Dashboard;

/// <summary>
/// Computes the campaign's figures live from the database, for every village at once: one pass over the households,
/// one index range over the last twelve months of visits, one pass over the ledger, one over the meeting minutes;
/// townships and the county are sums of their villages (distinct cadres are unions, medians are taken over the merged
/// durations), plus the township-wide meetings, which count once for their township and not for each village.
/// </summary>
public sealed class DashboardFigures(IRosterStore roster, ILedgerStore ledger, IVisitRecords visits, IMeetingMinutes minutes, IMeetingCalendars calendars, TimeProvider clock)
{
    public const int MonthsShown = 12;
    public const string CountyId = "county";

    public CampaignFigures Compute()
    {
        var now = clock.GetUtcNow();
        var local = ChinaTime.ToLocal(now);
        var months = Enumerable.Range(0, MonthsShown).Select(i => CalendarMonth.Of(local.AddMonths(i - MonthsShown + 1))).ToArray();
        var bounds = new MonthBounds(months);
        var yearStart = new CalendarMonth(local.Year, 1).Start;
        var monthAgo = UnvisitedBefore(now);

        var townshipNames = roster.AllTownships().ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var villages = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var village in roster.AllVillages())
        {
            villages[village.Id] = new Tally(new ScopeFigures(ScopeLevel.Village, village.Id, village.Name, village.TownshipId, MonthsShown));
        }

        Tally VillageTally(string id, string? name) =>
            villages.TryGetValue(id, out var tally)
                ? tally
                : villages[id] = new Tally(new ScopeFigures(ScopeLevel.Village, id, name ?? id, null, MonthsShown));

        // Visits: the index range covers the twelve months shown, which include this year and the last month.
        var recentlyVisited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var visit in visits.StampsSince(months[0].Start))
        {
            var figures = VillageTally(visit.VillageId, null).Figures;
            var index = bounds.IndexOf(visit.At);
            if (index >= 0)
            {
                figures.VisitsByMonth[index]++;
            }

            if (index == MonthsShown - 1)
            {
                figures.VisitsThisMonth[(int)visit.Kind]++;
            }

            if (visit.At >= yearStart && index >= 0)
            {
                figures.VisitsThisYear[(int)visit.Kind]++;
            }

            if (visit.At >= monthAgo)
            {
                recentlyVisited.Add(visit.HouseholdId);
            }
        }

        foreach (var household in roster.AllPairings())
        {
            var tally = VillageTally(household.VillageId, null);
            tally.Figures.Households++;
            if (household.CadreIds.Count > 0)
            {
                tally.Figures.PairedHouseholds++;
                tally.Cadres.UnionWith(household.CadreIds);
            }

            if (!recentlyVisited.Contains(household.HouseholdId))
            {
                tally.Figures.UnvisitedOverAMonth++;
            }
        }

        foreach (var entry in ledger.All())
        {
            var tally = VillageTally(entry.VillageId, entry.VillageName);
            var figures = tally.Figures;
            figures.AddEntry(entry.Book, entry.Status);
            figures.EntriesTotal++;
            if (entry.IsOverdue(now))
            {
                figures.Overdue++;
            }

            Count(figures.OpenedByMonth, bounds, entry.RaisedAt);
            if (entry.ClosedAt is { } closedAt)
            {
                if (entry.Status == EntryStatus.Closed)
                {
                    Count(figures.ClosedByMonth, bounds, closedAt);
                    tally.DaysToClose.Add((closedAt - entry.RaisedAt).TotalDays);
                }
                else if (entry.Status == EntryStatus.ClosedUnresolved)
                {
                    Count(figures.UnresolvedByMonth, bounds, closedAt);
                }
            }

            switch (entry.Satisfaction)
            {
                case Satisfaction.Satisfied:
                    figures.Satisfied++;
                    break;
                case Satisfaction.BasicallySatisfied:
                    figures.BasicallySatisfied++;
                    break;
                case Satisfaction.Dissatisfied:
                    figures.Dissatisfied++;
                    break;
            }
        }

        var townshipMeetings = CountMeetings(months[^1], local.Year, townshipNames, VillageTally);

        var county = new Tally(new ScopeFigures(ScopeLevel.County, CountyId, "全县", null, MonthsShown));
        var townships = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var village in villages.Values)
        {
            village.Close();
            county.Merge(village);
            if (village.Figures.TownshipId is { } townshipId)
            {
                if (!townships.TryGetValue(townshipId, out var township))
                {
                    township = townships[townshipId] = new Tally(new ScopeFigures(ScopeLevel.Township, townshipId, townshipNames.GetValueOrDefault(townshipId, townshipId), townshipId, MonthsShown));
                }

                township.Merge(village);
            }
        }

        foreach (var (id, name) in townshipNames)
        {
            if (!townships.ContainsKey(id))
            {
                townships[id] = new Tally(new ScopeFigures(ScopeLevel.Township, id, name, id, MonthsShown));
            }
        }

        foreach (var (id, held) in townshipMeetings)
        {
            if (!townships.TryGetValue(id, out var township))
            {
                township = townships[id] = new Tally(new ScopeFigures(ScopeLevel.Township, id, id, id, MonthsShown));
            }

            township.Figures.MeetingsHeld += held;
            township.Figures.TownshipMeetingsHeld = held;
            county.Figures.MeetingsHeld += held;
            county.Figures.TownshipMeetingsHeld += held;
        }

        foreach (var village in villages.Values)
        {
            if (village.Figures.TownshipId is { } townshipId)
            {
                village.Figures.TownshipMeetingsHeld = townshipMeetings.GetValueOrDefault(townshipId);
            }
        }

        foreach (var township in townships.Values)
        {
            township.Close();
        }

        county.Close();
        return new CampaignFigures(now, months, county.Figures, townships.Values.Select(t => t.Figures), villages.Values.Select(v => v.Figures));
    }

    /// <summary>
    /// One pass over the minutes: a village calendar's meetings go to its village's tally; a township calendar's are
    /// returned per township, to be added once to the township and the county. A calendar's id is its village's or
    /// township's roster id; the calendar's scope says which (the roster, should the calendar be gone).
    /// </summary>
    private Dictionary<string, MeetingCount> CountMeetings(CalendarMonth thisMonth, int year, Dictionary<string, string> townshipNames, Func<string, string?, Tally> villageTally)
    {
        var scopes = calendars.All().ToDictionary(c => c.Id, c => c.Scope, StringComparer.Ordinal);
        var yearStart = new CalendarMonth(year, 1).Start;
        var yearEnd = new CalendarMonth(year + 1, 1).Start;
        var townships = new Dictionary<string, MeetingCount>(StringComparer.Ordinal);
        foreach (var held in minutes.AllHeld())
        {
            var count = new MeetingCount(thisMonth.Contains(held.Start) ? 1 : 0, held.Start >= yearStart && held.Start < yearEnd ? 1 : 0, 1);
            var isTownship = scopes.TryGetValue(held.CalendarId, out var scope) ? scope == MeetingScope.Township : townshipNames.ContainsKey(held.CalendarId);
            if (isTownship)
            {
                townships[held.CalendarId] = townships.GetValueOrDefault(held.CalendarId) + count;
            }
            else
            {
                villageTally(held.CalendarId, null).Figures.MeetingsHeld += count;
            }
        }

        return townships;
    }

    /// <summary>A household is "unvisited for more than a month" when nobody visited it since this instant: the same time last month.</summary>
    public static DateTimeOffset UnvisitedBefore(DateTimeOffset now) => ChinaTime.ToLocal(now).AddMonths(-1);

    private static void Count(int[] series, MonthBounds bounds, DateTimeOffset at)
    {
        var index = bounds.IndexOf(at);
        if (index >= 0)
        {
            series[index]++;
        }
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>
    /// The months shown as instants, so placing a visit in its month is a few comparisons, not a time-zone
    /// conversion per visit.
    /// </summary>
    private sealed class MonthBounds(CalendarMonth[] months)
    {
        private readonly long[] _starts = [.. months.Select(m => m.Start.UtcTicks), months[^1].End.UtcTicks];

        public int IndexOf(DateTimeOffset at)
        {
            var ticks = at.UtcTicks;
            if (ticks < _starts[0] || ticks >= _starts[^1])
            {
                return -1;
            }

            var index = 0;
            while (ticks >= _starts[index + 1])
            {
                index++;
            }

            return index;
        }
    }

    /// <summary>A scope's figures while they are being counted, with what only sums up at the end.</summary>
    private sealed class Tally(ScopeFigures figures)
    {
        public ScopeFigures Figures { get; } = figures;

        public HashSet<string> Cadres { get; } = new(StringComparer.Ordinal);

        public List<double> DaysToClose { get; } = [];

        public void Merge(Tally village)
        {
            Figures.Add(village.Figures);
            Cadres.UnionWith(village.Cadres);
            DaysToClose.AddRange(village.DaysToClose);
        }

        public void Close()
        {
            Figures.PairedCadres = Cadres.Count;
            Figures.MedianDaysToClose = Median(DaysToClose);
        }
    }
}
