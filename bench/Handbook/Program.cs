using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using OutreachBot.Handbook;
using OutreachBot.Handbook.Search;

// The handbook search benchmark: the character n-gram BM25 baseline, the shipped search and the shipped search with
// one feature turned off at a time, all in the same run on the same machine, over the evaluation set in tests/.
// dotnet run -c Release --project bench/Handbook [-- --write] [--misses] [--dump [--terms]]
//   --write   update bench/RESULTS.md and bench/Handbook/recorded.json (the floor the tests keep)
//   --misses  list what each method got wrong; --dump: every question with its confidence and top sections
var write = args.Contains("--write");
var showMisses = args.Contains("--misses");
var root = FindRoot();
var handbookPath = Path.Combine(root, "seeds", "handbook");
var evalFolder = Path.Combine(root, "tests", "OutreachBot.Tests", "Handbook", "eval");
var questions = HandbookEvaluation.Load(Path.Combine(evalFolder, "questions.jsonl"), Path.Combine(evalFolder, "out_of_scope.jsonl"));
var sections = HandbookLoader.Load(handbookPath);

var candidates = new List<(string Name, Func<IHandbookRanker> Build)>
{
    ("baseline: char unigram+bigram BM25", () => new CharNGramBaseline(sections)),
    ("shipped", () => HandbookIndex.Build(sections)),
    ("jieba.NET words BM25 (segmenter, for comparison)", () => new OutreachBot.Bench.Handbook.JiebaRanker(sections)),
    ("shipped without normalisation", () => HandbookIndex.Build(sections, HandbookSearchOptions.Shipped with { Normalize = false })),
    ("shipped without synonyms", () => HandbookIndex.Build(sections, HandbookSearchOptions.Shipped with { Synonyms = false })),
    ("shipped without pinyin", () => HandbookIndex.Build(sections, HandbookSearchOptions.Shipped with { Pinyin = false })),
    ("shipped without sound-alikes", () => HandbookIndex.Build(sections, HandbookSearchOptions.Shipped with { SoundAlikes = false })),
    ("shipped without filler skipping", () => HandbookIndex.Build(sections, HandbookSearchOptions.Shipped with { SkipFillers = false })),
    ("shipped without title boost", () => HandbookIndex.Build(sections, HandbookSearchOptions.Shipped with { TitleBoost = 1 })),
    ("shipped without passage scores", () => HandbookIndex.Build(sections, HandbookSearchOptions.Shipped with { PassageWeight = 0 })),
};

if (args.Contains("--dump"))
{
    var index = HandbookIndex.Build(sections);
    foreach (var q in questions)
    {
        var result = index.Search(q.Question);
        var top = result.Ranked.Select(r => $"{r.Section.Title}:{r.Score:0.0}").Take(3);
        var ok = q.Expected is null ? (result.Declined ? "ok " : "BAD") : (!result.Declined && result.Ranked[0].Section.Title == q.Expected ? "ok " : "BAD");
        Console.WriteLine($"{ok} {result.Confidence:0.00} {(q.Expected ?? "-")} <= {q.Question} || {string.Join(" | ", top)}");
        if (args.Contains("--terms"))
        {
            Console.WriteLine("    units: " + string.Join(" ", result.Query.Units.Select(u => u.Text)) + " terms: " + string.Join(" ", result.Query.Weights.Select(w => $"{w.Key}:{w.Value:0.0}")));
        }
    }

    return 0;
}

var rows = new List<Row>();
var built = new List<(string Name, IHandbookRanker Ranker, double Startup)>();
foreach (var (name, build) in candidates)
{
    var startup = Stopwatch.StartNew();
    var ranker = build();
    startup.Stop();
    built.Add((name, ranker, startup.Elapsed.TotalMilliseconds));
}

// Warm every ranker before timing any, long enough for tiered JIT to finish optimising the code they share, so
// no method pays for compiling it (timed first, the shipped search looked four times slower than it is).
for (var pass = 0; pass < 20; pass++)
{
    foreach (var (_, ranker, _) in built)
    {
        HandbookEvaluation.Run(ranker, questions);
    }
}

Thread.Sleep(1000);

foreach (var (name, ranker, startup) in built)
{
    var report = HandbookEvaluation.Run(ranker, questions);
    var (median, p95) = Time(ranker, questions);
    rows.Add(new Row(name, report, startup, median, p95));
    if (showMisses && (args.Contains("--all") || rows.Count <= 2))
    {
        Console.WriteLine($"## {name}");
        report.Misses.ToList().ForEach(m => Console.WriteLine("  " + m));
    }
}

var holdout = HandbookEvaluation.Load(Path.Combine(evalFolder, "holdout.jsonl"));
var holdout2 = HandbookEvaluation.Load(Path.Combine(evalFolder, "holdout2.jsonl"));

if (showMisses)
{
    foreach (var (name, ranker, _) in built.Take(2))
    {
        Console.WriteLine($"## holdout: {name}");
        HandbookEvaluation.Run(ranker, holdout).Misses.ToList().ForEach(m => Console.WriteLine("  " + m));
        Console.WriteLine($"## holdout 2: {name}");
        HandbookEvaluation.Run(ranker, holdout2).Misses.ToList().ForEach(m => Console.WriteLine("  " + m));
    }
}

var holdoutRows = built.Take(2).Select(b => new Row(b.Name, HandbookEvaluation.Run(b.Ranker, holdout), b.Startup, double.NaN, double.NaN)).ToList();
var table = Table(rows, questions)
    + "\n### Holdout set\n\nWritten after the tuning above was done and not used for it (eval/holdout.jsonl): how the same methods do on questions they were not tuned on.\n\n"
    + Table(holdoutRows, holdout)
    + "\n### Second holdout set\n\nWritten after every change to the search (eval/holdout2.jsonl); the search was not changed after seeing these numbers. First measured at top-1 0.867, top-3 0.933, 1.000 declined, 0.067 wrongly declined; a later correction to the handbook's text (残疾人证 is no longer called 第二代) cost the question 二代残疾证怎么换.\n\n"
    + Table(built.Take(2).Select(b => new Row(b.Name, HandbookEvaluation.Run(b.Ranker, holdout2), b.Startup, double.NaN, double.NaN)).ToList(), holdout2);
Console.WriteLine(table);
if (write)
{
    WriteResults(Path.Combine(root, "bench", "RESULTS.md"), table);
    var shipped = rows.Single(r => r.Name == "shipped").Report;
    File.WriteAllText(
        Path.Combine(root, "bench", "Handbook", "recorded.json"),
        JsonSerializer.Serialize(new { shipped.Top1, shipped.Top3, shipped.OutOfScopeDeclined, shipped.AnswerableDeclined }, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    Console.WriteLine("Wrote bench/RESULTS.md and bench/Handbook/recorded.json.");
}

return 0;

// Per-query wall time after start-up: one warm-up pass, then every question 30 times in rotation.
static (double Median, double P95) Time(IHandbookRanker ranker, IReadOnlyList<EvalQuestion> questions)
{
    foreach (var q in questions)
    {
        ranker.Rank(q.Question);
    }

    var times = new List<double>();
    for (var round = 0; round < 30; round++)
    {
        foreach (var q in questions)
        {
            var start = Stopwatch.GetTimestamp();
            ranker.Rank(q.Question);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    times.Sort();
    return (times[times.Count / 2], times[(int)(times.Count * 0.95)]);
}

static string Table(List<Row> rows, IReadOnlyList<EvalQuestion> questions)
{
    var text = new StringBuilder();
    var answerable = questions.Count(q => q.Expected is not null);
    text.AppendLine(CultureInfo.InvariantCulture, $"Questions: {answerable} answerable, {questions.Count - answerable} out of scope.");
    text.AppendLine();
    text.AppendLine("| method | top-1 | top-3 | out-of-scope declined | answerable wrongly declined | median ms | p95 ms | build ms |");
    text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var row in rows)
    {
        var r = row.Report;
        var times = double.IsNaN(row.Median) ? "| – | – | – |" : string.Create(CultureInfo.InvariantCulture, $"| {row.Median:0.0000} | {row.P95:0.0000} | {row.Startup:0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Name} | {r.Top1:0.000} | {r.Top3:0.000} | {r.OutOfScopeDeclined:0.000} | {r.AnswerableDeclined:0.000} {times}");
    }

    var baseline = rows[0].Report;
    var shipped = rows[1].Report;
    text.AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"Shipped vs baseline, same run: top-1 {shipped.Top1:0.000} vs {baseline.Top1:0.000} ({shipped.Top1 / baseline.Top1:0.00}×), top-3 {shipped.Top3:0.000} vs {baseline.Top3:0.000}, out-of-scope declined {shipped.OutOfScopeDeclined:0.000} vs {baseline.OutOfScopeDeclined:0.000} (the baseline has no way to decline).");
    return text.ToString();
}

static void WriteResults(string path, string table)
{
    const string Start = "<!-- handbook:start -->";
    const string End = "<!-- handbook:end -->";
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    var section = new StringBuilder()
        .AppendLine(Start)
        .AppendLine("## Handbook search")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
        .AppendLine(CultureInfo.InvariantCulture, $"- Machine: {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}")
        .AppendLine("- Command: `dotnet run -c Release --project bench/Handbook -- --write`")
        .AppendLine("- Data: seeds/handbook (the demo handbook), tests/OutreachBot.Tests/Handbook/eval/questions.jsonl and out_of_scope.jsonl")
        .AppendLine("- Query time: wall time of one `Rank` call after start-up and a JIT warm-up (20 passes over the set), every question 30 times; build ms: loading tables and indexing (the first build also pays for loading the data files and the JIT)")
        .AppendLine()
        .Append(table)
        .AppendLine()
        .AppendLine("### Reading these numbers")
        .AppendLine()
        .AppendLine("- The shipped search's weights and its decline threshold were tuned on the first set (questions.jsonl was written, and committed, before the engine existed; the tuning then looked at its misses). Its figures are therefore optimistic; the two holdout sets say what to expect on new questions.")
        .AppendLine("- On fresh questions the ranking is about as good as the baseline's, not better; what the shipped search adds there is declining: every out-of-scope holdout question was declined (the baseline answers all of them with some section), at the cost of declining 5–10% of answerable ones, which then get the offer to pass the question to the cadres.")
        .AppendLine("- Declining uses lexical evidence only (how much of the question the best section covers, and how specific the matches are). Traps whose topic word shares characters with a section are still answered: 房贷 and 买车贷款 get 扶贫小额信贷, 去泰国旅游要办签证 gets 乡村旅游与农家乐.")
        .AppendLine("- A word segmenter does worse than characters here: jieba.NET's words (search mode) rank below the character n-gram baseline, as the issue expected. Lucene.Net's SmartCn was not measured.")
        .AppendLine(End)
        .ToString();
    var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmark results\n";
    var start = existing.IndexOf(Start, StringComparison.Ordinal);
    var end = existing.IndexOf(End, StringComparison.Ordinal);
    var updated = start >= 0 && end > start
        ? existing[..start] + section + existing[(end + End.Length)..].TrimStart('\n')
        : existing.TrimEnd('\n') + "\n\n" + section;
    File.WriteAllText(path, updated);
}

static string FindRoot()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (Directory.Exists(Path.Combine(folder.FullName, "seeds", "handbook")) && Directory.Exists(Path.Combine(folder.FullName, "bench")))
        {
            return folder.FullName;
        }
    }

    throw new DirectoryNotFoundException("Run from inside the repository: seeds/handbook and bench/ were not found above the working folder.");
}

internal sealed record Row(string Name, EvalReport Report, double Startup, double Median, double P95);
