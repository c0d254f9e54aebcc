using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Identity;
using OutreachBot.Roster;

namespace OutreachBot.Ledger;

/// <summary>
/// The ledgers' use cases: raising an entry (into the right ledger, assigned by the routing table, linked to an
/// earlier duplicate), reading entries as each role may, closing out and recording the reporter's satisfaction.
/// Role checks live here, not in the menus.
/// </summary>
public sealed class LedgerService(
    LedgerStore store,
    TrackingNumbers numbers,
    RoutingTable routing,
    IRosterStore roster,
    LedgerAccess access,
    IOptions<LedgerOptions> options,
    TimeProvider clock,
    ILogger<LedgerService> logger)
{
    private static readonly HashSet<string> DifficultyTags = [HouseholdTags.MinimumLiving, HouseholdTags.ExtremeHardship, HouseholdTags.FiveGuarantees, HouseholdTags.Disability, HouseholdTags.Registered];

    public RaiseResult Raise(UserIdentity who, RaiseRequest request)
    {
        if (request.OriginKey is { } origin && store.FindByOrigin(origin) is { } already)
        {
            return new RaiseResult(already, already.DuplicateOf is { } earlierId ? Visible(who, store.Find(earlierId)) : null);
        }

        var village = roster.FindVillage(request.VillageId) ?? throw new LedgerRuleException("没有这个村，请重新选择。");
        var household = request.HouseholdId is { Length: > 0 } householdId ? roster.FindHousehold(householdId) : null;
        if (household is not null && (!who.IsCadre || !access.CanCloseOut(who, household.VillageId)))
        {
            throw new LedgerRuleException("只有在这个村工作的干部可以替这一户登记。");
        }

        var settings = options.Value;
        var now = clock.GetUtcNow();
        var book = settings.StabilityKinds.Contains(request.Kind) ? LedgerBook.Stability
            : household is not null && household.Tags.Any(DifficultyTags.Contains) ? LedgerBook.HouseholdsInDifficulty
            : LedgerBook.LivelihoodRequests;
        var reporter = new Reporter(who.ChannelId, who.UserId, who.DisplayName, request.Phone, who.IsCadre ? who.PersonId : null);
        var entry = new LedgerEntry(numbers.Next(book, now), book, request.Kind, request.Description.Trim(), reporter, village.Id, village.Name, now, now + settings.TimeLimit(request.Kind))
        {
            HouseholdId = household?.Id,
            Location = request.Location,
            OriginKey = request.OriginKey,
        };
        entry.AddPhotos(request.Photos ?? []);

        var earlier = store.InVillageSince(village.Id, now.AddDays(-settings.DuplicateWindowDays))
            .Where(e => e.Kind == entry.Kind && e.IsOpen && e.DuplicateOf is null)
            .FirstOrDefault(e => Duplicates.Similarity(e.Description, entry.Description) >= Duplicates.Threshold);
        if (earlier is not null)
        {
            entry.MarkDuplicateOf(earlier.Id);
        }

        var unit = routing.Resolve(village.Id, village.TownshipId, request.Kind) ?? settings.DefaultUnit;
        var assigned = entry.Assign(unit, null, "routing", now, $"按交办规则交{unit}办理");
        store.Save(entry, null, assigned);
        logger.LogInformation("Entry {Entry} raised in {Village} by {User}", entry.Id, village.Id, Redact.Id(who.UserId));
        return new RaiseResult(entry, Visible(who, earlier));
    }

    private LedgerEntry? Visible(UserIdentity who, LedgerEntry? entry) => entry is not null && access.CanSee(who, entry) ? entry : null;

    /// <summary>An entry if this user may see it; the same null for "no such entry" and "not yours", so numbers cannot be probed.</summary>
    public LedgerEntry? Show(UserIdentity who, string trackingNumber) =>
        store.Find(trackingNumber) is { } entry && access.CanSee(who, entry) ? entry : null;

    public IReadOnlyList<LedgerEntry> OfReporter(UserIdentity who) => store.OfReporter(who.ChannelId, who.UserId);

    /// <summary>Open entries this user may close out, overdue ones first.</summary>
    public IReadOnlyList<LedgerEntry> OpenForCloseOut(UserIdentity who)
    {
        var villages = access.VillagesOf(who);
        var open = villages is null
            ? store.All().Where(e => e.IsOpen)
            : villages.SelectMany(store.OpenIn);
        var now = clock.GetUtcNow();
        return [.. open.Where(e => e.Status != EntryStatus.Resolved).OrderByDescending(e => e.IsOverdue(now)).ThenBy(e => e.RaisedAt)];
    }

    public LedgerEntry Resolve(UserIdentity who, string trackingNumber, string whatWasDone) =>
        CloseOut(who, trackingNumber, (entry, by, at) => entry.Resolve(whatWasDone.Trim(), by, at));

    public LedgerEntry CloseUnresolved(UserIdentity who, string trackingNumber, string reason) =>
        CloseOut(who, trackingNumber, (entry, by, at) => entry.CloseUnresolved(reason.Trim(), by, at));

    /// <summary>An external ledger (Open311) reports the request closed: the entry is resolved with its notes.</summary>
    public LedgerEntry? ResolveExternally(string trackingNumber, string notes, string by)
    {
        var entry = store.Find(trackingNumber);
        if (entry is null || entry.Status is not (EntryStatus.Assigned or EntryStatus.InProgress))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var changes = new List<Transition?>();
        if (entry.Status == EntryStatus.Assigned)
        {
            changes.Add(entry.StartWork(by, now));
        }

        changes.Add(entry.Resolve(notes, by, now));
        store.Save(entry, [.. changes]);
        return entry;
    }

    /// <summary>Entries waiting for this reporter's 满意 / 基本满意 / 不满意.</summary>
    public IReadOnlyList<LedgerEntry> AwaitingSatisfaction(UserIdentity who) =>
        [.. OfReporter(who).Where(e => e.Status == EntryStatus.Resolved)];

    public LedgerEntry RecordSatisfaction(UserIdentity who, string trackingNumber, Satisfaction answer, string? reason)
    {
        var entry = store.Find(trackingNumber);
        if (entry is null || !LedgerAccess.IsReporter(who, entry))
        {
            throw new LedgerRuleException("只有反映人本人可以评价。");
        }

        var transition = entry.RecordSatisfaction(answer, reason?.Trim(), "reporter", clock.GetUtcNow());
        store.Save(entry, transition);
        return entry;
    }

    private LedgerEntry CloseOut(UserIdentity who, string trackingNumber, Func<LedgerEntry, string, DateTimeOffset, Transition> move)
    {
        var entry = store.Find(trackingNumber);
        if (entry is null || !access.CanCloseOut(who, entry.VillageId))
        {
            throw new LedgerRuleException("您不能办结这一条，只有这个村的干部和所在乡镇、县里的工作人员可以。");
        }

        var by = who.PersonId ?? who.UserId;
        var now = clock.GetUtcNow();
        var changes = new List<Transition?>();
        if (entry.Status == EntryStatus.Assigned)
        {
            changes.Add(entry.StartWork(by, now));
        }

        changes.Add(move(entry, by, now));
        store.Save(entry, [.. changes]);
        return entry;
    }
}
