using System.Text.Json;
using OutreachBot.Dialogs;
using OutreachBot.Ledger;

namespace OutreachBot.Meetings.Chat;

/// <summary>会议纪要, first step: staff or the village's first secretary only; one village is chosen for them.</summary>
public sealed class MinutesStartAction(MinutesService minutes, MeetingService meetings, MeetingReplies replies) : IDialogAction
{
    public const string DialogId = "meetings.minutes";
    public const string EachDialogId = "meetings.minutes-each";

    public string Name => "meetings.minutes-start";

    public IReadOnlyCollection<string> Produces => [MeetingSlots.Calendar];

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var calendars = minutes.Calendars(context.User);
            if (calendars.Count == 1 && context.Slot(MeetingSlots.Calendar) is null)
            {
                context.Set(MeetingSlots.Calendar, calendars[0].Id, meetings.PlaceName(calendars[0]));
            }

            return ActionResult.Next;
        }
        catch (MeetingRefusedException refused)
        {
            await context.SayAsync(replies.Explain(refused.Reason), cancellationToken);
            return ActionResult.End;
        }
    }
}

/// <summary>
/// 会议纪要: lists the meeting's open entries, numbered as in the agenda, and remembers them in that order so the
/// numbers the user replies with keep meaning the same entries. With nothing open, the meeting is recorded as held
/// with no items and the dialog ends. Once listed, the list stands: asked again (after a reply it could not read),
/// this step says nothing.
/// </summary>
public sealed class MinutesEntriesAction(MinutesService minutes, IMeetingCalendars calendars, MeetingReplies replies) : IDialogAction
{
    public string Name => "meetings.minutes-entries";

    public IReadOnlyCollection<string> Produces => [MeetingSlots.Entries];

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Slot(MeetingSlots.Entries) is not null)
        {
            return ActionResult.Next;
        }

        var calendarId = context.Slot(MeetingSlots.Calendar) ?? "";
        var key = context.Slot(MeetingSlots.Meeting) ?? "";
        try
        {
            var agenda = minutes.OpenEntries(context.User, calendarId, key);
            if (agenda.Items.Count == 0)
            {
                var saved = minutes.Save(context.User, calendarId, key, []);
                var zone = calendars.Find(calendarId)?.Zone ?? OutreachBot.Time.ChinaTime.Zone;
                await context.SayAsync(replies.Texts.Format(MeetingTexts.MinutesNoEntries, ("place", agenda.Title),
                    ("when", replies.When(saved.Minutes.Start, zone, context.Clock.GetUtcNow()))), cancellationToken);
                return ActionResult.End;
            }

            var lines = new List<string> { replies.Texts.Format(MeetingTexts.MinutesEntries, ("count", agenda.Items.Count)) };
            lines.AddRange(agenda.Items.Select((item, i) => replies.ItemLine(i + 1, item, agenda.ManyVillages)));
            await context.SayAsync(string.Join('\n', lines), cancellationToken);
            context.Set(MeetingSlots.Entries, string.Join(',', agenda.Items.Select(i => i.EntryId)));
            return ActionResult.Next;
        }
        catch (MeetingRefusedException refused)
        {
            await context.SayAsync(replies.Explain(refused.Reason), cancellationToken);
            return ActionResult.End;
        }
    }
}

/// <summary>会议纪要: reads the numbers picked; a reply it cannot read is explained and asked again, nothing else lost.</summary>
public sealed class MinutesPicksAction(MeetingReplies replies) : IDialogAction
{
    public const string One = "one";

    public string Name => "meetings.minutes-picks";

    public IReadOnlyCollection<string> Produces => [MeetingSlots.Picked, MeetingSlots.PickedCount, MeetingSlots.How];

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = MeetingSlots.List(context, MeetingSlots.Entries);
        var text = context.Slot(MeetingSlots.Picks) ?? "";
        var result = Picks.Parse(text, entries.Count, [.. replies.Texts.WordList(MeetingTexts.AllWords)]);
        if (!result.Ok)
        {
            await context.SayAsync(result.OutOfRange.Count > 0
                ? replies.Texts.Format(MeetingTexts.MinutesPicksOutOfRange, ("numbers", string.Join("、", result.OutOfRange)), ("max", entries.Count))
                : replies.Texts.Format(MeetingTexts.MinutesPicksBad, ("text", result.NotUnderstood ?? text), ("max", entries.Count)), cancellationToken);
            return ActionResult.Begin(MinutesStartAction.DialogId, MeetingSlots.Without(context, MeetingSlots.Picks));
        }

        context.Set(MeetingSlots.Picked, string.Join(',', result.Numbers.Select(n => entries[n - 1])), string.Join("、", result.Numbers));
        context.Set(MeetingSlots.PickedCount, result.Numbers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (result.Numbers.Count == 1)
        {
            // One entry: "the same unit for all" is the only question worth asking.
            context.Set(MeetingSlots.How, One);
        }

        return ActionResult.Next;
    }
}

/// <summary>会议纪要: a unit for each entry is asked one entry at a time, in a dialog of its own.</summary>
public sealed class MinutesEachAction : IDialogAction
{
    public string Name => "meetings.minutes-each";

    public Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(ActionResult.Begin(MinutesStartAction.EachDialogId, MeetingSlots.Without(context)));
    }
}

/// <summary>会议纪要, one entry at a time: which picked entry needs its unit next.</summary>
public sealed class MinutesNextAction(ILedgerStore ledger, MeetingReplies replies) : IDialogAction
{
    public string Name => "meetings.minutes-next";

    public IReadOnlyCollection<string> Produces => [MeetingSlots.Current, MeetingSlots.CurrentId];

    public Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var assigned = MinutesDraft.Assigned(context);
        var entries = MeetingSlots.List(context, MeetingSlots.Entries);
        var next = MeetingSlots.List(context, MeetingSlots.Picked).FirstOrDefault(id => !assigned.ContainsKey(id));
        if (next is not null)
        {
            var entry = ledger.Find(next);
            var n = entries.ToList().IndexOf(next) + 1;
            context.Set(MeetingSlots.CurrentId, next);
            context.Set(MeetingSlots.Current, replies.Texts.Format(MeetingTexts.MinutesCurrent, ("n", n), ("book", entry?.Book.ChineseName() ?? ""),
                ("kind", entry?.Kind ?? ""), ("text", MeetingReplies.Cut(entry?.Description ?? next, 30))));
        }

        return Task.FromResult(ActionResult.Next);
    }
}

/// <summary>会议纪要, one entry at a time: keeps the unit given and goes on to the next entry until all have one.</summary>
public sealed class MinutesAssignAction : IDialogAction
{
    public string Name => "meetings.minutes-assign";

    public IReadOnlyCollection<string> Produces => [MeetingSlots.Assigned];

    public Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var assigned = MinutesDraft.Assigned(context);
        if (context.Slot(MeetingSlots.CurrentId) is { } id && context.Slot(MeetingSlots.UnitEach) is { } unit)
        {
            assigned[id] = MinutesDraft.CleanUnit(unit);
        }

        context.Set(MeetingSlots.Assigned, JsonSerializer.Serialize(assigned));
        var remaining = MeetingSlots.List(context, MeetingSlots.Picked).Any(p => !assigned.ContainsKey(p));
        return Task.FromResult(remaining
            ? ActionResult.Begin(MinutesStartAction.EachDialogId, MeetingSlots.Without(context, MeetingSlots.Current, MeetingSlots.CurrentId, MeetingSlots.UnitEach))
            : ActionResult.Next);
    }
}

/// <summary>会议纪要: reads the minutes back before they are saved.</summary>
public sealed class MinutesSummaryAction(ILedgerStore ledger, IMeetingCalendars calendars, MeetingService meetings, MeetingReplies replies) : IDialogAction
{
    public string Name => "meetings.minutes-summary";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calendar = calendars.Find(context.Slot(MeetingSlots.Calendar) ?? "");
        var meeting = calendar?.Find(context.Slot(MeetingSlots.Meeting) ?? "");
        if (calendar is null || meeting is null)
        {
            await context.SayAsync(replies.Explain(MeetingRefusal.UnknownMeeting), cancellationToken);
            return ActionResult.End;
        }

        var entries = MeetingSlots.List(context, MeetingSlots.Entries).ToList();
        var choices = MinutesDraft.Choices(context);
        var lines = new List<string>
        {
            replies.Texts.Format(MeetingTexts.MinutesSummary, ("place", meetings.PlaceName(calendar)), ("when", replies.When(meeting.Start, calendar.Zone, context.Clock.GetUtcNow())), ("count", choices.Count)),
        };
        foreach (var choice in choices)
        {
            var entry = ledger.Find(choice.EntryId);
            lines.Add(replies.Texts.Format(MeetingTexts.MinutesSummaryLine, ("n", entries.IndexOf(choice.EntryId) + 1), ("book", entry?.Book.ChineseName() ?? ""),
                ("kind", entry?.Kind ?? ""), ("text", MeetingReplies.Cut(entry?.Description ?? choice.EntryId, 20)), ("unit", choice.Unit)));
        }

        await context.SayAsync(string.Join('\n', lines), cancellationToken);
        return ActionResult.Next;
    }
}

/// <summary>会议纪要: saves the minutes (and assigns the entries in the ledger) when the user confirmed.</summary>
public sealed class MinutesSaveAction(MinutesService minutes, IMeetingCalendars calendars, MeetingService meetings, MeetingReplies replies) : IDialogAction
{
    public string Name => "meetings.minutes-save";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Slot(MeetingSlots.Ok) != "true")
        {
            await context.SayAsync(replies.Texts[MeetingTexts.MinutesNotSaved], cancellationToken);
            return ActionResult.End;
        }

        var calendarId = context.Slot(MeetingSlots.Calendar) ?? "";
        try
        {
            var saved = minutes.Save(context.User, calendarId, context.Slot(MeetingSlots.Meeting) ?? "", MinutesDraft.Choices(context));
            var calendar = calendars.Find(calendarId)!;
            var texts = replies.Texts;
            var lines = new List<string>
            {
                texts.Format(MeetingTexts.MinutesSaved, ("place", meetings.PlaceName(calendar)), ("when", replies.When(saved.Minutes.Start, calendar.Zone, context.Clock.GetUtcNow())),
                    ("count", saved.Minutes.Items.Count), ("assigned", saved.Assigned)),
            };
            if (saved.NotedOnly.Count > 0)
            {
                lines.Add(texts.Format(MeetingTexts.MinutesKeptOnly, ("ids", string.Join("、", saved.NotedOnly))));
            }

            if (saved.Replaced)
            {
                lines.Add(texts[MeetingTexts.MinutesReplaced]);
            }

            await context.SayAsync(string.Join('\n', lines), cancellationToken);
        }
        catch (MeetingRefusedException refused)
        {
            await context.SayAsync(replies.Explain(refused.Reason), cancellationToken);
        }

        return ActionResult.End;
    }
}

/// <summary>The minutes as the dialog has them so far: the picked entries and their units.</summary>
internal static class MinutesDraft
{
    public static Dictionary<string, string> Assigned(DialogContext context) =>
        context.Slot(MeetingSlots.Assigned) is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static IReadOnlyList<MinutesChoice> Choices(DialogContext context)
    {
        var one = context.Slot(MeetingSlots.Unit);
        var each = Assigned(context);
        return [.. MeetingSlots.List(context, MeetingSlots.Picked)
            .Select(id => new MinutesChoice(id, one is not null ? CleanUnit(one) : each.GetValueOrDefault(id, "")))
            .Where(c => c.Unit.Length > 0)];
    }

    /// <summary>A unit on one line.</summary>
    public static string CleanUnit(string unit) => string.Join(' ', unit.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
