using OutreachBot.Texts;

namespace OutreachBot.Meetings;

[TextKeys]
public static class MeetingTexts
{
    public const string Name = "meetings.name";
    public const string Date = "meetings.date";
    public const string DateWithYear = "meetings.date_with_year";
    public const string When = "meetings.when";
    public const string Weekdays = "meetings.weekdays";
    public const string Started = "meetings.started";
    public const string TimeLine = "meetings.line.time";
    public const string PlaceLine = "meetings.line.place";
    public const string MovedLine = "meetings.line.moved";

    public const string Summary = "meetings.summary";
    public const string SummaryDetails = "meetings.summary.details";
    public const string SummaryNoneOpen = "meetings.summary.none_open";
    public const string SummaryOverdue = "meetings.summary.overdue";
    public const string SummaryReopened = "meetings.summary.reopened";
    public const string SummaryNotVisited = "meetings.summary.not_visited";
    public const string SummaryAllVisited = "meetings.summary.all_visited";

    public const string Item = "meetings.item";
    public const string ItemFull = "meetings.item.full";
    public const string NotAssigned = "meetings.item.not_assigned";
    public const string MarkOverdue = "meetings.item.mark_overdue";
    public const string MarkReopened = "meetings.item.mark_reopened";
    public const string ItemVillage = "meetings.item.village";
    public const string ItemUnit = "meetings.item.unit";
    public const string More = "meetings.more";
    public const string NotVisitedLine = "meetings.not_visited_line";
    public const string FullListHint = "meetings.full_list_hint";

    public const string ReminderHeader = "meetings.reminder.header";
    public const string ReminderUnreached = "meetings.reminder.unreached";
    public const string NotBound = "meetings.reminder.not_bound";
    public const string NoConversation = "meetings.reminder.no_conversation";
    public const string TemplateFirst = "meetings.template.first";
    public const string TemplateRemark = "meetings.template.remark";

    public const string NextHeader = "meetings.next.header";
    public const string NextOthers = "meetings.next.others";
    public const string NextOtherLine = "meetings.next.other_line";
    public const string NextNone = "meetings.next.none";

    public const string AgendaHeader = "meetings.agenda.header";
    public const string SectionOverdue = "meetings.agenda.section.overdue";
    public const string SectionReopened = "meetings.agenda.section.reopened";
    public const string SectionOpen = "meetings.agenda.section.open";
    public const string AgendaBook = "meetings.agenda.book";
    public const string AgendaNoneOpen = "meetings.agenda.none_open";
    public const string AgendaNotVisited = "meetings.agenda.not_visited";
    public const string AgendaHousehold = "meetings.agenda.household";
    public const string AgendaAllVisited = "meetings.agenda.all_visited";
    public const string AgendaMinutesHint = "meetings.agenda.minutes_hint";

    public const string RefusedResident = "meetings.refused.resident";
    public const string RefusedNoMeetings = "meetings.refused.no_meetings";
    public const string RefusedNotYours = "meetings.refused.not_yours";
    public const string RefusedMinutes = "meetings.refused.minutes";
    public const string RefusedUnknownMeeting = "meetings.refused.unknown_meeting";
    public const string RefusedInPast = "meetings.refused.in_past";
    public const string RefusedNotChanged = "meetings.refused.not_changed";

    public const string OptionVillage = "meetings.option.village";
    public const string OptionMeeting = "meetings.option.meeting";
    public const string OptionMoved = "meetings.option.moved";
    public const string OptionCancelled = "meetings.option.cancelled";
    public const string OptionRecorded = "meetings.option.recorded";

    public const string ChangeMoved = "meetings.change.moved";
    public const string ChangeCancelled = "meetings.change.cancelled";
    public const string ChangeRestored = "meetings.change.restored";

    public const string MinutesEntries = "meetings.minutes.entries";
    public const string MinutesNoEntries = "meetings.minutes.no_entries";
    public const string MinutesPicksBad = "meetings.minutes.picks_bad";
    public const string MinutesPicksOutOfRange = "meetings.minutes.picks_out_of_range";
    public const string MinutesCurrent = "meetings.minutes.current";
    public const string MinutesSummary = "meetings.minutes.summary";
    public const string MinutesSummaryLine = "meetings.minutes.summary_line";
    public const string MinutesSaved = "meetings.minutes.saved";
    public const string MinutesKeptOnly = "meetings.minutes.kept_only";
    public const string MinutesReplaced = "meetings.minutes.replaced";
    public const string MinutesNotSaved = "meetings.minutes.not_saved";
    public const string MinutesNoPastMeeting = "meetings.minutes.no_past_meeting";
    public const string AllWords = "meetings.minutes.all_words";

    public const string ReachHeader = "meetings.reach.header";
    public const string ReachSent = "meetings.reach.sent";
    public const string ReachUnreached = "meetings.reach.unreached";
    public const string ReachAllSent = "meetings.reach.all_sent";
    public const string ReachNotYet = "meetings.reach.not_yet";
}
