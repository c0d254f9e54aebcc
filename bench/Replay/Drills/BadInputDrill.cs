using System.Globalization;
using System.Text;
using OutreachBot.Bench.Replay.Chat;
using OutreachBot.Bench.Replay.Fakes;
using OutreachBot.Bench.Replay.Scripts;
using OutreachBot.Bench.Replay.Year;
using OutreachBot.WeChat.Protocol;
using OutreachBot.WeChat.Simulator;

namespace OutreachBot.Bench.Replay.Runs;

/// <summary>
/// Random and hostile input in the middle of the real dialogs, over both endpoints: before most answers the user
/// first sends junk (very long text, emoji, control characters, XML and JSON fragments, script tags, numbers out of
/// range, empty text…), then carries on. Every junk turn must get an answer that is not a 5xx and not "系统出了点问题";
/// afterwards the dialog must still finish (or be cancelled and started again). Then broken bodies: JSON that is not
/// an activity to /api/messages, XML that is not a WeChat message to /wechat — a 4xx each, and the conversation
/// still answers the next proper message.
/// </summary>
public static class BadInputDrill
{
    public sealed record Result(bool Pass, string Detail);

    private static readonly string Long = string.Concat(Enumerable.Repeat("村里的路坏了很久一直没人修，", 700));

    /// <summary>Repeated syllables that no split into pinyin can finish: exponential for a splitter that backtracks.</summary>
    private static string Syllables(int letters) => string.Concat(Enumerable.Repeat("xian", letters / 4)) + "v";

    /// <summary>Junk for questions that want a choice, a number, a date, a phone, a photo or 对.</summary>
    public static readonly string[] Junk =
    [
        Long,
        Syllables(1_000),
        "😀🙏🏻👍🏽🇨🇳👨‍👩‍👧‍👦",
        "\u0000\u0001\u0002\u0007\u001b[31m红色\u001b[0m\u007f",
        "\t制表\r\n换行\r",
        "<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Content><![CDATA[注入]]></Content></xml>",
        "]]><script>alert(1)</script><![CDATA[",
        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
        "{\"type\":\"message\",\"text\":\"注入\",\"from\":{\"id\":\"demo-staff\"}}",
        "{\"a\":",
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        "'; DROP TABLE ledger_entries; --",
        "{id} {0} %s%n {{7*7}} ${jndi:ldap://x/a}",
        "99999999999999999999999",
        "-1",
        "0",
        "第一百万个",
        "１２３４５６７８９０１２３",
        "2147483648",
        "1e309",
        "NaN",
        "   ",
        "\u3000\u200b\u202e反转文字",
        "**粗体** _斜体_ [链接](http://x.example) # 标题",
        "\ud83d",
        "",
        "null",
        "选999",
        "13月45日",
        "上周八",
    ];

    /// <summary>The bot's ways of saying "that is not an answer to my question".</summary>
    private static bool Refusal(Screen screen) =>
        screen.ToString().EndsWith("Retry", StringComparison.Ordinal)
        || screen is Screen.WayOut or Screen.TextTooShort or Screen.TextTooLong or Screen.DateFuture or Screen.Help or Screen.Ambiguous or Screen.NotUnderstood;

    public sealed class Tally
    {
        private readonly Dictionary<string, int> _statuses = new(StringComparer.Ordinal);
        private readonly List<string> _problems = [];

        public List<string> PlannedRaises { get; } = [];

        public List<string> PlannedVisits { get; } = [];

        public int JunkTurns { get; private set; }

        public int ServerErrors { get; private set; }

        public int Completed { get; private set; }

        public int Restarted { get; private set; }

        public IReadOnlyList<string> Problems => _problems;

        public IReadOnlyDictionary<string, int> Statuses => _statuses;

        public void Junk(string channel, Reply reply, Screen screen, string junk)
        {
            lock (_problems)
            {
                JunkTurns++;
                var key = $"{channel} {reply.Status}";
                _statuses[key] = _statuses.GetValueOrDefault(key) + 1;
                ServerErrors += reply.Status >= 500 ? 1 : 0;
                if (reply.Status >= 500 || reply.Texts.Count == 0 || screen == Screen.Failed)
                {
                    _problems.Add($"{channel}: \"{Show(junk)}\" answered {reply.Status} with {(reply.Texts.Count == 0 ? "nothing" : screen + ": " + Scripted.First(reply.Texts[^1]))}");
                }
            }
        }

        private readonly List<string> _taken = [];

        /// <summary>Junk a question accepted as its answer: "screen: junk → next screen".</summary>
        public IReadOnlyList<string> Taken => _taken;

        public void TakenAsAnswer(Screen screen, string junk, Screen after)
        {
            lock (_problems)
            {
                _taken.Add($"{screen}: \"{Show(junk)}\" → {after}");
            }
        }

        public void Problem(string what)
        {
            lock (_problems)
            {
                _problems.Add(what);
            }
        }

        public void Done(bool restarted)
        {
            lock (_problems)
            {
                Completed++;
                Restarted += restarted ? 1 : 0;
            }
        }
    }

    /// <summary>Dialogs with junk: villagers raising problems, cadres logging visits, on both endpoints.</summary>
    public static async Task<Tally> DialogsAsync(YearPlan plan, Uri host, Outside outside, HttpClient http, Expectations expected, int conversations, CancellationToken cancellationToken)
    {
        var tally = new Tally();
        var metrics = new Metrics();
        var gate = new HostGate();
        var random = new Random(5);
        var next = 0;
        var villages = plan.County.Villages.Values.OrderBy(v => v.Id, StringComparer.Ordinal).ToList();
        var jobs = new List<Func<Task>>();
        for (var i = 0; i < conversations; i++)
        {
            var index = i;
            var wechat = i % 2 == 1;
            var cancelFirst = i % 4 == 0;
            var seed = random.Next();
            if (i % 5 == 4)
            {
                // A cadre logging a visit (and raising its problem) with junk on the way.
                var cadre = plan.Cadres.Values.Where(c => c.OnWeChat == wechat && plan.County.HouseholdsOf.ContainsKey(c.PersonId!))
                    .OrderBy(c => c.PersonId, StringComparer.Ordinal).Skip(wechat ? 4 + i : 100 + i).First();
                var household = plan.County.HouseholdsOf[cadre.PersonId!][0];
                var village = plan.County.Villages[household.VillageId];
                var token = $"〔V9{index:D5}〕";
                var raise = new RaisePlan(token, "", "住房", "住房", "房子后墙裂了" + token, null, null, village, null, null, household.Id, household.InDifficulty);
                var visit = new VisitPlan(token, cadre.PersonId!, household, household.Label(village), "记录走访", "昨天下午", "入户", Visits.VisitKind.HomeVisit,
                    null, "老两口在家" + token, null, "房子后墙裂了" + token, null, raise);
                tally.PlannedVisits.Add(token);
                tally.PlannedRaises.Add(token);
                jobs.Add(() => RunAsync(cadre, t => Scripted.LogVisitAsync(t, visit, expected)));
            }
            else
            {
                var id = $"junk-{i:D4}";
                var person = new Person(wechat ? YearPlan.OpenId("j", id) : "villager-" + id, wechat ? "wechat" : "api", "resident", null, villages[i % villages.Count].Id);
                var token = $"〔R9{index:D5}〕";
                var raise = new RaisePlan(token, "我要反映", "饮水", "饮水", "三组的自来水停了三天了" + token, null, null, plan.County.Villages[person.VillageId!], "13812345678", null);
                tally.PlannedRaises.Add(token);
                jobs.Add(() => RunAsync(person, t => Scripted.RaiseAsync(t, raise, expected)));
            }

            async Task RunAsync(Person person, Func<Talk, Task> script)
            {
                var user = person.OnWeChat ? (ChatUser)new WeChatUser(http, host, outside, person.UserId, safeMode: true) : new ApiUser(http, host, outside, person.UserId);
                user.Session = new Session(metrics, gate);
                var junkRandom = new Random(seed);
                var interject = new Talk(user, cancellationToken) { Interject = (t, screen) => InjectAsync(t, screen, junkRandom) };
                if (cancelFirst)
                {
                    // Junk, then 取消 in the middle: the dialog ends, and a new one starts from its first question.
                    var first = await interject.SayAsync(person.Role == "cadre" ? "记录走访" : "我要反映");
                    first = await InjectAsync(interject, first, junkRandom, force: true);
                    if (await interject.SayAsync("取消") != Screen.Cancelled)
                    {
                        tally.Problem($"{person.UserId}: 取消 after junk answered with {interject.Screen}: {Scripted.First(interject.Text)}");
                    }
                }

                await script(interject);
                tally.Done(cancelFirst);
            }
        }

        async Task<Screen> InjectAsync(Talk t, Screen screen, Random junkRandom, bool force = false)
        {
            // A yes/no question takes "null" and "NaN" as no ("n"): junk there is an answer, not junk.
            if (!force && (junkRandom.NextDouble() > 0.6 || screen is Screen.Raised or Screen.Logged or Screen.Cancelled or Screen.RaiseFromVisit))
            {
                return screen;
            }

            var count = force ? 2 : junkRandom.Next(1, 3);
            var question = screen;
            for (var k = 0; k < count; k++)
            {
                // Free text is taken as it is (the reporter's words are kept; a text over Bot:MaxTextChars is cut, not
                // refused), so there only what must be refused is sent: a description shorter than its minimum.
                var freeText = question is Screen.Description or Screen.VillageSituation or Screen.HouseholdSituation or Screen.Hopes or Screen.Problems or Screen.Location or Screen.Done or Screen.Reason;
                if (freeText && question != Screen.Description)
                {
                    return screen;
                }

                var junk = freeText ? "嗯" : Junk[Interlocked.Increment(ref next) % Junk.Length];
                if (t.User is WeChatUser)
                {
                    // WeChat's XML cannot carry these characters at all; WeChat never sends them.
                    junk = XmlText(junk);
                }

                var after = await t.SayAsync(junk);
                tally.Junk(t.User.Channel, t.Last!, after, junk);
                if (after != question && !Refusal(after))
                {
                    // The junk was taken as an answer (the dialog moved on): noted, and no more junk at this step.
                    tally.TakenAsAnswer(question, junk, after);
                    return after;
                }

                screen = after;
            }

            return screen;
        }

        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (job, _) => await job());
        foreach (var problem in metrics.Problems)
        {
            tally.Problem(problem);
        }

        return tally;
    }

    private static readonly TimeSpan SlowestAllowed = TimeSpan.FromSeconds(10);

    public sealed record Body(string Endpoint, string What, int Status, bool AnsweredAfter, TimeSpan Took);

    /// <summary>Broken requests, each followed by a proper message of the same user that must be answered.</summary>
    public static async Task<List<Body>> BodiesAsync(Uri host, Outside outside, HttpClient http, CancellationToken cancellationToken)
    {
        var results = new List<Body>();
        var metrics = new Metrics();
        var gate = new HostGate();
        var api = new ApiUser(http, host, outside, "villager-broken-json") { Session = new Session(metrics, gate) };
        string Activity(string fields) =>
            "{\"type\":\"message\",\"id\":\"" + Guid.NewGuid().ToString("N") + "\",\"channelId\":\"emulator\",\"serviceUrl\":\"" + outside.BaseUrl + "\",\"from\":{\"id\":\"villager-broken-json\"},\"conversation\":{\"id\":\"c-villager-broken-json\"},\"deliveryMode\":\"expectReplies\"" + fields + "}";
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000);
        (string What, string Body, string ContentType)[] apiCases =
        [
            ("not JSON", "this is not json", "application/json"),
            ("truncated JSON", "{\"type\":\"message\",\"text\":\"你好", "application/json"),
            ("an array", "[]", "application/json"),
            ("null", "null", "application/json"),
            ("empty body", "", "application/json"),
            ("a message without conversation, sender or serviceUrl", "{\"type\":\"message\",\"text\":\"你好\"}", "application/json"),
            ("text that is a number", Activity(",\"text\":123"), "application/json"),
            ("text that is an object", Activity(",\"text\":{\"a\":1}"), "application/json"),
            ("attachments that are a string", Activity(",\"text\":\"你好\",\"attachments\":\"notarray\""), "application/json"),
            ("entities that are junk", Activity(",\"text\":\"你好\",\"entities\":[{\"type\":\"Place\",\"geo\":\"x\"}]"), "application/json"),
            ("an unknown activity type", Activity(",\"type\":\"foo\""), "application/json"),
            ("JSON nested 5,000 deep", nested, "application/json"),
            ("a 5 MB text", Activity(",\"text\":\"" + new string('长', 5_000_000 / 3) + "\""), "application/json"),
            ("a 100 KB text", Activity(",\"text\":\"" + new string('长', 100_000 / 3) + "\""), "application/json"),
            ("100,000 Latin letters", Activity(",\"text\":\"" + new string('a', 100_000) + "\""), "application/json"),
            ("100 repeated syllables (xian…v)", Activity(",\"text\":\"" + Syllables(400) + "\""), "application/json"),
            ("25,000 repeated syllables (xian…v)", Activity(",\"text\":\"" + Syllables(100_000) + "\""), "application/json"),
            ("JSON sent as text/plain", Activity(",\"text\":\"你好\""), "text/plain"),
            ("a message with no deliveryMode (replies POSTed to the serviceUrl)", Activity(",\"text\":\"你好\"").Replace(",\"deliveryMode\":\"expectReplies\"", "", StringComparison.Ordinal), "application/json"),
        ];
        foreach (var (what, body, contentType) in apiCases)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var status = await Status(() => api.PostAsync(body, cancellationToken, contentType));
            var took = watch.Elapsed;
            var after = await api.SayAsync("菜单", cancellationToken);
            results.Add(new Body("/api/messages", what, status, after.Texts.Any(x => Screens.Of(x) == Screen.Menu), took));
        }

        var phone = new WeChatUser(http, host, outside, YearPlan.OpenId("j", "broken-xml"), safeMode: true) { Session = new Session(metrics, gate) };
        var crypto = new WeChatCrypto(WeChatUser.AesKey, Outside.AppId);
        var otherApp = new WeChatCrypto(WeChatUser.AesKey, "wx0000000000000bad");
        var p = phone.Phone;
        string Inner(params (string Name, string Value)[] fields) => WeChatXml.Message([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        var text = p.Text("你好").Xml;
        (string What, Func<Task<int>> Send)[] wechatCases =
        [
            ("no signature", () => Raw(p, p.Envelope(text).Body, new Dictionary<string, string>())),
            ("a wrong signature", () => Raw(p, p.Envelope(text).Body, With(p.SignedQuery(p.Envelope(text).Encrypt), "signature", "0000000000000000000000000000000000000000"))),
            ("a timestamp a day old", () => Raw(p, p.Envelope(text).Body, p.SignedQuery(p.Envelope(text).Encrypt, DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds()))),
            ("a wrong msg_signature", () => Raw(p, p.Envelope(text).Body, With(p.SignedQuery(p.Envelope(text).Encrypt), "msg_signature", "0000000000000000000000000000000000000000"))),
            ("a body that is not XML", () => Raw(p, "this is not xml", p.SignedQuery())),
            ("truncated XML", () => Raw(p, "<xml><ToUserName><![CDATA[gh_x]]></ToUser", p.SignedQuery())),
            ("an empty body", () => Raw(p, "", p.SignedQuery())),
            ("a DOCTYPE with an external entity", () => Raw(p, "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>", p.SignedQuery("&x;"))),
            ("Encrypt that is not base64", () => Raw(p, "<xml><Encrypt><![CDATA[%%%not-base64%%%]]></Encrypt></xml>", p.SignedQuery("%%%not-base64%%%"))),
            ("Encrypt of another app id", () => Encrypted(p, otherApp.Encrypt(text))),
            ("Encrypt of a body that is not XML", () => Encrypted(p, crypto.Encrypt("not xml at all"))),
            ("a message without MsgType", () => Encrypted(p, crypto.Encrypt(Inner(("ToUserName", WeChatUser.Account), ("FromUserName", p.OpenId), ("CreateTime", "1"), ("Content", "你好"), ("MsgId", "1"))))),
            ("a MsgId and CreateTime that are not numbers", () => Encrypted(p, crypto.Encrypt(Inner(("ToUserName", WeChatUser.Account), ("FromUserName", p.OpenId), ("CreateTime", "abc"), ("MsgType", "text"), ("Content", "你好"), ("MsgId", "xyz"))))),
            ("an unknown MsgType", () => Encrypted(p, crypto.Encrypt(Inner(("ToUserName", WeChatUser.Account), ("FromUserName", p.OpenId), ("CreateTime", Now()), ("MsgType", "hologram"), ("MsgId", "77"))))),
            ("a character reference XML forbids (&#1;)", () => Encrypted(p, crypto.Encrypt($"<xml><ToUserName><![CDATA[{WeChatUser.Account}]]></ToUserName><FromUserName><![CDATA[{p.OpenId}]]></FromUserName><CreateTime>{Now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>&#1;</Content><MsgId>78</MsgId></xml>"))),
            ("another follower's OpenID inside the message", () => Encrypted(p, crypto.Encrypt(Inner(("ToUserName", WeChatUser.Account), ("FromUserName", "oSomeoneElse"), ("CreateTime", Now()), ("MsgType", "text"), ("Content", "你好"), ("MsgId", "79"))))),
            ("a body over 64 KB", () => Encrypted(p, crypto.Encrypt(p.Text(new string('长', 40_000)).Xml))),
            ("a 100 KB text", () => Encrypted(p, crypto.Encrypt(p.Text(new string('长', 100_000 / 3)).Xml))),
            ("100 repeated syllables (xian…v)", () => Encrypted(p, crypto.Encrypt(p.Text(Syllables(400)).Xml))),
            ("a 40 KB text of repeated syllables (xian…v), signed and under the body limit", () => Encrypted(p, crypto.Encrypt(p.Text(Syllables(40_000)).Xml))),
            ("elements nested 10,000 deep", () => Encrypted(p, crypto.Encrypt("<xml>" + string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000)) + "</xml>"))),
        ];
        foreach (var (what, send) in wechatCases)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var status = await Status(send);
            var took = watch.Elapsed;
            var after = await phone.SayAsync("菜单", cancellationToken);
            results.Add(new Body("/wechat", what, status, after.Texts.Any(x => Screens.Of(x) == Screen.Menu), took));
        }

        return results;
    }

    public static Result Summarize(Tally tally, IReadOnlyList<Body> bodies, int raisesExpected, int raisesFound, int visitsExpected, int visitsFound)
    {
        var serverErrors = tally.ServerErrors + bodies.Count(b => b.Status >= 500);
        // A request that keeps the host busy for longer than this is a way to stall it, whatever it answers.
        var bodyFailures = bodies.Where(b => b.Status >= 500 || b.Status == 0 || !b.AnsweredAfter || b.Took > SlowestAllowed).ToList();
        var pass = serverErrors == 0 && tally.Problems.Count == 0 && bodyFailures.Count == 0 && raisesFound == raisesExpected && visitsFound == visitsExpected;
        var detail = new StringBuilder();
        detail.Append(CultureInfo.InvariantCulture, $"{tally.Completed} dialogs with junk before most answers ({tally.Restarted} of them cancelled after junk and started again), {tally.JunkTurns} junk turns ({string.Join(", ", tally.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} × {s.Value}"))}); ");
        detail.Append(CultureInfo.InvariantCulture, $"junk taken as an answer {tally.Taken.Count} times ({string.Join("; ", tally.Taken.GroupBy(x => x, StringComparer.Ordinal).Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key))}); ");
        detail.Append(CultureInfo.InvariantCulture, $"afterwards {raisesFound} of {raisesExpected} problems raised and {visitsFound} of {visitsExpected} visits saved, each once; ");
        detail.Append(CultureInfo.InvariantCulture, $"{bodies.Count} broken bodies: {string.Join("; ", bodies.Select(b => $"{b.Endpoint} {b.What} → {b.Status} in {b.Took.TotalMilliseconds:F0} ms{(b.AnsweredAfter ? "" : " (next message NOT answered)")}"))}; slowest broken body {bodies.Max(b => b.Took).TotalMilliseconds:F0} ms");
        if (tally.Problems.Count + bodyFailures.Count > 0)
        {
            detail.Append(CultureInfo.InvariantCulture, $". Problems: {string.Join("; ", tally.Problems.Take(10).Concat(bodyFailures.Select(b => $"{b.Endpoint} {b.What} → {b.Status} in {b.Took.TotalMilliseconds:F0} ms")))}");
        }

        return new Result(pass, detail.ToString());
    }

    private static async Task<int> Status(Func<Task<(int Status, string Body)>> send)
    {
        try
        {
            return (await send()).Status;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task<int> Status(Func<Task<int>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task<int> Raw(WeChatPhone phone, string body, IReadOnlyDictionary<string, string> query)
    {
        using var response = await phone.PostRawAsync(body, query);
        return (int)response.StatusCode;
    }

    private static Task<int> Encrypted(WeChatPhone phone, string encrypt) =>
        Raw(phone, WeChatXml.Message([new("ToUserName", WeChatUser.Account), new("Encrypt", encrypt)]), phone.SignedQuery(encrypt));

    private static Dictionary<string, string> With(Dictionary<string, string> query, string key, string value)
    {
        query[key] = value;
        return query;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The text without what XML 1.0 cannot carry (C0 controls but tab and line breaks, lone surrogates).</summary>
    private static string XmlText(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (c is '\t' or '\n' or '\r' || c >= 0x20) && c is not ('\uFFFE' or '\uFFFF'))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static string Show(string junk)
    {
        var shown = junk.Length > 24 ? junk[..24] + $"…({junk.Length} chars)" : junk;
        return new string([.. shown.Select(c => char.IsControl(c) && c != ' ' ? '·' : c)]);
    }
}
