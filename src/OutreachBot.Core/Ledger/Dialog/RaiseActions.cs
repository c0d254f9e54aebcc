using OutreachBot.Dialogs;
using OutreachBot.Roster;

namespace OutreachBot.Ledger.Dialog;

/// <summary>
/// raise-problem's first step: what is already known is not asked again — a stationed cadre's village, or the
/// village and phone a villager gave last time (both shown at the read-back, where they can be changed).
/// </summary>
public sealed class PrefillRaiseAction(ResidentProfiles profiles, IRosterStore roster) : IDialogAction
{
    public string Name => "ledger.prefill";

    public IReadOnlyCollection<string> Produces => ["village", "phone"];

    public Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var (village, phone) = profiles.Find(context.User.ChannelId, context.User.UserId);
        village = context.Slot("village") ?? context.User.VillageId ?? village;
        if (village is not null && roster.FindVillage(village) is { } known)
        {
            var township = roster.FindTownship(known.TownshipId)?.Name ?? "";
            context.Set("village", known.Id, $"{known.Name}（{township}）");
        }

        if (phone is not null && context.Slot("phone") is null && !context.User.IsCadre)
        {
            context.Set("phone", phone);
        }

        return Task.FromResult(ActionResult.Next);
    }
}

/// <summary>raise-problem's last step: the entry is saved, and the user gets its tracking number and what happens next.</summary>
public sealed class RaiseAction(LedgerService ledger, ResidentProfiles profiles) : IDialogAction
{
    public string Name => "ledger.raise";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var request = new RaiseRequest(
            context.Slot("kind") ?? "其他",
            context.Slot("description") ?? "",
            context.Slot("village") ?? "",
            context.Slot("household"),
            context.Slot("photos")?.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            context.Slot("location"),
            context.Slot("phone"),
            context.IdempotencyKey);
        RaiseResult result;
        try
        {
            result = ledger.Raise(context.User, request);
        }
        catch (LedgerRuleException refused)
        {
            await context.SayAsync(context.Texts.Format(LedgerTexts.Refused, ("reason", refused.Message)), cancellationToken);
            return ActionResult.End;
        }

        if (!context.User.IsCadre)
        {
            profiles.Remember(context.User.ChannelId, context.User.UserId, request.VillageId, request.Phone);
        }

        var entry = result.Entry;
        var days = Math.Max(1, (int)Math.Round((entry.DueAt - entry.RaisedAt).TotalDays));
        var text = context.Texts.Format(LedgerTexts.Raised, ("id", entry.Id), ("ledger", entry.Book.ChineseName()), ("unit", entry.AssignedUnit), ("days", days));
        if (result.Earlier is { } earlier)
        {
            text += "\n" + context.Texts.Format(LedgerTexts.RaisedDuplicateWithNumber, ("earlier", earlier.Id));
        }
        else if (result.AlreadyKnown)
        {
            text += "\n" + context.Texts[LedgerTexts.RaisedDuplicate];
        }

        await context.SayAsync(text, cancellationToken);
        return ActionResult.End;
    }
}

/// <summary>查进度: the user's own entries with their status and age.</summary>
public sealed class MyEntriesAction(LedgerService ledger, LedgerReplies replies) : IDialogAction
{
    public string Name => "ledger.my-entries";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        await context.SayAsync(replies.MyEntries(ledger.OfReporter(context.User)), cancellationToken);
        return ActionResult.End;
    }
}
