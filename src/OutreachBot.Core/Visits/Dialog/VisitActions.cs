using System.Globalization;
using OutreachBot.Dialogs;
using OutreachBot.Roster;
using OutreachBot.Time;

namespace OutreachBot.Visits.Dialog;

/// <summary>log-visit's last step: saves the visit from the filled slots, or explains why it cannot.</summary>
public sealed class LogVisitAction(VisitService visits, VisitReplies replies, IRosterStore roster) : IDialogAction
{
    public string Name => "visits.log";

    public IReadOnlyCollection<string> Produces => ["village"];

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var request = new LogVisitRequest(
            context.Slot("household") ?? "",
            DateTimeOffset.Parse(context.Slot("when") ?? "", CultureInfo.InvariantCulture),
            Enum.Parse<VisitKind>(context.Slot("kind") ?? nameof(VisitKind.HomeVisit)),
            new VisitNotes(context.Slot("village_situation"), context.Slot("household_situation"), context.Slot("hopes"), context.Slot("problems")),
            context.Slot("photo"),
            context.IdempotencyKey);
        var result = visits.LogVisit(context.User, request);
        if (result.Visit is not { } visit)
        {
            await context.SayAsync(replies.Explain(result.Refusal!.Value), cancellationToken);
            return ActionResult.End;
        }

        var month = visits.MyHouseholds(context.User);
        var household = roster.FindHousehold(visit.HouseholdId)!;
        context.Set("village", household.VillageId);
        await context.SayAsync(context.Texts.Format(
            VisitTexts.Logged,
            ("head", household.HeadName),
            ("kind", replies.KindName(visit.Kind)),
            ("when", ChinaTime.Format(visit.At)),
            ("visited", month.Households.Count(h => h.VisitedThisMonth)),
            ("total", month.Households.Count)), cancellationToken);
        return ActionResult.Next;
    }
}

/// <summary>After a visit that noted problems: go on to raise them as a ledger entry for the household, if asked to.</summary>
public sealed class RaiseFromVisitAction : IDialogAction
{
    public string Name => "visits.raise-problems";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        if (context.Slot("problems") is null)
        {
            return ActionResult.End;
        }

        if (context.Slot("raise") != "true")
        {
            await context.SayAsync(context.Texts[VisitTexts.NotRaised], cancellationToken);
            return ActionResult.End;
        }

        return ActionResult.Begin("raise-problem", new Dictionary<string, string>
        {
            ["household"] = context.Slot("household") ?? "",
            ["village"] = context.Slot("village") ?? "",
            ["description"] = context.Slot("problems") ?? "",
        });
    }
}

/// <summary>我的联系户.</summary>
public sealed class MyHouseholdsAction(VisitService visits, VisitReplies replies) : IDialogAction
{
    public string Name => "visits.my-households";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var text = visits.Check(context.User) is { } refusal ? replies.Explain(refusal) : replies.MyHouseholds(visits.MyHouseholds(context.User));
        await context.SayAsync(text, cancellationToken);
        return ActionResult.End;
    }
}

/// <summary>本月走访.</summary>
public sealed class MonthVisitsAction(VisitService visits, VisitReplies replies) : IDialogAction
{
    public string Name => "visits.month";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var text = visits.Check(context.User) is { } refusal ? replies.Explain(refusal) : replies.MonthSummary(visits.MonthSummary(context.User));
        await context.SayAsync(text, cancellationToken);
        return ActionResult.End;
    }
}
