using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Scheduling;

namespace OutreachBot.Meetings;

/// <summary>
/// Sends each meeting's reminders at Meetings:ReminderOffsets before it, once per person, on their own channel.
/// Every tick looks at the meetings from the last tick's time (the watermark in the reminder log) to the longest offset ahead:
/// a reminder whose time has come is sent if the meeting is still ahead (late, after downtime) and dropped with a log
/// line if the meeting has begun. A reminder is claimed in the log before it is sent, so none goes twice; a crash in
/// the middle of a send leaves it claimed and unsent rather than risk a second copy.
/// </summary>
public sealed class MeetingReminderJob(
    IMeetingCalendars calendars,
    MeetingAttendees attendees,
    AgendaBuilder agendas,
    MeetingReplies replies,
    IReminderLog log,
    PersonReach reach,
    ProactiveMessenger messenger,
    IOptions<MeetingsOptions> options,
    ILogger<MeetingReminderJob> logger) : IScheduledJob, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Name => "meeting-reminders";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var offsets = options.Value.Offsets;
            var since = log.Watermark is { } mark && mark < now ? mark : now;
            foreach (var calendar in calendars.All())
            {
                foreach (var meeting in calendar.Between(since, now + offsets[0] + TimeSpan.FromTicks(1)))
                {
                    foreach (var offset in offsets)
                    {
                        var due = meeting.Start - offset;
                        if (due > now)
                        {
                            continue;
                        }

                        if (meeting.Start <= now)
                        {
                            Drop(calendar, meeting, offset, due);
                        }
                        else
                        {
                            await RemindAsync(calendar, meeting, offset, due, now, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            log.MoveWatermark(now);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Who could not be reached for this meeting, by each person's latest reminder.</summary>
    public IReadOnlyList<ReminderRecord> Unreached(MeetingOccurrence meeting) =>
        [.. log.OfMeeting(meeting)
            .Where(r => r.PersonId != ReminderRecord.Everyone)
            .GroupBy(r => r.PersonId)
            .Select(g => g.MaxBy(r => r.DueAt)!)
            .Where(r => r.Unreachable)
            .OrderBy(r => r.Kind)
            .ThenBy(r => r.PersonId, StringComparer.Ordinal)];

    private async Task RemindAsync(MeetingCalendar calendar, MeetingOccurrence meeting, TimeSpan offset, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        Agenda? agenda = null;
        foreach (var person in attendees.Of(calendar))
        {
            var record = Claim(meeting, offset, due, person, now, settings.MaxAttempts);
            if (record is null)
            {
                continue;
            }

            var where = reach.Find(person.PersonId);
            if (where.Unreachable is { } why)
            {
                record.Outcome = why;
                log.Update(record);
                logger.LogInformation("Reminder of meeting {Meeting} cannot reach {Person}: {Why}", meeting.Id, Redact.Id(person.PersonId), why);
                continue;
            }

            record.ChannelId = where.ChannelId;
            record.UserId = where.UserId;
            agenda ??= agendas.For(calendar, meeting, now);
            var notice = replies.Reminder(agenda, calendar.Zone, now, settings.ReminderLines, settings.Template,
                person.Kind == AttendeeKind.Staff ? Unreached(meeting) : null);
            var result = await messenger.NotifyAsync(where.ChannelId!, where.UserId!, notice, cancellationToken).ConfigureAwait(false);
            record.Outcome = result switch
            {
                NoticeResult.Sent => ReminderOutcome.Sent,
                NoticeResult.NoConversation => ReminderOutcome.NoConversation,
                _ => ReminderOutcome.Failed,
            };
            record.Late = result == NoticeResult.Sent && now - due > settings.LateAfter;
            log.Update(record);
            if (record.Late)
            {
                logger.LogInformation("Reminder {Offset} before meeting {Meeting} sent late to {Person}: due {Due}, sent {Now}", offset, meeting.Id, Redact.Id(person.PersonId), due, now);
            }
            else if (record.Outcome == ReminderOutcome.Failed)
            {
                logger.LogWarning("Reminder {Offset} before meeting {Meeting} to {Person} failed (attempt {Attempt})", offset, meeting.Id, Redact.Id(person.PersonId), record.Attempts);
            }
        }
    }

    /// <summary>The record to send under: a new claim, or a failed one tried again; null when there is nothing to send.</summary>
    private ReminderRecord? Claim(MeetingOccurrence meeting, TimeSpan offset, DateTimeOffset due, Attendee person, DateTimeOffset now, int maxAttempts)
    {
        var id = ReminderRecord.IdOf(meeting, offset, person.PersonId);
        var record = log.Find(id);
        if (record is null)
        {
            record = new ReminderRecord
            {
                Id = id,
                CalendarId = meeting.CalendarId,
                OccurrenceKey = meeting.Key,
                Start = meeting.Start,
                Offset = offset,
                DueAt = due,
                PersonId = person.PersonId,
                PersonName = person.Name,
                Kind = person.Kind,
                Outcome = ReminderOutcome.Sending,
                Attempts = 1,
                LastAttemptAt = now,
            };
            return log.TryClaim(record) ? record : null;
        }

        if (record.Outcome != ReminderOutcome.Failed || record.Attempts >= maxAttempts)
        {
            return null;
        }

        record.Outcome = ReminderOutcome.Sending;
        record.Attempts++;
        record.LastAttemptAt = now;
        log.Update(record);
        return record;
    }

    /// <summary>The meeting began before this reminder could go (the host was down): recorded and logged once, not sent.</summary>
    private void Drop(MeetingCalendar calendar, MeetingOccurrence meeting, TimeSpan offset, DateTimeOffset due)
    {
        var missed = attendees.Of(calendar).Count(p => log.Find(ReminderRecord.IdOf(meeting, offset, p.PersonId)) is null);
        if (missed == 0)
        {
            return;
        }

        var record = new ReminderRecord
        {
            Id = ReminderRecord.IdOf(meeting, offset, ReminderRecord.Everyone),
            CalendarId = meeting.CalendarId,
            OccurrenceKey = meeting.Key,
            Start = meeting.Start,
            Offset = offset,
            DueAt = due,
            PersonId = ReminderRecord.Everyone,
            Outcome = ReminderOutcome.Dropped,
        };
        if (log.TryClaim(record))
        {
            logger.LogWarning("Reminder {Offset} before meeting {Meeting} dropped: due {Due}, but the meeting began at {Start} before it could be sent ({Count} people)",
                offset, meeting.Id, due, meeting.Start, missed);
        }
    }
}
