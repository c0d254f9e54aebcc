using System.Text.RegularExpressions;
using OutreachBot.Bench.Replay.Chat;
using OutreachBot.Bench.Replay.Fakes;
using OutreachBot.Bench.Replay.Scripts;
using OutreachBot.Bench.Replay.Year;
using OutreachBot.Visits;

namespace OutreachBot.Bench.Replay.Runs;

/// <summary>
/// Two messages of one conversation at the same moment. A cadre in 记录走访 is at 【村情社情】 and sends two notes at
/// once (two HTTP requests, two WeChat MsgIds). Handled one after the other, the first fills 村情社情 and the second
/// 户情民情, so one reply asks 【户情民情】 and the other 【期盼愿望】; handled on the same loaded state, both would
/// fill 村情社情 and one note would be lost. The read-back must show both notes and the saved visit must hold both.
/// All the drill's conversations send their pair at the same moment.
/// </summary>
public static partial class ConcurrencyDrill
{
    public sealed record Result(bool Pass, string Detail);

    public sealed record Pair(Person Cadre, string Token, string First, string Second);

    [GeneratedRegex(@"〔P\d{4}[ab]〕")]
    private static partial Regex PairToken();

    public static async Task<(List<Pair> Pairs, List<string> Problems)> RunAsync(YearPlan plan, Uri host, Outside outside, HttpClient http, int conversations, CancellationToken cancellationToken)
    {
        var metrics = new Metrics();
        var gate = new HostGate();
        var wechat = plan.Cadres.Values.Where(c => c.OnWeChat && plan.County.HouseholdsOf.ContainsKey(c.PersonId!)).OrderBy(c => c.PersonId, StringComparer.Ordinal).Skip(4).Take(conversations / 3);
        var api = plan.Cadres.Values.Where(c => !c.OnWeChat && plan.County.HouseholdsOf.ContainsKey(c.PersonId!)).OrderBy(c => c.PersonId, StringComparer.Ordinal).Take(conversations - (conversations / 3));
        var cadres = api.Concat(wechat).ToList();
        var pairs = cadres.Select((c, i) => new Pair(c, $"P{i:D4}", $"组里在修水渠〔P{i:D4}a〕", $"这一户老人身体还好〔P{i:D4}b〕")).ToList();
        var problems = new List<string>();
        ChatUser NewUser(Person person) => person.OnWeChat
            ? new WeChatUser(http, host, outside, person.UserId, safeMode: true) { Session = new Session(metrics, gate) }
            : new ApiUser(http, host, outside, person.UserId) { Session = new Session(metrics, gate) };

        // Everyone walks to 【村情社情】 first.
        var talks = new Talk[pairs.Count];
        await Task.WhenAll(pairs.Select(async (pair, i) =>
        {
            var t = new Talk(NewUser(pair.Cadre), cancellationToken);
            talks[i] = t;
            var household = plan.County.HouseholdsOf[pair.Cadre.PersonId!][0];
            var label = household.Label(plan.County.Villages[household.VillageId]);
            var s = await t.SayAsync("记录走访");
            for (var step = 0; step < 10 && s != Screen.VillageSituation; step++)
            {
                s = s switch
                {
                    Screen.Household or Screen.Ambiguous => await t.SayAsync(Talk.Options(t.Text).FirstOrDefault(o => o.Label == label) is { Number: > 0 } o ? o.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : household.HeadName),
                    Screen.When => await t.SayAsync("昨天下午"),
                    Screen.VisitKind => await t.SayAsync("入户"),
                    _ => Screen.Unknown,
                };
                if (s == Screen.Unknown)
                {
                    break;
                }
            }

            if (s != Screen.VillageSituation)
            {
                Add(problems, $"{pair.Cadre.UserId}: could not reach 【村情社情】 ({s}: {Scripted.First(t.Text)})");
            }
        }));

        // The pairs, all at once: two users objects of one conversation, each sending one note.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = pairs.Select(async (pair, i) =>
        {
            var first = new Talk(NewUser(pair.Cadre), cancellationToken);
            var second = new Talk(NewUser(pair.Cadre), cancellationToken);
            await start.Task;
            var answers = await Task.WhenAll(first.SayAsync(pair.First), second.SayAsync(pair.Second));
            var seen = answers.Order().ToArray();
            if (seen is not [Screen.HouseholdSituation, Screen.Hopes])
            {
                Add(problems, $"{pair.Cadre.UserId} ({pair.Cadre.Channel}): the two notes were answered with {string.Join(" and ", answers)} (one 【户情民情】 and one 【期盼愿望】 expected)");
            }
        }).ToList();
        start.SetResult();
        await Task.WhenAll(sends);

        // Then each finishes the visit; the read-back must hold both notes.
        await Task.WhenAll(pairs.Select(async (pair, i) =>
        {
            var t = talks[i];
            var s = await t.SayAsync("跳过");
            for (var step = 0; step < 6 && s is not (Screen.ReviewVisit or Screen.Logged); step++)
            {
                s = s switch
                {
                    Screen.Hopes or Screen.PhotoVisit => await t.SayAsync("跳过"),
                    Screen.Problems => await t.SayAsync("没有"),
                    Screen.HouseholdSituation => await t.SayAsync("（户情民情没有填上）"),
                    _ => Screen.Unknown,
                };
                if (s == Screen.Unknown)
                {
                    break;
                }
            }

            if (s != Screen.ReviewVisit || !t.Text.Contains(pair.First, StringComparison.Ordinal) || !t.Text.Contains(pair.Second, StringComparison.Ordinal))
            {
                Add(problems, $"{pair.Cadre.UserId}: the read-back does not show both notes ({s})");
            }

            if (await t.SayAsync("对") != Screen.Logged)
            {
                Add(problems, $"{pair.Cadre.UserId}: the visit was not saved ({Scripted.First(t.Text)})");
            }
        }));

        problems.AddRange(metrics.Problems);
        if (metrics.ServerErrors > 0 || metrics.Unanswered > 0)
        {
            Add(problems, $"{metrics.ServerErrors} answers with 5xx, {metrics.Unanswered} turns without a reply");
        }

        return (pairs, problems);
    }

    /// <summary>After the host stopped: each visit holds both notes, one in 村情社情 and one in 户情民情.</summary>
    public static Result Check(IReadOnlyList<Pair> pairs, List<string> problems, IReadOnlyList<Visit> visits)
    {
        var byPair = visits.Where(v => PairToken().IsMatch(v.VillageSituation ?? "") || PairToken().IsMatch(v.HouseholdSituation ?? ""))
            .GroupBy(v => PairToken().Match(v.VillageSituation ?? v.HouseholdSituation ?? "").Value[..6])
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var whole = 0;
        foreach (var pair in pairs)
        {
            var found = byPair.GetValueOrDefault("〔" + pair.Token) ?? [];
            var notes = found.SelectMany(v => new[] { v.VillageSituation, v.HouseholdSituation }).ToHashSet(StringComparer.Ordinal);
            if (found.Count == 1 && notes.Contains(pair.First) && notes.Contains(pair.Second))
            {
                whole++;
            }
            else
            {
                Add(problems, $"{pair.Cadre.UserId}: {found.Count} visits saved; both notes in one: {notes.Contains(pair.First) && notes.Contains(pair.Second)}");
            }
        }

        var api = pairs.Count(p => !p.Cadre.OnWeChat);
        var detail = $"{pairs.Count} conversations ({api} on /api/messages, {pairs.Count - api} on /wechat) each sent two notes at the same moment, all at once; " +
            $"{whole} visits saved with both notes, {pairs.Count - whole} lost one" + (problems.Count > 0 ? $"; problems: {string.Join("; ", problems.Take(5))}" : "");
        return new Result(problems.Count == 0 && whole == pairs.Count, detail);
    }

    private static void Add(List<string> problems, string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }
}
