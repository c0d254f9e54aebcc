using System.Globalization;
using System.Text;
using Humanizer;
using OutreachBot.Texts;

namespace OutreachBot.Visits;

/// <summary>
/// The reply texts of the visit feature, short enough for a phone: numbered lists, times in words ("3 天前").
/// The wording is in dialogs/visits.yaml.
/// </summary>
public sealed class VisitReplies(TextCatalog texts, TimeProvider clock)
{
    /// <summary>Lines of a list before "……还有 N 户".</summary>
    public const int MaxLines = 15;

    private const int MaxNamesInline = 10;
    private static readonly CultureInfo Chinese = new("zh-Hans");

    public string KindName(VisitKind kind) => texts[kind switch
    {
        VisitKind.HomeVisit => VisitTexts.KindHomeVisit,
        VisitKind.Relief => VisitTexts.KindRelief,
        VisitKind.FieldStay => VisitTexts.KindFieldStay,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    }];

    public string Explain(VisitRefusal refusal) => texts[refusal switch
    {
        VisitRefusal.NotACadre => VisitTexts.RefusedNotCadre,
        VisitRefusal.UnknownHousehold => VisitTexts.RefusedUnknownHousehold,
        VisitRefusal.NotPaired => VisitTexts.RefusedNotPaired,
        VisitRefusal.InFuture => VisitTexts.RefusedInFuture,
        VisitRefusal.NoteTooLong => VisitTexts.RefusedNoteTooLong,
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    }];

    /// <summary>"3 天前走访", "昨天走访", or "还没走访过".</summary>
    public string LastVisit(DateTimeOffset? at)
    {
        if (at is null)
        {
            return texts[VisitTexts.MyHouseholdsNeverVisited];
        }

        var now = clock.GetUtcNow();
        var ago = (at.Value > now ? now : at.Value).Humanize(now, Chinese);
        return texts.Format(VisitTexts.MyHouseholdsLastVisit, ("ago", ago));
    }

    /// <summary>我的联系户.</summary>
    public string MyHouseholds(CadreHouseholds list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.Households.Count == 0)
        {
            return texts[VisitTexts.MyHouseholdsNone];
        }

        var reply = new StringBuilder();
        var visited = list.Households.Count(h => h.VisitedThisMonth);
        reply.AppendLine(texts.Format(VisitTexts.MyHouseholdsHeader, ("name", list.CadreName), ("total", list.Households.Count), ("visited", visited)));
        var n = 0;
        foreach (var status in list.Households.Take(MaxLines))
        {
            reply.AppendLine(texts.Format(VisitTexts.MyHouseholdsLine,
                ("n", ++n), ("head", status.Household.HeadName), ("place", status.Household.Place), ("last", LastVisit(status.LastVisit))));
        }

        AppendMore(reply, list.Households.Count);
        var missing = list.NotVisitedThisMonth;
        reply.Append(missing.Count == 0
            ? texts[VisitTexts.MyHouseholdsAllVisited]
            : texts.Format(VisitTexts.MyHouseholdsNotVisited, ("count", missing.Count), ("list", Names(missing.Select(m => m.Household.HeadName)))));
        return reply.ToString();
    }

    /// <summary>本月走访.</summary>
    public string MonthSummary(MonthVisits month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var reply = new StringBuilder();
        if (month.Visits == 0)
        {
            reply.AppendLine(texts.Format(VisitTexts.MonthNone, ("name", month.CadreName), ("year", month.Month.Year), ("month", month.Month.Month)));
        }
        else
        {
            reply.AppendLine(texts.Format(VisitTexts.MonthHeader, ("name", month.CadreName), ("year", month.Month.Year), ("month", month.Month.Month), ("count", month.Visits)));
            reply.AppendLine(string.Join("、", month.ByKind.Where(k => k.Value > 0).Select(k => texts.Format(VisitTexts.MonthByKind, ("kind", KindName(k.Key)), ("count", k.Value)))));
            reply.AppendLine(texts.Format(VisitTexts.MonthCovered, ("covered", month.HouseholdsCovered), ("paired", month.PairedHouseholds)));
        }

        if (month.NotVisited.Count == 0)
        {
            reply.Append(month.PairedHouseholds == 0 ? "" : texts[VisitTexts.MonthAllVisited]);
            return reply.ToString().TrimEnd();
        }

        reply.AppendLine(texts.Format(VisitTexts.MonthNotVisited, ("count", month.NotVisited.Count)));
        var n = 0;
        foreach (var household in month.NotVisited.Take(MaxLines))
        {
            reply.AppendLine(texts.Format(VisitTexts.MonthNotVisitedLine, ("n", ++n), ("head", household.HeadName), ("place", household.Place)));
        }

        AppendMore(reply, month.NotVisited.Count);
        return reply.ToString().TrimEnd();
    }

    /// <summary>A numbered choice of households, or the "not found" answer; the reply to a number is the candidate at that place.</summary>
    public string Candidates(HouseholdSearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Candidates.Count == 0)
        {
            return texts.Format(VisitTexts.SearchNone, ("query", result.Query.Trim()));
        }

        var reply = new StringBuilder();
        reply.AppendLine(texts.Format(VisitTexts.SearchChoose, ("count", result.Candidates.Count)));
        var n = 0;
        foreach (var candidate in result.Candidates)
        {
            var line = texts.Format(VisitTexts.SearchCandidate, ("n", ++n), ("head", candidate.Household.HeadName), ("place", candidate.Household.Place));
            reply.AppendLine(candidate.PairedWithMe ? line : line + texts[VisitTexts.SearchNotMine]);
        }

        return reply.ToString().TrimEnd();
    }

    private void AppendMore(StringBuilder reply, int total)
    {
        if (total > MaxLines)
        {
            reply.AppendLine(texts.Format(VisitTexts.MyHouseholdsMore, ("count", total - MaxLines)));
        }
    }

    private static string Names(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= MaxNamesInline ? string.Join("、", all) : string.Join("、", all.Take(MaxNamesInline)) + " 等";
    }
}
