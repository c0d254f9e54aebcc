using OutreachBot.Bench.Replay.Fakes;
using OutreachBot.Bench.Replay.Host;
using OutreachBot.Bench.Replay.Year;
using OutreachBot.Ledger;
using OutreachBot.Storage;
using OutreachBot.Visits;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Visits;

namespace OutreachBot.Bench.Replay.Runs;

/// <summary>The concurrency and bad-input drills, on one host started on a fresh copy of the county's database.</summary>
public static class DrillsRun
{
    public static async Task<(ConcurrencyDrill.Result? Concurrent, BadInputDrill.Result? BadInput)> RunAsync(
        YearPlan plan, CountyDatabase.Prepared template, string database, HostSetup setup, bool concurrent, bool badInput, string log, CancellationToken cancellationToken)
    {
        File.Copy(template.Path, database, overwrite: true);
        await using var outside = await Outside.StartAsync(Paths.FreePort());
        using var host = await HostProcess.StartAsync(setup, HostConfig.Bot(database, outside), log, cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        List<ConcurrencyDrill.Pair> pairs = [];
        List<string> pairProblems = [];
        if (concurrent)
        {
            (pairs, pairProblems) = await ConcurrencyDrill.RunAsync(plan, host.BaseUrl, outside, http, 45, cancellationToken);
        }

        var expected = new Expectations();
        BadInputDrill.Tally? tally = null;
        List<BadInputDrill.Body> bodies = [];
        if (badInput)
        {
            tally = await BadInputDrill.DialogsAsync(plan, host.BaseUrl, outside, http, expected, 60, cancellationToken);
            bodies = await BadInputDrill.BodiesAsync(host.BaseUrl, outside, http, cancellationToken);
        }

        await host.StopAsync();
        using var db = Database.Open(new StorageOptions { Path = database }, Path.GetDirectoryName(database)!);
        var visits = db.GetCollection<Visit>(LiteDbVisitRecords.CollectionName).FindAll().ToList();
        var entries = db.GetCollection<LedgerEntry>("ledger_entries").FindAll().ToList();
        var concurrentResult = concurrent ? ConcurrencyDrill.Check(pairs, pairProblems, visits) : null;
        BadInputDrill.Result? badResult = null;
        if (tally is not null)
        {
            var raisesFound = tally.PlannedRaises.Count(token => entries.Count(e => e.Description.Contains(token, StringComparison.Ordinal)) == 1);
            var visitsFound = tally.PlannedVisits.Count(token => visits.Count(v => (v.HouseholdSituation ?? "").Contains(token, StringComparison.Ordinal)) == 1);
            badResult = BadInputDrill.Summarize(tally, bodies, tally.PlannedRaises.Count, raisesFound, tally.PlannedVisits.Count, visitsFound);
        }

        return (concurrentResult, badResult);
    }
}
