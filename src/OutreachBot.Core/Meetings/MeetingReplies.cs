using System.Globalization;
using Humanizer;
using OutreachBot.Conversations;
using OutreachBot.Ledger;
using OutreachBot.Texts;

namespace OutreachBot.Meetings;

/// <summary>
/// What the meeting feature says, short enough for a phone: the meeting block (time, place), the agenda summary and
/// its first lines, the full agenda, and the reminder with its WeChat template fields. Wording is in dialogs/meetings.yaml.
/// </summary>
public sealed class MeetingReplies(TextCatalog texts)
{
    /// <summary>Names listed inline before "等".</summary>
    public const int MaxNames = 10;

    private const int ShortText = 20;
    private const int FullText = 60;
    private static readonly CultureInfo Chinese = new("zh-Hans");

    public TextCatalog Texts => texts;

    public string MeetingName(string place) => texts.Format(MeetingTexts.Name, ("place", place));

    /// <summary>"11月27日（周五）14:00", with the year when it is not this year's.</summary>
    public string When(DateTimeOffset instant, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var date = local.Year == TimeZoneInfo.ConvertTime(now, zone).Year
            ? texts.Format(MeetingTexts.Date, ("month", local.Month), ("day", local.Day))
            : texts.Format(MeetingTexts.DateWithYear, ("year", local.Year), ("month", local.Month), ("day", local.Day));
        var weekday = texts.WordList(MeetingTexts.Weekdays)[(int)local.DayOfWeek];
        return texts.Format(MeetingTexts.When, ("date", date), ("weekday", weekday), ("time", local.ToString("HH:mm", CultureInfo.InvariantCulture)));
    }

    /// <summary>"4 小时后", "明天", "3 天后"; "已经开始" once it has begun.</summary>
    public string Relative(DateTimeOffset start, DateTimeOffset now) => start <= now ? texts[MeetingTexts.Started] : start.Humanize(now, Chinese);

    /// <summary>The time and place lines, and where it was first planned when it was moved.</summary>
    public IEnumerable<string> MeetingLines(Agenda agenda, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var meeting = agenda.Meeting;
        yield return texts.Format(MeetingTexts.TimeLine, ("when", When(meeting.Start, zone, now)), ("relative", Relative(meeting.Start, now)));
        yield return texts.Format(MeetingTexts.PlaceLine, ("place", meeting.Place));
        if (meeting.IsMoved)
        {
            yield return texts.Format(MeetingTexts.MovedLine, ("original", When(meeting.ScheduledStart, zone, now)));
        }
    }

    /// <summary>"议程：未办结 5 条，其中超期 2 条、不满意退回 1 条；本月还没走访 3 户。"</summary>
    public string Summary(Agenda agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var visits = agenda.NotVisited.Count == 0
            ? texts[MeetingTexts.SummaryAllVisited]
            : texts.Format(MeetingTexts.SummaryNotVisited, ("count", agenda.NotVisited.Count));
        if (agenda.Items.Count == 0)
        {
            return texts.Format(MeetingTexts.SummaryNoneOpen, ("visits", visits));
        }

        var parts = new List<string>();
        if (agenda.Count(AgendaSection.Overdue) is > 0 and var overdue)
        {
            parts.Add(texts.Format(MeetingTexts.SummaryOverdue, ("count", overdue)));
        }

        if (agenda.Count(AgendaSection.Reopened) is > 0 and var reopened)
        {
            parts.Add(texts.Format(MeetingTexts.SummaryReopened, ("count", reopened)));
        }

        var details = parts.Count == 0 ? "" : texts.Format(MeetingTexts.SummaryDetails, ("parts", string.Join("、", parts)));
        return texts.Format(MeetingTexts.Summary, ("open", agenda.Items.Count), ("details", details), ("visits", visits));
    }

    /// <summary>The summary, the first <paramref name="lines"/> entries, "……还有 N 条", the households not visited, and the hint.</summary>
    public IEnumerable<string> ShortAgenda(Agenda agenda, int lines)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        yield return Summary(agenda);
        var n = 0;
        foreach (var item in agenda.Items.Take(lines))
        {
            yield return ItemLine(++n, item, agenda.ManyVillages);
        }

        if (agenda.Items.Count > lines)
        {
            yield return texts.Format(MeetingTexts.More, ("count", agenda.Items.Count - lines));
        }

        if (agenda.NotVisited.Count > 0)
        {
            yield return texts.Format(MeetingTexts.NotVisitedLine, ("names", Names(agenda.NotVisited.Select(h => h.HeadName))));
        }

        yield return texts[MeetingTexts.FullListHint];
    }

    /// <summary>A short line: "1. 【超期】民生诉求·饮水：三组的自来水停了三天了（42 天前登记，交办 县水务局）".</summary>
    public string ItemLine(int n, AgendaItem item, bool withVillage)
    {
        ArgumentNullException.ThrowIfNull(item);
        var mark = item.Section switch
        {
            AgendaSection.Overdue => texts[MeetingTexts.MarkOverdue],
            AgendaSection.Reopened => texts[MeetingTexts.MarkReopened],
            _ => "",
        };
        var unit = item.AssignedUnit is { Length: > 0 } assigned ? texts.Format(MeetingTexts.ItemUnit, ("unit", assigned)) : "";
        return texts.Format(MeetingTexts.Item, ("n", n), ("mark", mark), ("village", Village(item, withVillage)), ("book", item.Book.ChineseName()),
            ("kind", item.Kind), ("text", Cut(item.Description, ShortText)), ("age", Age(item.Age)), ("unit", unit));
    }

    /// <summary>会议议程: every open entry with its tracking number, by section, and every household not visited.</summary>
    public string FullAgenda(Agenda agenda, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var lines = new List<string> { texts.Format(MeetingTexts.AgendaHeader, ("meeting", MeetingName(agenda.Title))) };
        lines.AddRange(MeetingLines(agenda, zone, now));
        var n = 0;
        if (agenda.Items.Count == 0)
        {
            lines.Add(texts[MeetingTexts.AgendaNoneOpen]);
        }

        foreach (var (section, heading) in new[] { (AgendaSection.Overdue, MeetingTexts.SectionOverdue), (AgendaSection.Reopened, MeetingTexts.SectionReopened), (AgendaSection.Open, MeetingTexts.SectionOpen) })
        {
            var items = agenda.In(section);
            if (items.Count == 0)
            {
                continue;
            }

            lines.Add(texts.Format(heading, ("count", items.Count)));
            LedgerBook? book = null;
            foreach (var item in items)
            {
                if (section == AgendaSection.Open && item.Book != book)
                {
                    book = item.Book;
                    lines.Add(texts.Format(MeetingTexts.AgendaBook, ("book", item.Book.ChineseName())));
                }

                lines.Add(FullLine(++n, item, agenda.ManyVillages));
            }
        }

        lines.Add(agenda.NotVisited.Count == 0
            ? texts[MeetingTexts.AgendaAllVisited]
            : texts.Format(MeetingTexts.AgendaNotVisited, ("count", agenda.NotVisited.Count),
                ("names", string.Join("、", agenda.NotVisited.Select(h => texts.Format(MeetingTexts.AgendaHousehold, ("head", h.HeadName),
                    ("place", agenda.ManyVillages ? h.Place : h.Group ?? h.VillageName)))))));
        lines.Add(texts[MeetingTexts.AgendaMinutesHint]);
        return string.Join('\n', lines);
    }

    /// <summary>
    /// The reminder: the meeting, its agenda in short, and for staff who could not be reached. The template fields
    /// (first, keyword1 会议, keyword2 时间, keyword3 地点, remark) are what a WeChat user gets outside the 48-hour window.
    /// </summary>
    public Notice Reminder(Agenda agenda, TimeZoneInfo zone, DateTimeOffset now, int lines, string template, IReadOnlyList<ReminderRecord>? unreached = null)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var name = MeetingName(agenda.Title);
        var text = new List<string> { texts.Format(MeetingTexts.ReminderHeader, ("meeting", name)) };
        text.AddRange(MeetingLines(agenda, zone, now));
        text.AddRange(ShortAgenda(agenda, lines));
        if (unreached is { Count: > 0 })
        {
            text.Add(Unreached(unreached));
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["first"] = texts.Format(MeetingTexts.TemplateFirst, ("meeting", name)),
            ["keyword1"] = name,
            ["keyword2"] = When(agenda.Meeting.Start, zone, now),
            ["keyword3"] = agenda.Meeting.Place,
            ["remark"] = texts.Format(MeetingTexts.TemplateRemark, ("summary", Summary(agenda))),
        };
        return new Notice(string.Join('\n', text), template, fields);
    }

    /// <summary>"还联系不上的 2 人：陈浩（没绑定）、谢开明（没发过消息）。…"</summary>
    public string Unreached(IReadOnlyList<ReminderRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return texts.Format(MeetingTexts.ReminderUnreached, ("count", records.Count), ("names", Names(records.Select(Who))));
    }

    public string Who(ReminderRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return texts.Format(record.Outcome == ReminderOutcome.NotBound ? MeetingTexts.NotBound : MeetingTexts.NoConversation, ("name", record.PersonName));
    }

    public string Explain(MeetingRefusal refusal) => texts[refusal switch
    {
        MeetingRefusal.NotCadreOrStaff => MeetingTexts.RefusedResident,
        MeetingRefusal.NoMeetings => MeetingTexts.RefusedNoMeetings,
        MeetingRefusal.NotYours => MeetingTexts.RefusedNotYours,
        MeetingRefusal.MinutesNotAllowed => MeetingTexts.RefusedMinutes,
        MeetingRefusal.UnknownMeeting => MeetingTexts.RefusedUnknownMeeting,
        MeetingRefusal.InPast => MeetingTexts.RefusedInPast,
        MeetingRefusal.NotChanged => MeetingTexts.RefusedNotChanged,
        MeetingRefusal.NotHeldYet => MeetingTexts.MinutesNoPastMeeting,
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    }];

    /// <summary>下次会议: the soonest meeting with its agenda in short, then the others coming.</summary>
    public string NextMeeting(IReadOnlyList<UpcomingMeeting> upcoming, Agenda agenda, DateTimeOffset now, int lines)
    {
        ArgumentNullException.ThrowIfNull(upcoming);
        ArgumentNullException.ThrowIfNull(agenda);
        if (upcoming.Count == 0)
        {
            return texts[MeetingTexts.NextNone];
        }

        var first = upcoming[0];
        var text = new List<string> { texts.Format(MeetingTexts.NextHeader, ("meeting", MeetingName(first.PlaceName))) };
        text.AddRange(MeetingLines(agenda, first.Calendar.Zone, now));
        text.AddRange(ShortAgenda(agenda, lines));
        if (upcoming.Count > 1)
        {
            text.Add(texts[MeetingTexts.NextOthers]);
            text.AddRange(upcoming.Skip(1).Select(m => texts.Format(MeetingTexts.NextOtherLine, ("place", m.PlaceName), ("when", When(m.Meeting.Start, m.Calendar.Zone, now)))));
        }

        return string.Join('\n', text);
    }

    /// <summary>How a meeting is offered in a choice: its time, and whether it was moved or cancelled.</summary>
    public string MeetingOption(MeetingOccurrence meeting, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var when = When(meeting.Start, zone, now);
        return meeting.Status switch
        {
            OccurrenceStatus.Moved => texts.Format(MeetingTexts.OptionMoved, ("when", when), ("original", When(meeting.ScheduledStart, zone, now))),
            OccurrenceStatus.Cancelled => texts.Format(MeetingTexts.OptionCancelled, ("when", when)),
            _ => texts.Format(MeetingTexts.OptionMeeting, ("when", when)),
        };
    }

    public static string Names(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= MaxNames ? string.Join("、", all) : string.Join("、", all.Take(MaxNames)) + " 等";
    }

    /// <summary>The first line of a text, cut to a length a phone line holds.</summary>
    public static string Cut(string text, int length)
    {
        var line = (text ?? "").Trim().Split('\n')[0].Trim();
        var info = new StringInfo(line);
        return info.LengthInTextElements <= length ? line : info.SubstringByTextElements(0, length).TrimEnd('，', '。', '、', '；', '：', ',', '.', ';', ':', ' ') + "…";
    }

    private string FullLine(int n, AgendaItem item, bool withVillage)
    {
        var status = item.Status == EntryStatus.Registered ? texts[MeetingTexts.NotAssigned]
            : item.AssignedUnit is { Length: > 0 } unit ? item.Status.ChineseName() + " " + unit
            : item.Status.ChineseName();
        return texts.Format(MeetingTexts.ItemFull, ("n", n), ("id", item.EntryId), ("village", Village(item, withVillage)), ("book", item.Book.ChineseName()),
            ("kind", item.Kind), ("text", Cut(item.Description, FullText)), ("age", Age(item.Age)), ("status", status));
    }

    private string Village(AgendaItem item, bool withVillage) => withVillage ? texts.Format(MeetingTexts.ItemVillage, ("village", item.VillageName)) : "";

    private static string Age(TimeSpan age) => age.Humanize(1, Chinese, maxUnit: Humanizer.TimeUnit.Day, minUnit: Humanizer.TimeUnit.Minute);
}
