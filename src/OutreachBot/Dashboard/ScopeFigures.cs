using OutreachBot.Ledger;
using OutreachBot.Time;
using OutreachBot.Visits;

namespace OutreachBot.Dashboard;

public enum ScopeLevel
{
    County,
    Township,
    Village,
}

/// <summary>The campaign's figures for the county, one township or one village, as of <see cref="CampaignFigures.AsOf"/>.</summary>
public sealed class ScopeFigures
{
    private readonly int[] _entries = new int[Enum.GetValues<LedgerBook>().Length * Enum.GetValues<EntryStatus>().Length];

    internal ScopeFigures(ScopeLevel level, string id, string name, string? townshipId, int months)
    {
        Level = level;
        Id = id;
        Name = name;
        TownshipId = townshipId;
        VisitsByMonth = new int[months];
        OpenedByMonth = new int[months];
        ClosedByMonth = new int[months];
        UnresolvedByMonth = new int[months];
    }

    public ScopeLevel Level { get; }

    public string Id { get; }

    public string Name { get; }

    /// <summary>The township of a village (or the township's own id); null for the county.</summary>
    public string? TownshipId { get; }

    public int Households { get; internal set; }

    public int PairedHouseholds { get; internal set; }

    /// <summary>结对覆盖率: paired households / households.</summary>
    public double? Coverage => Share(PairedHouseholds, Households);

    /// <summary>Distinct cadres paired with a household of this scope.</summary>
    public int PairedCadres { get; internal set; }

    public int[] VisitsThisMonth { get; } = new int[Enum.GetValues<VisitKind>().Length];

    public int[] VisitsThisYear { get; } = new int[Enum.GetValues<VisitKind>().Length];

    /// <summary>Households with no visit by anyone since the same day last month (never visited counts too).</summary>
    public int UnvisitedOverAMonth { get; internal set; }

    public int Entries(LedgerBook book, EntryStatus status) => _entries[Index(book, status)];

    public int Entries(LedgerBook book) => Enum.GetValues<EntryStatus>().Sum(s => Entries(book, s));

    public int Entries(EntryStatus status) => Enum.GetValues<LedgerBook>().Sum(b => Entries(b, status));

    public int EntriesTotal { get; internal set; }

    /// <summary>已销号: closed because the problem was solved.</summary>
    public int Closed => Entries(EntryStatus.Closed);

    /// <summary>无法解决: closed without a solution; shown apart and never counted as solved.</summary>
    public int ClosedUnresolved => Entries(EntryStatus.ClosedUnresolved);

    public int Open => EntriesTotal - Closed - ClosedUnresolved;

    /// <summary>Open, past the time limit, and not waiting for the reporter's answer.</summary>
    public int Overdue { get; internal set; }

    /// <summary>销号率: 已销号 / all entries (无法解决 is in the denominator, not the numerator).</summary>
    public double? ClosedRate => Share(Closed, EntriesTotal);

    public double? UnresolvedRate => Share(ClosedUnresolved, EntriesTotal);

    /// <summary>Median days from registration to 销号, over the entries closed as solved; null when there are none.</summary>
    public double? MedianDaysToClose { get; internal set; }

    public int Satisfied { get; internal set; }

    public int BasicallySatisfied { get; internal set; }

    public int Dissatisfied { get; internal set; }

    public int SatisfactionAnswers => Satisfied + BasicallySatisfied + Dissatisfied;

    /// <summary>
    /// 联席会议 held (a meeting with minutes), each counted once: a village's are its own calendar's; a township's are
    /// its villages' and its own township-wide ones; the county's are all.
    /// </summary>
    public MeetingCount MeetingsHeld { get; internal set; }

    /// <summary>
    /// Township-wide meetings (a township's calendar, one meeting for all its villages). For a township or the county,
    /// the part of <see cref="MeetingsHeld"/> they make. For a village, its township's: they covered the village too,
    /// but count for the township and are not in the village's <see cref="MeetingsHeld"/>, so that a township's sum
    /// counts each of them once.
    /// </summary>
    public MeetingCount TownshipMeetingsHeld { get; internal set; }

    /// <summary>Visits per month of <see cref="CampaignFigures.Months"/>.</summary>
    public int[] VisitsByMonth { get; }

    /// <summary>Entries registered per month.</summary>
    public int[] OpenedByMonth { get; }

    /// <summary>Entries closed as solved (销号) per month.</summary>
    public int[] ClosedByMonth { get; }

    /// <summary>Entries closed as 无法解决 per month.</summary>
    public int[] UnresolvedByMonth { get; }

    public static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;

    internal void AddEntry(LedgerBook book, EntryStatus status) => _entries[Index(book, status)]++;

    internal void Add(ScopeFigures other)
    {
        Households += other.Households;
        PairedHouseholds += other.PairedHouseholds;
        UnvisitedOverAMonth += other.UnvisitedOverAMonth;
        EntriesTotal += other.EntriesTotal;
        Overdue += other.Overdue;
        Satisfied += other.Satisfied;
        BasicallySatisfied += other.BasicallySatisfied;
        Dissatisfied += other.Dissatisfied;
        MeetingsHeld += other.MeetingsHeld;
        AddInto(VisitsThisMonth, other.VisitsThisMonth);
        AddInto(VisitsThisYear, other.VisitsThisYear);
        AddInto(VisitsByMonth, other.VisitsByMonth);
        AddInto(OpenedByMonth, other.OpenedByMonth);
        AddInto(ClosedByMonth, other.ClosedByMonth);
        AddInto(UnresolvedByMonth, other.UnresolvedByMonth);
        AddInto(_entries, other._entries);
    }

    private static void AddInto(int[] total, int[] part)
    {
        for (var i = 0; i < total.Length; i++)
        {
            total[i] += part[i];
        }
    }

    private static int Index(LedgerBook book, EntryStatus status) => ((int)book * Enum.GetValues<EntryStatus>().Length) + (int)status;
}

/// <summary>Meetings held this month and this year (Asia/Shanghai), and since records began.</summary>
public readonly record struct MeetingCount(int ThisMonth, int ThisYear, int Overall)
{
    public static MeetingCount operator +(MeetingCount a, MeetingCount b) => new(a.ThisMonth + b.ThisMonth, a.ThisYear + b.ThisYear, a.Overall + b.Overall);

    public static MeetingCount Add(MeetingCount a, MeetingCount b) => a + b;
}

/// <summary>The whole county's figures at one moment: the county, its townships and villages.</summary>
public sealed class CampaignFigures
{
    private readonly Dictionary<string, ScopeFigures> _townships;
    private readonly Dictionary<string, ScopeFigures> _villages;

    internal CampaignFigures(DateTimeOffset asOf, IReadOnlyList<CalendarMonth> months, ScopeFigures county, IEnumerable<ScopeFigures> townships, IEnumerable<ScopeFigures> villages)
    {
        AsOf = asOf;
        Months = months;
        County = county;
        _townships = townships.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _villages = villages.ToDictionary(v => v.Id, StringComparer.Ordinal);
    }

    public DateTimeOffset AsOf { get; }

    /// <summary>The twelve calendar months (Asia/Shanghai) the monthly series cover, oldest first, ending this month.</summary>
    public IReadOnlyList<CalendarMonth> Months { get; }

    public ScopeFigures County { get; }

    public IReadOnlyList<ScopeFigures> Townships => [.. _townships.Values.OrderBy(t => t.Id, StringComparer.Ordinal)];

    public ScopeFigures? Township(string id) => _townships.GetValueOrDefault(id);

    public ScopeFigures? Village(string id) => _villages.GetValueOrDefault(id);

    public IReadOnlyList<ScopeFigures> VillagesOf(string townshipId) =>
        [.. _villages.Values.Where(v => v.TownshipId == townshipId).OrderBy(v => v.Id, StringComparer.Ordinal)];
}
