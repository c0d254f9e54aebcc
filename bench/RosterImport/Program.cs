using System.Diagnostics;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using OutreachBot.Bench.RosterImport;
using OutreachBot.Identity;
using OutreachBot.Roster;
using OutreachBot.Roster.Import;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Identity;
using OutreachBot.Storage.LiteDb.Roster;

// Times the roster import at the county report's scale and the demo seed load, against a baseline measured in the
// same run: inserting the same entities, built beforehand, straight into the same indexed collections in one
// transaction (what LiteDB alone costs, with no reading, checking or merging).
//   dotnet run -c Release --project bench/RosterImport [-- <runs> <repository root>]
//   dotnet run -c Release --project bench/RosterImport -- generate <folder>   (only writes the county's CSVs)
if (args is ["generate", var target])
{
    Console.WriteLine($"{CountyGenerator.Write(target)} pairings written to {target}");
    return;
}

var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var repository = args.Length > 1 ? args[1] : FindRepository();
var work = Path.Combine(Path.GetTempPath(), "outreachbot-bench-roster-" + Environment.ProcessId);
Directory.CreateDirectory(work);
var clock = TimeProvider.System;

try
{
    // First, before anything else warms the process: the demo seed load as a fresh bot start meets it.
    var coldSeed = Time(() => LoadDemo(Fresh()));
    var seedRestartDb = Fresh();
    LoadDemo(seedRestartDb);
    var demoFresh = Measure(runs, () => Fresh(), LoadDemo);
    var demoRestart = Measure(runs, () => seedRestartDb, LoadDemo);

    var csv = Path.Combine(work, "csv");
    var pairingCount = CountyGenerator.Write(csv);
    var xlsx = Path.Combine(work, "xlsx");
    Directory.CreateDirectory(xlsx);
    foreach (var file in Directory.EnumerateFiles(csv, "*.csv"))
    {
        MiniExcel.SaveAs(Path.Combine(xlsx, Path.GetFileNameWithoutExtension(file) + ".xlsx"), MiniExcel.Query(file, useHeaderRow: true));
    }

    var entities = Entities.Read(csv, clock.GetUtcNow());
    var baseline = Measure(runs, Fresh, entities.InsertInto);
    var check = Measure(runs, Fresh, db => Check(new RosterImporter(new LiteDbRosterStore(db), clock).Validate(RosterSource.FromFolder(csv))));
    var import = Measure(runs, Fresh, db => Succeed(new RosterImporter(new LiteDbRosterStore(db), clock).Import(RosterSource.FromFolder(csv))));
    var imported = Fresh();
    Succeed(new RosterImporter(new LiteDbRosterStore(imported), clock).Import(RosterSource.FromFolder(csv)));
    var reimport = Measure(runs, () => imported, db => Succeed(new RosterImporter(new LiteDbRosterStore(db), clock).Import(RosterSource.FromFolder(csv))));
    var importXlsx = Measure(runs, Fresh, db => Succeed(new RosterImporter(new LiteDbRosterStore(db), clock).Import(RosterSource.FromFolder(xlsx))));
    var roster = new LiteDbRosterStore(imported);
    var counts = roster.Count();
    var unpaired = roster.AllHouseholds().Count(h => !h.IsPaired);
    var query = Measure(runs * 20, () => imported, db => _ = new LiteDbRosterStore(db).HouseholdsOf("C0500").Count);

    Console.WriteLine($"roster: {counts.Cadres} cadres, {counts.Households} households ({unpaired} unpaired), {pairingCount} pairings, {counts.Villages} villages; {runs} runs, median (min–max)");
    Console.WriteLine();
    Console.WriteLine("| what | time | vs. baseline |");
    Console.WriteLine("| --- | --- | --- |");
    Row("baseline: LiteDB insert of the same entities, built beforehand, one transaction", baseline, baseline);
    Row("validate only (`import-roster --check`), CSV", check, baseline);
    Row("import into an empty file, CSV (validate + one transaction)", import, baseline);
    Row("import the same CSV again into the imported file (all updates, no new pairings)", reimport, baseline);
    Row("import into an empty file, .xlsx (MiniExcel)", importXlsx, baseline);
    Console.WriteLine($"| a cadre's households by the pairing index, in the imported county (one query) | {Format(query)} | — |");
    Console.WriteLine();
    Console.WriteLine("| demo county (150 households, 30 cadres) | time |");
    Console.WriteLine("| --- | --- |");
    Console.WriteLine($"| first load in a fresh process (includes JIT), empty file | {Ms(coldSeed)} |");
    Console.WriteLine($"| load into an empty file, warm | {Format(demoFresh)} |");
    Console.WriteLine($"| restart on a loaded file (files unchanged: import skipped, demo bindings refreshed) | {Format(demoRestart)} |");
}
finally
{
    Directory.Delete(work, recursive: true);
}

LiteDatabase Fresh() => Database.Open(new StorageOptions { Path = Path.Combine(work, Guid.NewGuid().ToString("N") + ".db") }, work);

void LoadDemo(LiteDatabase db)
{
    var roster = new LiteDbRosterStore(db);
    var report = new DemoSeeds(roster, new LiteDbBindingStore(db), new LiteDbSeedLog(db), clock, new SeedOptions { Demo = true, Path = "seeds" }, repository, NullLogger.Instance).Apply();
    if (report.Identities != 2)
    {
        throw new InvalidOperationException("demo identities missing");
    }
}

static void Check(RosterImportPlan plan)
{
    if (plan.Errors.Count > 0)
    {
        throw new InvalidOperationException(string.Join("\n", plan.Errors.Take(5)));
    }
}

static void Succeed(RosterImportResult result)
{
    if (!result.Succeeded)
    {
        throw new InvalidOperationException(string.Join("\n", result.Errors.Take(5)));
    }
}

static TimeSpan Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed;
}

/// <summary>One warm-up, then the runs; a database that open() made fresh is closed after its run.</summary>
static List<TimeSpan> Measure(int runs, Func<LiteDatabase> open, Action<LiteDatabase> action)
{
    var times = new List<TimeSpan>();
    LiteDatabase? previous = null;
    for (var i = 0; i <= runs; i++)
    {
        var db = open();
        var elapsed = Time(() => action(db));
        if (i > 0)
        {
            times.Add(elapsed);
        }

        if (!ReferenceEquals(previous, db) && previous is not null)
        {
            previous.Dispose();
        }

        previous = db;
    }

    times.Sort();
    return times;
}

static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0.0} ms";

static string Format(List<TimeSpan> times) => $"{Ms(times[times.Count / 2])} ({times[0].TotalMilliseconds:0.0}–{times[^1].TotalMilliseconds:0.0})";

static void Row(string what, List<TimeSpan> times, List<TimeSpan> baseline) =>
    Console.WriteLine($"| {what} | {Format(times)} | {times[times.Count / 2] / baseline[baseline.Count / 2]:0.0}× |");

static string FindRepository()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "OutreachBot.sln")))
        {
            return folder.FullName;
        }
    }

    throw new DirectoryNotFoundException("Run from inside the repository, or pass its root as the second argument.");
}
