using System.Diagnostics;
using OutreachBot.Bench.Replay.Chat;
using OutreachBot.Bench.Replay.Fakes;
using OutreachBot.Bench.Replay.Scripts;
using OutreachBot.Ledger;

namespace OutreachBot.Bench.Replay.Year;

/// <summary>A unit of work for one worker: one user's actions, in order.</summary>
public sealed record Job(Person Person, Func<Talk, Task> Work);

/// <summary>
/// Plays a <see cref="YearPlan"/> against a running host with N concurrent conversations. Each month has three
/// phases, each finished before the next starts: the month's own traffic (visits, problems raised, policy questions,
/// queries), then 对账销号 of open entries by their village's first secretary or township office, then the
/// reporters' answers to the follow-up questions. No user is in two jobs at once.
/// </summary>
public sealed class YearRunner
{
    private readonly YearPlan _plan;
    private readonly Outside _outside;
    private readonly HttpClient _http;
    private readonly int _concurrency;
    private readonly Dictionary<string, ChatUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
    private int _closeNumber;

    public YearRunner(YearPlan plan, Uri host, Outside outside, HttpClient http, int concurrency, bool safeMode)
    {
        _plan = plan;
        Host = host;
        _outside = outside;
        _http = http;
        _concurrency = concurrency;
        SafeMode = safeMode;
        foreach (var person in plan.Cadres.Values.Concat(plan.Staff.Values).Concat(plan.Villagers))
        {
            _people[person.UserId] = person;
        }
    }

    public Uri Host { get; }

    public bool SafeMode { get; }

    public Metrics Metrics { get; } = new();

    /// <summary>Jobs that failed; past <see cref="GiveUpAfter"/> the host is taken to be broken and the year stops.</summary>
    private int _failedJobs;

    public const int GiveUpAfter = 50;

    public bool GaveUp => Volatile.Read(ref _failedJobs) > GiveUpAfter;

    public HostGate Gate { get; } = new();

    public Expectations Expected { get; } = new();

    /// <summary>Every job's messages, phase by phase: the load the echo baseline sends again.</summary>
    public List<Session[]> Phases { get; } = [];

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Called before each phase: (month, phase name).</summary>
    public Func<int, string, Task>? BeforePhase { get; init; }

    public ChatUser UserOf(Person person)
    {
        lock (_users)
        {
            if (!_users.TryGetValue(person.UserId, out var user))
            {
                user = person.OnWeChat
                    ? new WeChatUser(_http, Host, _outside, person.UserId, SafeMode)
                    : new ApiUser(_http, Host, _outside, person.UserId);
                _users[person.UserId] = user;
            }

            return user;
        }
    }

    /// <summary>Runs jobs with N workers; returns when all are done. Their sessions are kept for the echo baseline.</summary>
    public async Task RunPhaseAsync(IReadOnlyList<Job> jobs, CancellationToken cancellationToken)
    {
        var sessions = new Session[jobs.Count];
        var next = -1;
        async Task WorkAsync()
        {
            int i;
            while (!GaveUp && (i = Interlocked.Increment(ref next)) < jobs.Count)
            {
                var job = jobs[i];
                var user = UserOf(job.Person);
                var session = new Session(Metrics, Gate);
                user.Session = session;
                sessions[i] = session;
                try
                {
                    await job.Work(new Talk(user, cancellationToken));
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Metrics.Problem($"job of {job.Person.UserId} ({job.Person.Channel}) failed: {e.GetType().Name}: {e.Message}");
                    if (Interlocked.Increment(ref _failedJobs) == GiveUpAfter + 1)
                    {
                        Metrics.Problem($"gave up the year after {GiveUpAfter + 1} failed jobs: the host is not serving; see its log");
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, _concurrency).Select(_ => Task.Run(WorkAsync, cancellationToken)));
        Phases.Add(sessions);
    }

    /// <summary>The whole year, month by month.</summary>
    public async Task RunYearAsync(IReadOnlyList<Job> setup, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (setup.Count > 0)
        {
            await RunPhaseAsync(setup, cancellationToken);
        }

        foreach (var month in _plan.Months.TakeWhile(_ => !GaveUp))
        {
            await Before(month.Month, "traffic");
            await RunPhaseAsync([.. month.Work.Select(w => new Job(w.Person, t => ActAsync(t, w.Acts)))], cancellationToken);
            await Before(month.Month, "close-out");
            var closed = PlanCloseOuts();
            await RunPhaseAsync(closed, cancellationToken);
            await Before(month.Month, "follow-up");
            await RunPhaseAsync(PlanFollowUps(), cancellationToken);
        }

        Elapsed = watch.Elapsed;
    }

    private Task Before(int month, string phase) => BeforePhase?.Invoke(month, phase) ?? Task.CompletedTask;

    private async Task ActAsync(Talk t, IReadOnlyList<Act> acts)
    {
        foreach (var act in acts)
        {
            switch (act)
            {
                case VisitAct visit:
                    await Scripted.LogVisitAsync(t, visit.Plan, Expected);
                    break;
                case RaiseAct raise:
                    await Scripted.RaiseAsync(t, raise.Plan, Expected);
                    break;
                case PolicyAct policy:
                    await Scripted.PolicyAsync(t, policy.Question, policy.More);
                    break;
                case QueryAct query:
                    await Scripted.QueryAsync(t, query.Text, query.Wanted);
                    break;
                case ProgressAct progress:
                    var own = Expected.Entries.Values.Where(e => e.Reporter == t.User.UserId).Select(e => e.Id).Order(StringComparer.Ordinal).FirstOrDefault();
                    if (own is not null && progress.ByNumber)
                    {
                        await Scripted.QueryAsync(t, own, Screen.EntryDetail);
                    }
                    else
                    {
                        await Scripted.QueryAsync(t, "查进度", Screen.MyEntries);
                    }

                    break;
                case BindAct bind:
                    await Scripted.BindAsync(t, bind.Code);
                    break;
            }
        }
    }

    /// <summary>
    /// About six in ten open entries are closed out each month (nine in ten of them solved), by the village's first
    /// secretary or, for three villages in ten, by the township office.
    /// </summary>
    private List<Job> PlanCloseOuts()
    {
        var random = _plan.Random;
        var byCloser = new Dictionary<Person, List<(CloseTarget Target, bool ByNumber)>>();
        var staffVillages = _plan.County.Villages.Keys.Order(StringComparer.Ordinal).Where(_ => random.NextDouble() < 0.3).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in Expected.Entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            if (entry.Status is not (EntryStatus.Assigned or EntryStatus.InProgress) || entry.Uncertain || random.NextDouble() >= 0.6)
            {
                continue;
            }

            var village = _plan.County.Villages[entry.VillageId];
            var closer = staffVillages.Contains(village.Id)
                ? _plan.Staff[_plan.County.TownshipStaff[village.TownshipId]]
                : _plan.Cadres[_plan.County.FirstSecretaryOf[village.Id]];
            var number = Interlocked.Increment(ref _closeNumber);
            var token = $"〔C{number:D6}〕";
            var resolved = random.NextDouble() < 0.9;
            var text = (resolved ? Words.Done[random.Next(Words.Done.Length)] : Words.Unresolved[random.Next(Words.Unresolved.Length)]) + token;
            if (!byCloser.TryGetValue(closer, out var list))
            {
                byCloser[closer] = list = [];
            }

            list.Add((new CloseTarget(entry.Id, resolved, text, token), random.NextDouble() < 0.7));
        }

        return [.. byCloser.OrderBy(_ => random.Next()).Select(c => new Job(c.Key, async t =>
        {
            foreach (var (target, byNumber) in c.Value)
            {
                await Scripted.CloseOutAsync(t, target, Expected, byNumber);
            }
        }))];
    }

    /// <summary>Reporters of entries solved in this month's close-out: most answer, some later through 评价, some never.</summary>
    private List<Job> PlanFollowUps()
    {
        var random = _plan.Random;
        var solved = Expected.Entries.Values
            .Where(e => e.Status == EntryStatus.Resolved && !e.Uncertain && e.CloseOuts > e.Ratings)
            .GroupBy(e => e.Reporter, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var jobs = new List<Job>();
        foreach (var reporter in solved)
        {
            // A reporter already asked before this month (and who did not answer) is asked nothing new here.
            var fresh = reporter.Where(e => !_asked.Contains(e.Id + "#" + e.CloseOuts)).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }

            foreach (var entry in fresh)
            {
                _asked.Add(entry.Id + "#" + entry.CloseOuts);
            }

            var ratings = fresh.Select(_ =>
            {
                var mode = random.NextDouble() switch { < 0.7 => FollowUpMode.Direct, < 0.85 => FollowUpMode.Later, _ => FollowUpMode.Never };
                var roll = random.NextDouble();
                var (answers, satisfaction) = roll switch
                {
                    < 0.75 => (Words.Satisfied, Satisfaction.Satisfied),
                    < 0.90 => (Words.BasicallySatisfied, Satisfaction.BasicallySatisfied),
                    _ => (Words.Dissatisfied, Satisfaction.Dissatisfied),
                };
                return new Rating(mode, answers[random.Next(answers.Length)], satisfaction, Words.DissatisfiedReasons[random.Next(Words.DissatisfiedReasons.Length)]);
            }).ToList();
            var person = _people[reporter.Key];
            jobs.Add(new Job(person, t => Scripted.FollowUpAsync(t, ratings, fresh.Count, Expected)));
        }

        return [.. jobs.OrderBy(_ => random.Next())];
    }

    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
}
