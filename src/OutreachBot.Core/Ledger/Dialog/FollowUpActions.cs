using OutreachBot.Dialogs;

namespace OutreachBot.Ledger.Dialog;

/// <summary>The reporter's entries waiting for their 满意 / 基本满意 / 不满意.</summary>
public sealed class AwaitingSatisfactionOptions(LedgerService ledger, LedgerReplies replies) : IOptionSource
{
    public string Name => "ledger.awaiting-satisfaction";

    public IReadOnlyList<ChoiceOption> Options(DialogContext context) =>
        [.. ledger.AwaitingSatisfaction(context.User).Select(e => new ChoiceOption(e.Id, replies.Line(e), [e.Id]))];
}

/// <summary>follow-up's first step: nothing to rate is said plainly; a single entry is picked without asking.</summary>
public sealed class PickFollowUpAction(LedgerService ledger) : IDialogAction
{
    public string Name => "ledger.pick-follow-up";

    public IReadOnlyCollection<string> Produces => ["entry"];

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var waiting = ledger.AwaitingSatisfaction(context.User);
        if (context.Slot("entry") is { } chosen && waiting.Any(e => e.Id == chosen))
        {
            return ActionResult.Next;
        }

        if (waiting.Count == 0)
        {
            await context.SayAsync(context.Texts[LedgerTexts.NothingToRate], cancellationToken);
            return ActionResult.End;
        }

        if (waiting.Count == 1)
        {
            context.Set("entry", waiting[0].Id);
        }

        return ActionResult.Next;
    }
}

/// <summary>follow-up's last step: 满意 and 基本满意 close the entry; 不满意 sends it back to work with the reason.</summary>
public sealed class RecordSatisfactionAction(LedgerService ledger) : IDialogAction
{
    public string Name => "ledger.record-satisfaction";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var answer = Enum.Parse<Satisfaction>(context.Slot("satisfaction") ?? nameof(Satisfaction.Satisfied));
        try
        {
            var entry = ledger.RecordSatisfaction(context.User, context.Slot("entry") ?? "", answer, context.Slot("reason"));
            await context.SayAsync(context.Texts.Format(answer == Satisfaction.Dissatisfied ? LedgerTexts.Reopened : LedgerTexts.ThanksSatisfied, ("id", entry.Id)), cancellationToken);
        }
        catch (LedgerRuleException refused)
        {
            await context.SayAsync(context.Texts.Format(LedgerTexts.Refused, ("reason", refused.Message)), cancellationToken);
        }

        return ActionResult.End;
    }
}
