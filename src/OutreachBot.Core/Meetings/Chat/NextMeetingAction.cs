using Microsoft.Extensions.Options;
using OutreachBot.Dialogs;

namespace OutreachBot.Meetings.Chat;

/// <summary>下次会议: the user's next meeting with time, place and the agenda in short, and the others coming.</summary>
public sealed class NextMeetingAction(MeetingService meetings, MeetingReplies replies, IOptions<MeetingsOptions> options) : IDialogAction
{
    public string Name => "meetings.next";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var upcoming = meetings.Upcoming(context.User);
            var text = upcoming.Count == 0
                ? replies.Texts[MeetingTexts.NextNone]
                : replies.NextMeeting(upcoming, meetings.AgendaOf(upcoming[0]), context.Clock.GetUtcNow(), options.Value.ReminderLines);
            await context.SayAsync(text, cancellationToken);
        }
        catch (MeetingRefusedException refused)
        {
            await context.SayAsync(replies.Explain(refused.Reason), cancellationToken);
        }

        return ActionResult.End;
    }
}
