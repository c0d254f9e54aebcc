using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutreachBot.Dialogs;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Roster;

namespace OutreachBot.Ledger.Dialog;

/// <summary>Where a routing rule applies: the whole county, a township or a village.</summary>
public sealed class RoutingScopeOptions(IRosterStore roster) : IOptionSource
{
    public string Name => "ledger.routing-scopes";

    public IReadOnlyList<ChoiceOption> Options(DialogContext context)
    {
        var options = new List<ChoiceOption> { new(RoutingRule.Any, "全县", ["县", "全部"]) };
        foreach (var village in roster.AllVillages())
        {
            if (!options.Any(o => o.Value == village.TownshipId) && roster.FindTownship(village.TownshipId) is { } township)
            {
                options.Add(new ChoiceOption(township.Id, township.Name));
            }

            options.Add(new ChoiceOption(village.Id, village.Name));
        }

        return options;
    }
}

/// <summary>
/// The kinds of problem, read from the raise-problem dialog's own choice so the list lives in one file, plus "all
/// kinds". The catalog is looked up when needed: it is built from the option sources, this one among them.
/// </summary>
public sealed class KindOptions(IServiceProvider services) : IOptionSource
{
    public string Name => "ledger.kinds";

    public IReadOnlyList<ChoiceOption> Options(DialogContext context) =>
    [
        new(RoutingRule.Any, "所有类别", ["全部", "所有"]),
        .. services.GetRequiredService<DialogCatalog>().Find("raise-problem")?.StepForSlot("kind")?.Options ?? [],
    ];
}

/// <summary>改交办单位: staff set which unit gets entries of a kind in a place.</summary>
public sealed class SetRoutingAction(RoutingTable routing) : IDialogAction
{
    public string Name => "ledger.set-routing";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        if (!context.User.IsStaff)
        {
            return ActionResult.End;
        }

        routing.Set(context.Slot("scope") ?? RoutingRule.Any, context.Slot("kind") ?? RoutingRule.Any, context.Slot("unit") ?? "", context.User.PersonId ?? context.User.UserId);
        await context.SayAsync(context.Texts.Format(LedgerTexts.RoutingSet, ("scope", context.Label("scope")), ("kind", context.Label("kind")), ("unit", context.Slot("unit"))), cancellationToken);
        return ActionResult.End;
    }
}

/// <summary>台账转发: what has not reached the external ledger yet, and why.</summary>
public sealed class OutboxStatusAction(Outbox outbox, IOptions<ForwardingOptions> options) : IDialogAction
{
    public const int MaxLines = 10;

    public string Name => "ledger.outbox-status";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        if (!context.User.IsStaff)
        {
            return ActionResult.End;
        }

        var stuck = outbox.Stuck(options.Value.StuckAfter);
        var text = new StringBuilder(stuck.Count == 0
            ? context.Texts.Format(LedgerTexts.OutboxClear, ("pending", outbox.Pending().Count))
            : context.Texts.Format(LedgerTexts.OutboxStuck, ("count", stuck.Count)));
        foreach (var record in stuck.Take(MaxLines))
        {
            text.Append('\n').Append(context.Texts.Format(LedgerTexts.OutboxLine,
                ("id", record.EntryId), ("adapter", record.Adapter), ("attempts", record.Attempts), ("error", record.LastError ?? "—")));
        }

        await context.SayAsync(text.ToString(), cancellationToken);
        return ActionResult.End;
    }
}
