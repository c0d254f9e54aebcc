using System.Text.RegularExpressions;
using OutreachBot.Bench.Replay.Chat;
using OutreachBot.Bench.Replay.Year;
using OutreachBot.Ledger;

namespace OutreachBot.Bench.Replay.Scripts;

/// <summary>
/// The real dialogs (dialogs/*.yaml) played from the user's side: each answers whatever the bot asks, until the
/// bot confirms or the script gives up. What was confirmed goes into <see cref="Expectations"/>.
/// </summary>
public static partial class Scripted
{
    private const int MaxTurns = 40;

    [GeneratedRegex(@"您的编号是 (?<id>[A-Z]{2}\d{8}-\d{4,})（(?<book>[^）]+)）")]
    private static partial Regex RaisedPattern();

    [GeneratedRegex(@"编号 (?<id>[A-Z]{2}\d{8}-\d{4,})")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?<id>[A-Z]{2}\d{8}-\d{4,}) (已办结|已按)")]
    private static partial Regex ClosedPattern();

    /// <summary>记录走访 from start to the read-back and "对"; then, if asked, raising its problem.</summary>
    public static async Task LogVisitAsync(Talk t, VisitPlan plan, Expectations expected)
    {
        var metrics = t.User.Session.Metrics;
        var s = await t.SayAsync(plan.Trigger);
        s = await OutOfOtherDialogAsync(t, s, plan.Trigger, $"visit {plan.Token}", Screen.Household);
        var current = Screen.Unknown;
        for (var turn = 0; turn < MaxTurns; turn++)
        {
            (s, current) = Again(t, s, current, $"visit {plan.Token}");
            s = await t.InterjectAsync(s);
            (s, current) = Again(t, s, current, $"visit {plan.Token}");
            switch (s)
            {
                case Screen.WayOut:
                    s = await t.SayAsync("再试");
                    break;
                case Screen.Household or Screen.HouseholdRetry or Screen.Ambiguous:
                    var pick = PickHousehold(t.Text, plan);
                    if (pick.Text == plan.Household.HeadName && Talk.Options(t.Text).Count > 0)
                    {
                        metrics.Problem($"visit {plan.Token}: {plan.HouseholdLabel} not among {Talk.Options(t.Text).Count} households listed ({s}: {First(t.Text)}); typed the name{t.Trace}");
                    }

                    s = await t.SayAsync(pick);
                    break;
                case Screen.When:
                    s = await t.SayAsync(plan.When);
                    break;
                case Screen.DateFuture or Screen.DateRetry:
                    if (t.Interject is null)
                    {
                        metrics.Problem($"visit date \"{plan.When}\" not taken: {First(t.Text)}");
                    }

                    s = await t.SayAsync(t.Interject is null ? "刚才" : plan.When);
                    break;
                case Screen.VisitKind:
                    s = await t.SayAsync(plan.KindAnswer);
                    break;
                case Screen.VillageSituation:
                    s = await t.SayAsync(plan.VillageSituation ?? "跳过");
                    break;
                case Screen.HouseholdSituation:
                    s = await t.SayAsync(plan.HouseholdSituation);
                    break;
                case Screen.Hopes:
                    s = await t.SayAsync(plan.Hopes ?? "跳过");
                    break;
                case Screen.Problems:
                    s = await t.SayAsync(plan.Problems ?? "没有");
                    break;
                case Screen.PhotoVisit or Screen.ImageRetry:
                    s = await t.SayAsync(plan.PhotoUrl is { } url && s == Screen.PhotoVisit ? new Message(null, url) : "没有");
                    break;
                case Screen.ReviewVisit or Screen.ReviewRetry or Screen.ReviewWhich:
                    expected.Visits.TryAdd(plan.Token, new VisitRecord(plan.Token, plan.CadreId, plan.Household.Id, plan.Kind, Sent.Unconfirmed));
                    s = await t.SayAsync("对");
                    if (s is not (Screen.Logged or Screen.RaiseFromVisit) && t.Interject is null)
                    {
                        metrics.Problem($"visit {plan.Token}: 对 answered with {s} ({First(t.Text)})");
                    }

                    break;
                case Screen.Logged:
                    expected.Visits[plan.Token] = expected.Visits[plan.Token] with { Sent = Sent.Confirmed };
                    if (plan.Problems is null)
                    {
                        return;
                    }

                    s = await t.QuestionAsync();
                    if (s == Screen.Logged)
                    {
                        metrics.Problem($"visit {plan.Token}: no question about raising its problem{t.Trace}");
                        return;
                    }

                    break;
                case Screen.RaiseFromVisit:
                    if (expected.Visits.TryGetValue(plan.Token, out var visit) && visit.Sent != Sent.Confirmed && t.Texts.Any(x => Screens.Of(x) == Screen.Logged))
                    {
                        expected.Visits[plan.Token] = visit with { Sent = Sent.Confirmed };
                    }

                    s = await t.SayAsync(plan.Raise is null ? "不用" : "要");
                    if (plan.Raise is null)
                    {
                        return;
                    }

                    await RaiseStepsAsync(t, plan.Raise, s, expected);
                    return;
                case Screen.NotRaised:
                    if (plan.Raise is not null)
                    {
                        metrics.Problem($"visit {plan.Token}: its problem was not raised ({First(t.Text)}){t.Trace}");
                    }

                    return;
                case Screen.Kind or Screen.KindRetry or Screen.Description or Screen.PhotoRaise or Screen.Location or Screen.Phone or Screen.ReviewRaise when plan.Raise is not null:
                    await RaiseStepsAsync(t, plan.Raise, s, expected);
                    return;
                default:
                    await GiveUpAsync(t, $"visit {plan.Token}", s);
                    return;
            }
        }

        await GiveUpAsync(t, $"visit {plan.Token} (too many turns)", s);
    }

    /// <summary>我要反映 from its trigger (optionally asking a policy question at the first step) to the tracking number.</summary>
    public static async Task<string?> RaiseAsync(Talk t, RaisePlan plan, Expectations expected)
    {
        var s = await t.SayAsync(plan.Trigger);
        s = await OutOfOtherDialogAsync(t, s, plan.Trigger, $"raise {plan.Token}", Screen.Kind);
        if (plan.PolicyFirst is { } question && s == Screen.Kind)
        {
            // A policy question typed instead of an answer: answered, then the question is asked again (on WeChat
            // the answer is the passive reply and the question comes after it through the API).
            s = await t.SayAsync(question);
            for (var wait = 0; wait < 3 && s != Screen.Kind && await t.MoreAsync() != Screen.Unknown; wait++)
            {
                s = t.Screen;
            }

            s = t.Screen;
        }

        return await RaiseStepsAsync(t, plan, s, expected);
    }

    private static async Task<string?> RaiseStepsAsync(Talk t, RaisePlan plan, Screen s, Expectations expected)
    {
        var metrics = t.User.Session.Metrics;
        var current = Screen.Unknown;
        for (var turn = 0; turn < MaxTurns; turn++)
        {
            (s, current) = Again(t, s, current, $"raise {plan.Token}");
            s = await t.InterjectAsync(s);
            (s, current) = Again(t, s, current, $"raise {plan.Token}");
            switch (s)
            {
                case Screen.WayOut:
                    s = await t.SayAsync("再试");
                    break;
                case Screen.Kind or Screen.KindRetry:
                    s = await t.SayAsync(s == Screen.Kind ? plan.KindAnswer : plan.Kind);
                    break;
                case Screen.Description or Screen.DescriptionRetry:
                    s = await t.SayAsync(plan.Description);
                    break;
                case Screen.PhotoRaise:
                    s = await t.SayAsync(plan.PhotoUrl is { } url ? new Message(null, url) : "跳过");
                    break;
                case Screen.ImageRetry:
                    s = await t.SayAsync("跳过");
                    break;
                case Screen.Location or Screen.LocationRetry:
                    s = await t.SayAsync(plan.Location ?? "跳过");
                    break;
                case Screen.Village or Screen.VillageRetry:
                    s = await t.SayAsync(plan.Village.Name);
                    break;
                case Screen.Ambiguous:
                    var match = Talk.Options(t.Text).Where(o => o.Label.StartsWith(plan.Village.Name + "（", StringComparison.Ordinal)).ToList();
                    s = await t.SayAsync(match.Count == 1 ? match[0].Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : plan.Village.Name);
                    break;
                case Screen.Phone or Screen.PhoneRetry:
                    s = await t.SayAsync(plan.Phone ?? "跳过");
                    break;
                case Screen.ReviewRaise or Screen.ReviewRetry or Screen.ReviewWhich:
                    if (s == Screen.ReviewRaise && !t.Text.Contains(plan.Village.Name, StringComparison.Ordinal))
                    {
                        metrics.Problem($"raise {plan.Token}: read-back does not name {plan.Village.Name}");
                    }

                    expected.Raises.TryAdd(plan.Token, null);
                    s = await t.SayAsync("对");
                    if (s != Screen.Raised && t.Interject is null)
                    {
                        metrics.Problem($"raise {plan.Token}: 对 answered with {s} ({First(t.Text)})");
                    }

                    break;
                case Screen.Raised:
                    var found = RaisedPattern().Match(t.Text);
                    if (!found.Success)
                    {
                        metrics.Problem($"raise {plan.Token}: no tracking number in \"{First(t.Text)}\"");
                        return null;
                    }

                    var id = found.Groups["id"].Value;
                    var book = BookOf(found.Groups["book"].Value);
                    var wanted = plan.Kind == "矛盾纠纷" ? LedgerBook.Stability : plan.InDifficulty ? LedgerBook.HouseholdsInDifficulty : LedgerBook.LivelihoodRequests;
                    if (book != wanted)
                    {
                        metrics.Problem($"raise {plan.Token}: went into {book}, expected {wanted}");
                    }

                    if (!expected.Raises.ContainsKey(plan.Token))
                    {
                        metrics.Problem($"raise {plan.Token}: raised without a read-back");
                    }

                    expected.Raises[plan.Token] = id;
                    if (!expected.Entries.TryAdd(id, new EntryRecord(id, plan.Token, book, plan.Kind, plan.Village.Id, t.User.UserId, t.User.Channel)))
                    {
                        metrics.Problem($"raise {plan.Token}: tracking number {id} given twice");
                    }

                    return id;
                case Screen.Refused:
                    metrics.Problem($"raise {plan.Token} refused: {First(t.Text)}");
                    return null;
                default:
                    await GiveUpAsync(t, $"raise {plan.Token}", s);
                    return null;
            }
        }

        await GiveUpAsync(t, $"raise {plan.Token} (too many turns)", s);
        return null;
    }

    /// <summary>
    /// A dialog's first message answered as if the user were still in another dialog (a question left open by an
    /// earlier job): noted, 取消, and the first message again.
    /// </summary>
    private static async Task<Screen> OutOfOtherDialogAsync(Talk t, Screen s, string trigger, string what, Screen first)
    {
        if (s == first || t.Interject is not null || !s.IsQuestion() || s is Screen.Menu or Screen.NoOptions or Screen.NotAllowed)
        {
            return s;
        }

        t.User.Session.Metrics.Problem($"{what}: \"{trigger}\" answered inside another dialog ({s}: {First(t.Text)}){t.Trace}");
        await t.SayAsync("取消");
        return await t.SayAsync(trigger);
    }

    /// <summary>
    /// A retry, a help text or a resumed question asks the current question again: answer that. The question
    /// screens themselves become the current one. Outside the bad-input drill a retry means the replay's answer was
    /// not understood, which is worth knowing.
    /// </summary>
    private static (Screen Screen, Screen Current) Again(Talk t, Screen s, Screen current, string what)
    {
        if (s is Screen.ChoiceRetry or Screen.TextTooShort or Screen.TextTooLong or Screen.ConfirmRetry or Screen.Help or Screen.Resume or Screen.AtFirstStep && current != Screen.Unknown)
        {
            if (t.Interject is null)
            {
                t.User.Session.Metrics.Problem($"{what}: {s} at {current}: {First(t.Text)}");
            }

            return (current, current);
        }

        return s.IsQuestion() && s is not (Screen.WayOut or Screen.Failed or Screen.NotUnderstood or Screen.Menu) ? (s, s) : (s, current);
    }

    /// <summary>对账销号 of one entry, picked from the list by its number or typed as its tracking number.</summary>
    public static async Task<bool> CloseOutAsync(Talk t, CloseTarget target, Expectations expected, bool byNumber)
    {
        var metrics = t.User.Session.Metrics;
        var s = await t.SayAsync(byNumber ? "对账销号" : "销号");
        var picked = false;
        for (var turn = 0; turn < 20; turn++)
        {
            switch (s)
            {
                case Screen.Entry:
                    var listed = Talk.Options(t.Text).Where(o => o.Label.StartsWith(target.EntryId + " ", StringComparison.Ordinal)).ToList();
                    if (listed.Count == 0)
                    {
                        // Not among the first 20 listed: the question says a number may be sent instead.
                        metrics.Count("close-outs of an entry not listed, by its typed number");
                    }

                    picked = true;
                    s = await t.SayAsync(byNumber && listed.Count == 1 ? listed[0].Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : target.EntryId);
                    break;
                case Screen.ChoiceRetry or Screen.WayOut when picked:
                    metrics.Problem($"close-out: {target.EntryId} not accepted by {t.User.UserId}: {First(t.Text)}");
                    await t.SayAsync("取消");
                    return false;
                case Screen.Outcome:
                    s = await t.SayAsync(target.Resolved ? (byNumber ? "1" : "解决了") : (byNumber ? "2" : "解决不了"));
                    break;
                case Screen.Done or Screen.Reason or Screen.TextTooShort:
                    s = await t.SayAsync(target.Text);
                    break;
                case Screen.ReviewClose:
                    expected.CloseOuts[target.Token] = (target.EntryId, Sent.Unconfirmed);
                    expected.Update(target.EntryId, e => e.Uncertain = true);
                    s = await t.SayAsync("对");
                    if (s != Screen.Closed && t.Seen(Screen.Closed))
                    {
                        // The closer is also the reporter: the follow-up notice came in the same turn.
                        s = Screen.Closed;
                    }
                    else if (s != Screen.Closed)
                    {
                        metrics.Problem($"close-out {target.Token}: 对 answered with {s} ({First(t.Text)})");
                    }

                    break;
                case Screen.Closed:
                    var closedText = t.Texts.LastOrDefault(x => Screens.Of(x) == Screen.Closed) ?? t.Text;
                    var closed = ClosedPattern().Match(closedText);
                    if (!closed.Success || closed.Groups["id"].Value != target.EntryId)
                    {
                        metrics.Problem($"close-out {target.Token}: confirmation names another entry: {First(closedText)}");
                        return false;
                    }

                    var reached = closedText.Contains("已经把结果告诉反映人了", StringComparison.Ordinal);
                    expected.Told(reached);
                    expected.CloseOuts[target.Token] = (target.EntryId, Sent.Confirmed);
                    expected.Update(target.EntryId, e =>
                    {
                        e.Status = target.Resolved ? EntryStatus.Resolved : EntryStatus.ClosedUnresolved;
                        e.CloseOuts++;
                        e.CloseTokens.Add(target.Token);
                        e.Uncertain = false;
                    });
                    return true;
                case Screen.Refused:
                    metrics.Problem($"close-out {target.Token} refused: {First(t.Text)}");
                    return false;
                default:
                    await GiveUpAsync(t, $"close-out {target.Token}", s);
                    return false;
            }
        }

        await GiveUpAsync(t, $"close-out {target.Token} (too many turns)", s);
        return false;
    }

    /// <summary>
    /// A reporter's answers to the follow-up questions sent after close-out: the first answers (or dismisses) the
    /// question the bot started; the others go through 评价.
    /// </summary>
    public static async Task FollowUpAsync(Talk t, IReadOnlyList<Rating> ratings, int notices, Expectations expected)
    {
        var metrics = t.User.Session.Metrics;

        // The notices were sent while the reporter was idle: one per entry closed, the first with its question (or,
        // when the reporter was the closer and busy in the close-out, a note to rate it later with 评价).
        // A closer who is also the reporter saw the notice in the close-out's own replies; it counts as received.
        var seen = t.User.TakeUnread();
        int Received() => t.User.FollowUpNotices - t.User.FollowUpNoticesCounted;
        for (var wait = 0; wait < 3 && Received() < notices; wait++)
        {
            seen.AddRange(await t.User.MoreAsync(Received() == 0 ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(5)));
        }

        var received = Received();
        t.User.FollowUpNoticesCounted = t.User.FollowUpNotices;

        if (received < notices)
        {
            metrics.Problem($"follow-up: {t.User.UserId} ({t.User.Channel}) received {received} of {notices} follow-up notices");
        }

        var asked = seen.Any(x => Screens.Of(x) == Screen.Satisfaction);
        for (var i = 0; i < ratings.Count; i++)
        {
            var rating = ratings[i];
            Screen s;
            if (i == 0 && rating.Mode == FollowUpMode.Direct && asked)
            {
                s = await t.SayAsync(rating.Answer);
            }
            else if (i == 0 && asked)
            {
                s = await t.SayAsync("取消");
                if (s != Screen.Cancelled)
                {
                    metrics.Problem($"follow-up: 取消 answered with {s}");
                }

                if (rating.Mode == FollowUpMode.Never)
                {
                    continue;
                }

                s = await t.SayAsync("评价");
                s = await RateAsync(t, s, rating);
            }
            else if (rating.Mode == FollowUpMode.Never)
            {
                continue;
            }
            else
            {
                s = await t.SayAsync("评价");
                s = await RateAsync(t, s, rating);
            }

            if (s == Screen.SatisfactionReason)
            {
                s = await t.SayAsync(rating.Reason ?? "还是没有解决");
            }

            var number = NumberPattern().Match(t.Text);
            switch (s)
            {
                case Screen.Thanks or Screen.Reopened when number.Success:
                    var id = number.Groups["id"].Value;
                    expected.Update(id, e =>
                    {
                        e.Status = s == Screen.Thanks ? EntryStatus.Closed : EntryStatus.InProgress;
                        e.Satisfaction = rating.Satisfaction;
                        e.Ratings++;
                    });
                    if (!expected.Entries.ContainsKey(id))
                    {
                        metrics.Problem($"follow-up rated {id}, which the replay never raised");
                    }

                    break;
                case Screen.NothingToRate:
                    metrics.Problem($"follow-up: {t.User.UserId} had nothing to rate");
                    return;
                default:
                    await GiveUpAsync(t, "follow-up", s);
                    return;
            }
        }
    }

    private static async Task<Screen> RateAsync(Talk t, Screen s, Rating rating)
    {
        if (s == Screen.RateWhich)
        {
            s = await t.SayAsync("1");
        }

        return s == Screen.Satisfaction ? await t.SayAsync(rating.Answer) : s;
    }

    /// <summary>A policy question; sometimes the first of the two follow-up sections; a declined one is let go.</summary>
    public static async Task PolicyAsync(Talk t, string question, bool more)
    {
        var s = await t.SayAsync(question);
        switch (s)
        {
            case Screen.PolicyMore when more:
                s = await t.SayAsync("1");
                if (s is not (Screen.Policy or Screen.PolicyMore))
                {
                    t.User.Session.Metrics.Problem($"policy follow-up 1 answered with {s}");
                }

                break;
            case Screen.PolicyDeclined:
                s = await t.SayAsync("2");
                if (s != Screen.NoThanks)
                {
                    t.User.Session.Metrics.Problem($"declined policy question, 2 answered with {s}");
                }

                break;
            case Screen.Policy or Screen.PolicyMore or Screen.NotUnderstood:
                break;
            case Screen.Kind or Screen.Description or Screen.Household or Screen.Entry or Screen.Satisfaction:
                // The question holds a dialog's words ("…求助…"), so the dialog starts; this asker only wanted to know.
                t.User.Session.Metrics.Count("policy questions that started a dialog (then 取消)");
                await t.SayAsync("取消");
                break;
            default:
                t.User.Session.Metrics.Problem($"policy question answered with {s}: {First(t.Text)}");
                break;
        }
    }

    /// <summary>A one-message command (查进度, 我的联系户, 本月走访, a tracking number) and the screen it must show.</summary>
    public static async Task QueryAsync(Talk t, string text, params Screen[] wanted)
    {
        var s = await t.SayAsync(text);
        if (!wanted.Contains(s))
        {
            t.User.Session.Metrics.Problem($"\"{text}\" answered with {s}: {First(t.Text)}");
        }
    }

    public static async Task<bool> BindAsync(Talk t, string code)
    {
        var s = await t.SayAsync("绑定 " + code);
        if (s != Screen.Bound)
        {
            t.User.Session.Metrics.Problem($"绑定 answered with {s}: {First(t.Text)}");
        }

        return s == Screen.Bound;
    }

    /// <summary>Leaves a dialog that went somewhere the script does not know, so the user is not left in it.</summary>
    public static async Task GiveUpAsync(Talk t, string what, Screen s)
    {
        t.User.Session.Metrics.Problem($"{what}: unexpected {s} from the bot: {First(t.Text)}{t.Trace}");
        if (s.IsQuestion() || s == Screen.Unknown)
        {
            await t.SayAsync("取消");
        }
    }

    public static LedgerBook BookOf(string chinese) => chinese switch
    {
        "民生诉求" => LedgerBook.LivelihoodRequests,
        "困难群众" => LedgerBook.HouseholdsInDifficulty,
        "稳定工作" => LedgerBook.Stability,
        _ => throw new FormatException("unknown ledger " + chinese),
    };

    private static Message PickHousehold(string question, VisitPlan plan)
    {
        var options = Talk.Options(question);
        var matches = options.Where(o => o.Label == plan.HouseholdLabel).ToList();
        return matches.Count > 0 ? matches[0].Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : plan.Household.HeadName;
    }

    public static string First(string text) => text.Split('\n')[0] is { Length: > 60 } line ? line[..60] + "…" : text.Split('\n')[0];
}
