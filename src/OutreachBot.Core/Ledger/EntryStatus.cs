namespace OutreachBot.Ledger;

/// <summary>
/// 登记 → 交办 → 办理中 → 已办结待回访 → 已销号; 不满意 sends a resolved entry back to 办理中.
/// 无法解决 is a close without a solution and never counts as solved.
/// </summary>
public enum EntryStatus
{
    Registered,
    Assigned,
    InProgress,
    Resolved,
    Closed,
    ClosedUnresolved,
}

public static class EntryStatuses
{
    public static string ChineseName(this EntryStatus status) => status switch
    {
        EntryStatus.Registered => "已登记",
        EntryStatus.Assigned => "已交办",
        EntryStatus.InProgress => "办理中",
        EntryStatus.Resolved => "已办结待回访",
        EntryStatus.Closed => "已销号",
        _ => "无法解决",
    };

    public static bool IsOpen(this EntryStatus status) => status is not (EntryStatus.Closed or EntryStatus.ClosedUnresolved);
}
