using System.Globalization;
using Humanizer;
using Microsoft.Extensions.Options;
using OutreachBot.Dialogs;

namespace OutreachBot.Meetings.Chat;

/// <summary>会议提醒情况 (staff): for each coming meeting whose reminders went out, how many arrived and who could not be reached.</summary>
public sealed class ReachAction(MeetingService meetings, MeetingReminderJob reminders, IReminderLog log, MeetingReplies replies, IOptions<MeetingsOptions> options) : IDialogAction
{
    public string Name => "meetings.reach";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var texts = replies.Texts;
        try
        {
            var now = context.Clock.GetUtcNow();
            var lines = new List<string>();
            foreach (var upcoming in meetings.Upcoming(context.User, includeRunning: true))
            {
                var records = log.OfMeeting(upcoming.Meeting).Where(r => r.PersonId != ReminderRecord.Everyone).ToList();
                if (records.Count == 0)
                {
                    continue;
                }

                var unreached = reminders.Unreached(upcoming.Meeting);
                var sent = records.Where(r => r.Outcome == ReminderOutcome.Sent).Select(r => r.PersonId).Distinct().Count();
                lines.Add(texts.Format(MeetingTexts.ReachHeader, ("meeting", replies.MeetingName(upcoming.PlaceName)), ("when", replies.When(upcoming.Meeting.Start, upcoming.Calendar.Zone, now))));
                lines.Add(texts.Format(MeetingTexts.ReachSent, ("count", sent)));
                lines.Add(unreached.Count == 0
                    ? texts[MeetingTexts.ReachAllSent]
                    : texts.Format(MeetingTexts.ReachUnreached, ("count", unreached.Count), ("names", MeetingReplies.Names(unreached.Select(replies.Who)))));
            }

            if (lines.Count == 0)
            {
                var offsets = string.Join("、", options.Value.Offsets.Select(o => o.Humanize(1, new CultureInfo("zh-Hans"), maxUnit: Humanizer.TimeUnit.Day)));
                lines.Add(texts.Format(MeetingTexts.ReachNotYet, ("offsets", offsets)));
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
