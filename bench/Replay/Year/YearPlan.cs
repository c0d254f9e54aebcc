using System.Globalization;
using System.Text.Json;
using OutreachBot.Bench.Replay.Chat;
using OutreachBot.Bench.Replay.County;
using OutreachBot.Bench.Replay.Scripts;

namespace OutreachBot.Bench.Replay.Year;

/// <summary>A chat user of the replay: a cadre, a staff member or a villager, on /api/messages or /wechat.</summary>
public sealed record Person(string UserId, string Channel, string Role, string? PersonId, string? VillageId)
{
    public bool OnWeChat => Channel == "wechat";
}

public abstract record Act;

public sealed record VisitAct(VisitPlan Plan) : Act;

public sealed record RaiseAct(RaisePlan Plan) : Act;

public sealed record PolicyAct(string Question, bool More) : Act;

public sealed record QueryAct(string Text, Screen[] Wanted) : Act;

/// <summary>"查进度", or one of the user's own tracking numbers if they have one.</summary>
public sealed record ProgressAct(bool ByNumber) : Act;

public sealed record BindAct(string Code) : Act;

/// <summary>The traffic of one month: each user's actions, done one after another by one worker.</summary>
public sealed record MonthPlan(int Month, IReadOnlyList<(Person Person, IReadOnlyList<Act> Acts)> Work);

/// <summary>
/// The county-year the replay sends, at a scale: the report's 12,759 visits and 1,200 problems raised by villagers
/// (scale 1), policy questions and queries, spread over twelve months. Close-outs and follow-ups are decided while
/// the year runs, from what the bot confirmed. Seeded: every run at a scale sends the same.
/// </summary>
public sealed class YearPlan
{
    public const int ReportVisits = 12_759;
    public const int ReportProblems = 1_200;
    public const int PolicyQuestions = 2_400;
    public const int Queries = 1_200;

    private readonly Dictionary<string, Person> _cadres = new(StringComparer.Ordinal);

    private YearPlan(CountyModel county, double scale, int seed, double wechatShare)
    {
        County = county;
        Random = new Random(seed);
        var random = Random;
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        // Who uses which endpoint does not depend on the seed: the database's bindings are made once for every plan.
        var people = new Random(3809);
        foreach (var cadre in county.Cadres.Values.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            // About one cadre in ten, and one villager in three, use the official account instead of a web chat.
            var wechat = people.NextDouble() < wechatShare / 3;
            _cadres[cadre.Id] = new Person(wechat ? OpenId("c", cadre.Id) : "cadre-" + cadre.Id, wechat ? "wechat" : "api", "cadre", cadre.Id, cadre.VillageId);
        }

        Staff = county.Staff.Values.ToDictionary(s => s.Id, s => new Person("staff-" + s.Id, "api", "staff", s.Id, null), StringComparer.Ordinal);
        Visits = (int)Math.Round(ReportVisits * scale);
        Problems = (int)Math.Round(ReportProblems * scale);
        var policies = (int)Math.Round(PolicyQuestions * scale);
        var queries = (int)Math.Round(Queries * scale);
        var work = Enumerable.Range(0, 12).Select(_ => new Dictionary<Person, List<Act>>()).ToArray();
        void Add(int month, Person person, Act act)
        {
            if (!work[month].TryGetValue(person, out var list))
            {
                work[month][person] = list = [];
            }

            list.Add(act);
        }

        // Visits: pairings picked at random (about one visit per pairing a year), skipping a household whose name
        // and group another of the cadre's households shares (the cadre would have to tell them apart).
        var pairings = county.HouseholdsOf
            .SelectMany(p => p.Value.Where(h => p.Value.Count(o => Label(o) == Label(h)) == 1).Select(h => (Cadre: p.Key, Household: h)))
            .ToList();
        for (var v = 0; v < Visits; v++)
        {
            var (cadreId, household) = pairings[random.Next(pairings.Count)];
            var month = random.Next(12);
            Add(month, _cadres[cadreId], new VisitAct(Visit(v, cadreId, household, month, now)));
        }

        // Villagers: most raise one problem, some two; a third on WeChat.
        var villagerCount = Math.Max(1, (int)Math.Ceiling(Problems * 0.85));
        var villages = county.Villages.Values.OrderBy(v => v.Id, StringComparer.Ordinal).ToList();
        Villagers = [.. Enumerable.Range(1, villagerCount).Select(i =>
        {
            var wechat = random.NextDouble() < wechatShare;
            var id = $"v{i:D5}";
            return new Person(wechat ? OpenId("v", id) : "villager-" + id, wechat ? "wechat" : "api", "resident", null, villages[random.Next(villages.Count)].Id);
        })];
        for (var r = 0; r < Problems; r++)
        {
            var villager = r < villagerCount ? Villagers[r] : Villagers[random.Next(villagerCount)];
            Add(random.Next(12), villager, new RaiseAct(Raise(r, villager)));
        }

        var questions = ReadQuestions("questions.jsonl");
        var outOfScope = ReadQuestions("out_of_scope.jsonl");
        var cadreList = _cadres.Values.ToList();
        for (var p = 0; p < policies; p++)
        {
            var asker = random.NextDouble() < 0.3 ? cadreList[random.Next(cadreList.Count)] : Villagers[random.Next(Villagers.Count)];
            var question = random.NextDouble() < 0.15 ? outOfScope[random.Next(outOfScope.Count)] : questions[random.Next(questions.Count)];
            Add(random.Next(12), asker, new PolicyAct(question, random.NextDouble() < 0.25));
        }

        for (var q = 0; q < queries; q++)
        {
            var month = random.Next(12);
            if (random.NextDouble() < 0.5)
            {
                Add(month, Villagers[random.Next(Villagers.Count)], new ProgressAct(random.NextDouble() < 0.5));
            }
            else
            {
                var cadre = cadreList[random.Next(cadreList.Count)];
                Add(month, cadre, random.NextDouble() < 0.5 ? new QueryAct("我的联系户", [Screen.MyHouseholds]) : new QueryAct("本月走访", [Screen.MonthVisits]));
            }
        }

        Months = [.. work.Select((m, i) => new MonthPlan(i + 1, [.. m.OrderBy(_ => random.Next()).Select(p => (p.Key, (IReadOnlyList<Act>)p.Value))]))];
    }

    public CountyModel County { get; }

    /// <summary>Also decides close-outs and follow-ups while the year runs.</summary>
    public Random Random { get; }

    public IReadOnlyDictionary<string, Person> Cadres => _cadres;

    public IReadOnlyDictionary<string, Person> Staff { get; }

    public IReadOnlyList<Person> Villagers { get; }

    public IReadOnlyList<MonthPlan> Months { get; }

    public int Visits { get; }

    public int Problems { get; }

    public static YearPlan Create(CountyModel county, double scale, int seed = 2017, double wechatShare = 1.0 / 3) => new(county, scale, seed, wechatShare);

    /// <summary>A WeChat OpenID: 28 characters starting with "o".</summary>
    public static string OpenId(string kind, string id) => ("o" + kind + "Bench" + id).PadRight(28, 'x');

    private VisitPlan Visit(int number, string cadreId, CountyHousehold household, int month, DateTimeOffset now)
    {
        var random = Random;
        var token = $"〔V{number:D6}〕";
        var (kindAnswer, kind) = random.NextDouble() switch
        {
            < 0.80 => Words.VisitKinds[random.Next(4)],
            < 0.95 => Words.VisitKinds[4 + random.Next(3)],
            _ => Words.VisitKinds[7 + random.Next(2)],
        };
        var village = County.Villages[household.VillageId];
        (string Text, string Kind, string Answer)? problem = random.NextDouble() < 0.3 ? Words.Problems[random.Next(Words.Problems.Length)] : null;
        var problems = problem is { } p ? p.Text + token : null;
        RaisePlan? raise = null;
        if (problem is { } q && random.NextDouble() < 1.0 / 6)
        {
            raise = new RaisePlan(token, "", q.Answer, q.Kind, problems!, null, null, village, random.NextDouble() < 0.5 ? Phone(random) : null, null,
                household.Id, household.InDifficulty);
        }

        return new VisitPlan(
            token,
            cadreId,
            household,
            household.Label(village),
            Words.VisitTriggers[random.Next(Words.VisitTriggers.Length)],
            When(month, now, random),
            kindAnswer,
            kind,
            random.NextDouble() < 0.5 ? Words.VillageNotes[random.Next(Words.VillageNotes.Length)] : null,
            Words.HouseholdNotes[random.Next(Words.HouseholdNotes.Length)] + token,
            random.NextDouble() < 0.6 ? Words.Hopes[random.Next(Words.Hopes.Length)] : null,
            problems,
            random.NextDouble() < 0.1 ? $"https://img.example.org/visit/{number}.jpg" : null,
            raise);
    }

    private RaisePlan Raise(int number, Person villager)
    {
        var random = Random;
        var token = $"〔R{number:D6}〕";
        var kind = random.NextDouble() < 0.1 ? "矛盾纠纷" : Words.Kinds[random.Next(Words.Kinds.Length)];
        var (answers, descriptions) = Words.ByKind[kind];
        var location = random.NextDouble() switch
        {
            < 0.2 => new Message(null, Location: new SharedLocation(32.9 + (random.NextDouble() / 10), 104.2 + (random.NextDouble() / 10), "村口")),
            < 0.4 => new Message(Words.PlacesTyped[random.Next(Words.PlacesTyped.Length)]),
            _ => null,
        };
        return new RaisePlan(
            token,
            Words.RaiseTriggers[random.Next(Words.RaiseTriggers.Length)],
            answers[random.Next(answers.Length)],
            kind,
            descriptions[random.Next(descriptions.Length)] + token,
            random.NextDouble() < 0.15 ? $"https://img.example.org/problem/{number}.jpg" : null,
            location,
            County.Villages[villager.VillageId!],
            random.NextDouble() < 0.6 ? Phone(random) : null,
            random.NextDouble() < 0.03 ? "低保怎么申请" : null);
    }

    /// <summary>A visit date the cadre would type: a date in that month of the past year, or "昨天下午" in the last one.</summary>
    private static string When(int month, DateTimeOffset now, Random random)
    {
        if (month == 11)
        {
            return Words.RecentDates[random.Next(Words.RecentDates.Length)];
        }

        var day = now.AddDays(-((11 - month) * 30) - random.Next(1, 28));
        return day.Year == now.Year && random.NextDouble() < 0.5
            ? day.ToString("M月d号", CultureInfo.InvariantCulture)
            : day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
    }

    private static string Phone(Random random) => $"13{random.Next(3, 10)}{random.Next(100_000_000):D8}";

    private static string Label(CountyHousehold household) => household.VillageId + household.Group + household.HeadName;

    private static List<string> ReadQuestions(string file)
    {
        var path = Path.Combine(Paths.Repository, "tests", "OutreachBot.Tests", "Handbook", "eval", file);
        return [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("q").GetString()!)];
    }
}
