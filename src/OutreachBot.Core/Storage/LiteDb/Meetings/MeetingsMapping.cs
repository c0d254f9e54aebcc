using System.Runtime.CompilerServices;
using LiteDB;
using OutreachBot.Meetings;

namespace OutreachBot.Storage.LiteDb.Meetings;

/// <summary>
/// How the meeting types map to documents, kept out of the domain types. The documents are the ones the attributes
/// used to produce (a calendar's time zone is stored by its id only; <see cref="MeetingCalendar.Zone"/> is derived).
/// </summary>
internal static class MeetingsMapping
{
    private static readonly ConditionalWeakTable<BsonMapper, object> Mapped = [];
    private static readonly Lock Gate = new();

    /// <summary>Maps once per mapper, before any store of the feature reads: EntityBuilder.Ignore throws the second time.</summary>
    public static void Apply(BsonMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        lock (Gate)
        {
            if (Mapped.TryGetValue(mapper, out _))
            {
                return;
            }

            mapper.Entity<MeetingCalendar>().Ignore(c => c.Zone);
            mapper.WarmUp(typeof(MeetingCalendar), typeof(OccurrenceChange), typeof(MeetingMinutes), typeof(MinutesItem), typeof(ReminderRecord));
            Mapped.Add(mapper, new object());
        }
    }
}
