using System.Globalization;
using Cronos;
using OutreachBot.Time;

namespace OutreachBot.Meetings;

/// <summary>
/// When a village (or a township) holds its monthly joint meeting: a cron rule read in a time zone (Cronos, e.g.
/// <c>0 14 * * 5L</c>, the last Friday of each month at 14:00) and one-off changes to single meetings. The id is the
/// village's or township's roster id.
/// </summary>
public sealed class MeetingCalendar
{
    /// <summary>How far ahead <see cref="Next"/> looks: a rule with no meeting in a year is as good as none.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    private CronExpression? _cron;
    private TimeZoneInfo? _zone;

    public MeetingCalendar(string id, MeetingScope scope, string townshipId, string rule, string timeZone, string place)
    {
        Id = Require(id, "村或乡镇编号");
        Scope = scope;
        TownshipId = Require(townshipId, "乡镇编号");
        Place = Require(place, "开会地点");
        SetRule(rule, timeZone);
    }

    private MeetingCalendar()
    {
    }

    public string Id { get; private set; } = "";

    public MeetingScope Scope { get; private set; }

    public string TownshipId { get; private set; } = "";

    /// <summary>Five-field cron (minute hour day month weekday) as Cronos reads it: L, W and # are allowed.</summary>
    public string Rule { get; private set; } = "";

    /// <summary>An IANA zone id; the county's is Asia/Shanghai.</summary>
    public string TimeZone { get; private set; } = ChinaTime.ZoneId;

    /// <summary>Where the meetings usually are, e.g. 青岩村村委会会议室.</summary>
    public string Place { get; private set; } = "";

    public List<OccurrenceChange> Changes { get; private set; } = [];

    public TimeZoneInfo Zone => _zone ??= FindZone(TimeZone);

    private CronExpression Cron => _cron ??= CronExpression.Parse(Rule);

    public void SetRule(string rule, string timeZone)
    {
        var expression = ParseRule(rule);
        var zone = FindZone(string.IsNullOrWhiteSpace(timeZone) ? ChinaTime.ZoneId : timeZone.Trim());
        Rule = rule.Trim();
        TimeZone = zone.Id;
        _cron = expression;
        _zone = zone;
    }

    public void SetPlace(string place) => Place = Require(place, "开会地点");

    /// <summary>Meetings whose actual start is in [from, to), in time order; cancelled ones only when asked for.</summary>
    public IReadOnlyList<MeetingOccurrence> Between(DateTimeOffset from, DateTimeOffset to, bool includeCancelled = false)
    {
        var result = new List<MeetingOccurrence>();
        if (to <= from)
        {
            return result;
        }

        foreach (var start in Cron.GetOccurrences(from, to, Zone, fromInclusive: true, toInclusive: false))
        {
            var occurrence = Apply(KeyOf(start), start);
            if (occurrence.Status == OccurrenceStatus.Scheduled || (occurrence.IsCancelled && includeCancelled))
            {
                result.Add(occurrence);
            }
        }

        foreach (var moved in Changes.Where(c => c.Kind == ChangeKind.Moved && c.NewStart >= from && c.NewStart < to))
        {
            if (ScheduledStartOf(moved.OccurrenceKey) is { } scheduled)
            {
                result.Add(Apply(moved.OccurrenceKey, scheduled));
            }
        }

        return [.. result.OrderBy(o => o.Start).ThenBy(o => o.Key, StringComparer.Ordinal)];
    }

    /// <summary>The first meeting that starts at or after <paramref name="from"/> and is not cancelled.</summary>
    public MeetingOccurrence? Next(DateTimeOffset from) => Between(from, from + Horizon) is [var first, ..] ? first : null;

    /// <summary>The meeting the rule puts at this key (whatever changed since); null when the rule has none there.</summary>
    public MeetingOccurrence? Find(string key) => ScheduledStartOf(key) is { } scheduled ? Apply(key, scheduled) : null;

    public MeetingOccurrence Move(string key, DateTimeOffset newStart, string? newPlace, string by, DateTimeOffset at, string? reason = null)
    {
        RequireOccurrence(key);
        Replace(new OccurrenceChange(key, ChangeKind.Moved, newStart, newPlace, by, at, reason));
        return Find(key)!;
    }

    public MeetingOccurrence Cancel(string key, string by, DateTimeOffset at, string? reason = null)
    {
        RequireOccurrence(key);
        Replace(new OccurrenceChange(key, ChangeKind.Cancelled, null, null, by, at, reason));
        return Find(key)!;
    }

    /// <summary>Back to what the rule says; false when nothing had changed.</summary>
    public bool Restore(string key)
    {
        RequireOccurrence(key);
        return Changes.RemoveAll(c => c.OccurrenceKey == key) > 0;
    }

    public OccurrenceChange? ChangeOf(string key) => Changes.FirstOrDefault(c => c.OccurrenceKey == key);

    public string KeyOf(DateTimeOffset scheduledStart) =>
        TimeZoneInfo.ConvertTime(scheduledStart, Zone).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    public static CronExpression ParseRule(string rule)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            throw new MeetingRuleException("缺少开会规律（cron 表达式，例如每月最后一个周五 14 点：0 14 * * 5L）。");
        }

        try
        {
            return CronExpression.Parse(rule.Trim());
        }
        catch (CronFormatException e)
        {
            throw new MeetingRuleException($"开会规律“{rule.Trim()}”写得不对：{e.Message}");
        }
    }

    private static TimeZoneInfo FindZone(string id)
    {
        if (id == ChinaTime.ZoneId)
        {
            return ChinaTime.Zone;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new MeetingRuleException($"时区“{id}”不认识，请写 {ChinaTime.ZoneId}。");
        }
    }

    private static string Require(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new MeetingRuleException($"缺少{what}。") : value.Trim();

    private MeetingOccurrence Apply(string key, DateTimeOffset scheduled)
    {
        var change = ChangeOf(key);
        return change?.Kind switch
        {
            ChangeKind.Moved => new MeetingOccurrence(Id, key, scheduled, change.NewStart!.Value, change.NewPlace ?? Place, OccurrenceStatus.Moved),
            ChangeKind.Cancelled => new MeetingOccurrence(Id, key, scheduled, scheduled, Place, OccurrenceStatus.Cancelled),
            _ => new MeetingOccurrence(Id, key, scheduled, scheduled, Place, OccurrenceStatus.Scheduled),
        };
    }

    /// <summary>The instant a key names, if the rule really has a meeting then.</summary>
    private DateTimeOffset? ScheduledStartOf(string key)
    {
        if (!DateTime.TryParseExact(key, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var instant = new DateTimeOffset(local, Zone.GetUtcOffset(local));
        var produced = Cron.GetNextOccurrence(instant.AddMinutes(-1), Zone);
        return produced == instant ? instant : null;
    }

    private void RequireOccurrence(string key)
    {
        if (ScheduledStartOf(key) is null)
        {
            throw new MeetingRuleException($"没有 {key} 这次会议。");
        }
    }

    private void Replace(OccurrenceChange change)
    {
        Changes.RemoveAll(c => c.OccurrenceKey == change.OccurrenceKey);
        Changes.Add(change);
    }
}
