using OutreachBot.Texts;

namespace OutreachBot.Ledger;

[TextKeys]
public static class LedgerTexts
{
    public const string Raised = "ledger.raised";
    public const string RaisedDuplicate = "ledger.raised_duplicate";
    public const string RaisedDuplicateWithNumber = "ledger.raised_duplicate_with_number";
    public const string Refused = "ledger.refused";
    public const string MyEntriesHeader = "ledger.my_entries.header";
    public const string MyEntriesLine = "ledger.my_entries.line";
    public const string MyEntriesNone = "ledger.my_entries.none";
    public const string MyEntriesMore = "ledger.my_entries.more";
    public const string EntryDetail = "ledger.entry.detail";
    public const string EntryResolution = "ledger.entry.resolution";
    public const string EntryNotFound = "ledger.entry.not_found";
    public const string OpenEntry = "ledger.open_entry";
    public const string Overdue = "ledger.overdue_mark";
    public const string Resolved = "ledger.closed.resolved";
    public const string ClosedUnresolved = "ledger.closed.unresolved";
    public const string ReporterNotified = "ledger.closed.reporter_notified";
    public const string ReporterUnreachable = "ledger.closed.reporter_unreachable";
    public const string FollowUpNotice = "ledger.follow_up.notice";
    public const string FollowUpBusy = "ledger.follow_up.busy";
    public const string FollowUpAgain = "ledger.follow_up.again";
    public const string UnresolvedNotice = "ledger.follow_up.unresolved_notice";
    public const string NothingToRate = "ledger.follow_up.nothing";
    public const string ThanksSatisfied = "ledger.follow_up.thanks";
    public const string Reopened = "ledger.follow_up.reopened";
    public const string ReopenedNotice = "ledger.follow_up.reopened_notice";
    public const string OverdueNotice = "ledger.overdue_notice";
    public const string RoutingSet = "ledger.routing_set";
    public const string OutboxClear = "ledger.outbox.clear";
    public const string OutboxStuck = "ledger.outbox.stuck";
    public const string OutboxLine = "ledger.outbox.line";
}
