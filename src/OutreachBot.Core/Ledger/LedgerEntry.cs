namespace OutreachBot.Ledger;

/// <summary>
/// One problem or request in a ledger. It owns its rules: status changes only through its methods, which refuse
/// illegal moves and record every transition. The reporter's words are never changed and entries are never deleted.
/// </summary>
public sealed class LedgerEntry
{
    public LedgerEntry(string id, LedgerBook book, string kind, string description, Reporter reporter, string villageId, string villageName, DateTimeOffset raisedAt, DateTimeOffset dueAt)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new LedgerRuleException("An entry needs the reporter's words.");
        }

        Id = id;
        Book = book;
        Kind = kind;
        Description = description;
        Reporter = reporter;
        VillageId = villageId;
        VillageName = villageName;
        RaisedAt = raisedAt;
        DueAt = dueAt;
    }

    /// <summary>The tracking number, e.g. MS20261127-0001.</summary>
    public string Id { get; private set; }

    public LedgerBook Book { get; private set; }

    public string Kind { get; private set; }

    /// <summary>What the reporter said, exactly as they said it.</summary>
    public string Description { get; private set; }

    public Reporter Reporter { get; private set; }

    public string VillageId { get; private set; }

    public string VillageName { get; private set; }

    public string? HouseholdId { get; set; }

    public List<string> Photos { get; private set; } = [];

    public string? Location { get; set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public EntryStatus Status { get; private set; } = EntryStatus.Registered;

    public string? AssignedUnit { get; private set; }

    public string? AssignedCadreId { get; private set; }

    /// <summary>What was done, as the cadre or staff member said at close-out.</summary>
    public string? Resolution { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Satisfaction? Satisfaction { get; private set; }

    public int FollowUpsSent { get; private set; }

    public DateTimeOffset? LastFollowUpAt { get; private set; }

    /// <summary>When its cadres and staff were told it is past its time limit (once per entry).</summary>
    public DateTimeOffset? OverdueNoticeAt { get; private set; }

    /// <summary>How many times 不满意 sent it back to work.</summary>
    public int Reopened { get; private set; }

    /// <summary>The earlier entry this one repeats (same village, kind and words within 14 days).</summary>
    public string? DuplicateOf { get; private set; }

    /// <summary>The dialog step that raised it, so a replayed turn finds it instead of raising it twice.</summary>
    public string? OriginKey { get; set; }

    /// <summary>The id an external ledger (Open311 service_request_id) gave it.</summary>
    public string? ExternalId { get; set; }

    public List<Transition> History { get; private set; } = [];

    public bool IsOpen => Status.IsOpen();

    public bool IsOverdue(DateTimeOffset now) => IsOpen && Status != EntryStatus.Resolved && now > DueAt;

    public void AddPhotos(IEnumerable<string> urls) => Photos.AddRange(urls.Where(u => !string.IsNullOrWhiteSpace(u)));

    public void MarkDuplicateOf(string earlierId) => DuplicateOf = earlierId;

    public void OverdueNoticeSent(DateTimeOffset at) => OverdueNoticeAt ??= at;

    public Transition Assign(string unit, string? cadreId, string by, DateTimeOffset at, string note = "")
    {
        Require(Status is EntryStatus.Registered or EntryStatus.Assigned or EntryStatus.InProgress, "交办");
        AssignedUnit = unit;
        AssignedCadreId = cadreId;
        return Move(EntryStatus.Assigned, by, at, note.Length > 0 ? note : unit);
    }

    public Transition StartWork(string by, DateTimeOffset at, string note = "")
    {
        Require(Status is EntryStatus.Assigned, "开始办理");
        return Move(EntryStatus.InProgress, by, at, note);
    }

    /// <summary>The problem is dealt with; the reporter is asked whether they are satisfied.</summary>
    public Transition Resolve(string whatWasDone, string by, DateTimeOffset at)
    {
        Require(Status is EntryStatus.Assigned or EntryStatus.InProgress, "办结");
        RequireText(whatWasDone, "办理情况");
        Resolution = whatWasDone;
        ResolvedAt = at;
        FollowUpsSent = 0;
        LastFollowUpAt = null;
        return Move(EntryStatus.Resolved, by, at, whatWasDone);
    }

    public void FollowUpSent(DateTimeOffset at)
    {
        Require(Status is EntryStatus.Resolved, "回访");
        FollowUpsSent++;
        LastFollowUpAt = at;
    }

    /// <summary>满意 and 基本满意 close the entry (销号); 不满意 sends it back to work with the reason.</summary>
    public Transition RecordSatisfaction(Satisfaction answer, string? reason, string by, DateTimeOffset at)
    {
        Require(Status is EntryStatus.Resolved, "回访评价");
        Satisfaction = answer;
        if (answer == Ledger.Satisfaction.Dissatisfied)
        {
            RequireText(reason, "不满意的原因");
            Reopened++;
            return Move(EntryStatus.InProgress, by, at, "不满意：" + reason);
        }

        ClosedAt = at;
        return Move(EntryStatus.Closed, by, at, answer.ChineseName());
    }

    /// <summary>无法解决: closed with a stated reason, never counted as solved.</summary>
    public Transition CloseUnresolved(string reason, string by, DateTimeOffset at)
    {
        Require(IsOpen, "无法解决销号");
        RequireText(reason, "无法解决的原因");
        ClosedAt = at;
        return Move(EntryStatus.ClosedUnresolved, by, at, reason);
    }

    private Transition Move(EntryStatus to, string by, DateTimeOffset at, string note)
    {
        var transition = new Transition(Status, to, by, at, note);
        History.Add(transition);
        Status = to;
        return transition;
    }

    private void Require(bool allowed, string action)
    {
        if (!allowed)
        {
            throw new LedgerRuleException($"{Id} 现在是“{Status.ChineseName()}”，不能{action}。");
        }
    }

    private static void RequireText(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new LedgerRuleException($"需要说明{what}。");
        }
    }
}
