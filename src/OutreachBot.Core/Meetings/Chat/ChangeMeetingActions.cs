using System.Globalization;
using OutreachBot.Dialogs;

namespace OutreachBot.Meetings.Chat;

/// <summary>改会议时间, first step: only staff change meetings; one calendar is chosen for them.</summary>
public sealed class ChangeStartAction(MeetingService meetings, MeetingReplies replies) : IDialogAction
{
    public string Name => "meetings.change-start";

    public IReadOnlyCollection<string> Produces => [MeetingSlots.Calendar];

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var calendars = meetings.Changeable(context.User);
            if (calendars.Count == 0)
            {
                throw new MeetingRefusedException(MeetingRefusal.NotYours);
            }

            if (calendars.Count == 1)
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

/// <summary>改会议时间, last step: moves, cancels or restores the chosen meeting and says what it is now.</summary>
public sealed class ChangeMeetingAction(MeetingService meetings, MeetingReplies replies) : IDialogAction
{
    public const string Move = "move";
    public const string Cancel = "cancel";
    public const string Restore = "restore";
    public const string DialogId = "meetings.change";

    public string Name => "meetings.change";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calendarId = context.Slot(MeetingSlots.Calendar) ?? "";
        var key = context.Slot(MeetingSlots.Meeting) ?? "";
        try
        {
            var change = context.Slot(MeetingSlots.What) switch
            {
                Move => meetings.Move(context.User, calendarId, key, ReadTime(context.Slot(MeetingSlots.NewTime)), context.Slot(MeetingSlots.NewPlace)),
                Cancel => meetings.Cancel(context.User, calendarId, key),
                _ => meetings.Restore(context.User, calendarId, key),
            };
            await context.SayAsync(Describe(change, context.Clock.GetUtcNow()), cancellationToken);
            return ActionResult.End;
        }
        catch (MeetingRefusedException refused) when (refused.Reason == MeetingRefusal.InPast)
        {
            // Asked again for the time; everything else the user said is kept.
            await context.SayAsync(replies.Explain(refused.Reason), cancellationToken);
            return ActionResult.Begin(DialogId, MeetingSlots.Without(context, MeetingSlots.NewTime));
        }
        catch (MeetingRefusedException refused)
        {
            await context.SayAsync(replies.Explain(refused.Reason), cancellationToken);
            return ActionResult.End;
        }
    }

    private string Describe(MeetingChange change, DateTimeOffset now)
    {
        var zone = change.Calendar.Zone;
        var original = replies.When(change.After.ScheduledStart, zone, now);
        return change.After.Status switch
        {
            OccurrenceStatus.Moved => replies.Texts.Format(MeetingTexts.ChangeMoved, ("place", change.PlaceName), ("original", original),
                ("when", replies.When(change.After.Start, zone, now)), ("where", change.After.Place)),
            OccurrenceStatus.Cancelled => replies.Texts.Format(MeetingTexts.ChangeCancelled, ("place", change.PlaceName), ("original", original)),
            _ => replies.Texts.Format(MeetingTexts.ChangeRestored, ("place", change.PlaceName), ("original", original)),
        };
    }

    /// <summary>The date prompt's value: an ISO time with its offset.</summary>
    private static DateTimeOffset ReadTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : throw new MeetingRefusedException(MeetingRefusal.InPast);
}
