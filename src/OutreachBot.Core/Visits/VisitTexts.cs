using OutreachBot.Texts;

namespace OutreachBot.Visits;

[TextKeys]
public static class VisitTexts
{
    public const string KindHomeVisit = "visits.kind.home_visit";
    public const string KindRelief = "visits.kind.relief";
    public const string KindFieldStay = "visits.kind.field_stay";

    public const string NoteVillageSituation = "visits.note.village_situation";
    public const string NoteHouseholdSituation = "visits.note.household_situation";
    public const string NoteHopes = "visits.note.hopes";
    public const string NoteProblems = "visits.note.problems";

    public const string MyHouseholdsHeader = "visits.my_households.header";
    public const string MyHouseholdsLine = "visits.my_households.line";
    public const string MyHouseholdsLastVisit = "visits.my_households.last_visit";
    public const string MyHouseholdsNeverVisited = "visits.my_households.never_visited";
    public const string MyHouseholdsMore = "visits.my_households.more";
    public const string MyHouseholdsNotVisited = "visits.my_households.not_visited";
    public const string MyHouseholdsAllVisited = "visits.my_households.all_visited";
    public const string MyHouseholdsNone = "visits.my_households.none";

    public const string MonthHeader = "visits.month.header";
    public const string MonthByKind = "visits.month.by_kind";
    public const string MonthCovered = "visits.month.covered";
    public const string MonthNotVisited = "visits.month.not_visited";
    public const string MonthNotVisitedLine = "visits.month.not_visited_line";
    public const string MonthAllVisited = "visits.month.all_visited";
    public const string MonthNone = "visits.month.none";

    public const string SearchChoose = "visits.search.choose";
    public const string SearchCandidate = "visits.search.candidate";
    public const string SearchNotMine = "visits.search.not_mine";
    public const string SearchNone = "visits.search.none";

    public const string RefusedNotCadre = "visits.refused.not_cadre";
    public const string RefusedUnknownHousehold = "visits.refused.unknown_household";
    public const string RefusedNotPaired = "visits.refused.not_paired";
    public const string RefusedInFuture = "visits.refused.in_future";
    public const string RefusedNoteTooLong = "visits.refused.note_too_long";

    public const string Logged = "visits.logged";
    public const string NotRaised = "visits.not_raised";
}
