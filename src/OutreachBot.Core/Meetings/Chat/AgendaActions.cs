using OutreachBot.Dialogs;

namespace OutreachBot.Meetings.Chat;

/// <summary>
/// 会议议程, first step: checks the user may see meetings and, when they see one calendar only, chooses it for them
/// so the dialog asks nothing.
/// </summary>
public sealed class AgendaStartAction(MeetingService meetings, MeetingReplies replies) : IDialogAction
{
    public string Name => "meetings.agenda-start";

    public IReadOnlyCollection<string> Produces => [MeetingSlots.Calendar];

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var calendars = meetings.Calendars(context.User);
            if (calendars.Count == 0)
            {
                throw new MeetingRefusedException(MeetingRefusal.NoMeetings);
            }

            if (calendars.Count == 1)
            {
                context.Set(MeetingSlots.Calendar, calendars[0].Calendar.Id, calendars[0].PlaceName);
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

/// <summary>会议议程: the full agenda of the chosen calendar's current or next meeting.</summary>
public sealed class AgendaAction(MeetingService meetings, MeetingReplies replies) : IDialogAction
{
    public string Name => "meetings.agenda";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var (meeting, agenda) = meetings.AgendaOf(context.User, context.Slot(MeetingSlots.Calendar) ?? "");
            await context.SayAsync(replies.FullAgenda(agenda, meeting.Calendar.Zone, context.Clock.GetUtcNow()), cancellationToken);
        }
        catch (MeetingRefusedException refused)
        {
            await context.SayAsync(replies.Explain(refused.Reason), cancellationToken);
        }

        return ActionResult.End;
    }
}
