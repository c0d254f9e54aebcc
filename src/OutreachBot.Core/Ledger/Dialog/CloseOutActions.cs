using OutreachBot.Conversations;
using OutreachBot.Dialogs;
using OutreachBot.Dialogs.Prompts;

namespace OutreachBot.Ledger.Dialog;

/// <summary>
/// The open entries a cadre or staff member may close out, overdue first. Only the first 20 are listed; a typed
/// tracking number finds any of them, and only exactly: a number one digit off names another villager's problem,
/// so it must not be taken for the nearest listed one.
/// </summary>
public sealed class OpenEntryOptions(LedgerService ledger, LedgerReplies replies) : ISearchableOptionSource
{
    public const int MaxListed = 20;

    public string Name => "ledger.open-entries";

    public IReadOnlyList<ChoiceOption> Options(DialogContext context) =>
        [.. ledger.OpenForCloseOut(context.User).Take(MaxListed).Select(Option)];

    public IReadOnlyList<ChoiceOption> Search(DialogContext context, string text) =>
        TrackingNumbers.Parse(text) is { } id
            ? [.. ledger.OpenForCloseOut(context.User).Where(e => e.Id == id).Select(Option)]
            : ChoicePrompt.Match(text, Options(context));

    private ChoiceOption Option(LedgerEntry entry) => new(entry.Id, replies.Option(entry), [entry.Id]);
}

/// <summary>对账销号: the entry is resolved (or closed as 无法解决) and its reporter is told and asked.</summary>
public sealed class CloseOutAction(LedgerService ledger, FollowUps followUps) : IDialogAction
{
    public string Name => "ledger.close";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var id = context.Slot("entry") ?? "";
        LedgerEntry entry;
        try
        {
            entry = context.Slot("outcome") == "unresolved"
                ? ledger.CloseUnresolved(context.User, id, context.Slot("reason") ?? "")
                : ledger.Resolve(context.User, id, context.Slot("done") ?? "");
        }
        catch (LedgerRuleException refused)
        {
            await context.SayAsync(context.Texts.Format(LedgerTexts.Refused, ("reason", refused.Message)), cancellationToken);
            return ActionResult.End;
        }

        var closed = context.Texts.Format(entry.Status == EntryStatus.Resolved ? LedgerTexts.Resolved : LedgerTexts.ClosedUnresolved, ("id", entry.Id));
        var told = await followUps.AfterCloseOutAsync(entry, cancellationToken);
        await context.SayAsync(closed + "\n" + context.Texts[told == NoticeResult.Sent ? LedgerTexts.ReporterNotified : LedgerTexts.ReporterUnreachable], cancellationToken);
        return ActionResult.End;
    }
}
