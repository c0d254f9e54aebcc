using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Conversations;
using OutreachBot.Identity;
using OutreachBot.Ledger;
using OutreachBot.Meetings;
using OutreachBot.Scheduling;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Meetings;

/// <summary>
/// The bot as the host wires it (demo county, demo meeting calendars, a real LiteDB file) on a fake clock, with a
/// local stand-in for the channel's connector (<see cref="ReplyListener"/>): a proactive reminder is an HTTP POST
/// that arrives there, on the conversation of the person it was meant for. The scheduler is ticked by the test.
/// </summary>
internal sealed class MeetingBed : IAsyncDisposable
{
    /// <summary>A plain-text channel served by the Bot Framework adapter (Markdown channels reformat the lines).</summary>
    public const string Channel = "test";

    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;
    private BotHarness _bot;

    private MeetingBed(ReplyListener listener, DateTimeOffset start, IDictionary<string, string?>? settings)
    {
        Listener = listener;
        Clock = new FakeTimeProvider(start);
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        _bot = Start();
    }

    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public FakeTimeProvider Clock { get; }

    public ReplyListener Listener { get; }

    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _bot.Services;

    public T Get<T>()
        where T : notnull => _bot.Services.GetRequiredService<T>();

    public static async Task<MeetingBed> StartAsync(DateTimeOffset start, IDictionary<string, string?>? settings = null) =>
        new(await ReplyListener.StartAsync(), start, settings);

    public static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, Shanghai);

    /// <summary>The person is bound to a chat account on <see cref="Channel"/> and has written to the bot before.</summary>
    public void Reachable(string personId, Role role, string? serviceUrl = null)
    {
        Bound(personId, role);
        Get<IConversationReferences>().Remember(new ConversationReference
        {
            ChannelId = Channel,
            ServiceUrl = serviceUrl ?? Listener.ServiceUrl,
            Conversation = new ConversationAccount(id: "conv-" + personId),
            User = new ChannelAccount("user-" + personId),
            Bot = new ChannelAccount("outreachbot"),
        }, Clock.GetUtcNow());
    }

    /// <summary>Bound, but never wrote: no conversation to remind them in.</summary>
    public void Bound(string personId, Role role) =>
        Get<IBindingStore>().Save(new Binding(Channel, "user-" + personId, role, personId, Clock.GetUtcNow()));

    public UserIdentity Identity(string personId) => Get<IIdentityResolver>().Resolve(Channel, "user-" + personId);

    /// <summary>One scheduler tick at the clock's time; returns the reminders that reached the listener.</summary>
    public async Task<IReadOnlyList<Received>> TickAsync()
    {
        await Get<Scheduler>().TickAsync();
        var received = new List<Received>();
        while (Listener.Count > 0)
        {
            var activity = await Listener.NextReplyAsync();
            var conversation = (string?)activity["conversation"]?["id"] ?? "";
            received.Add(new Received(conversation["conv-".Length..], (string?)activity["text"] ?? "", ChinaLocal(Clock.GetUtcNow()), activity));
        }

        return received;
    }

    /// <summary>Moves the clock to each step from now to <paramref name="until"/> and ticks; everything received on the way.</summary>
    public async Task<IReadOnlyList<Received>> RunUntilAsync(DateTimeOffset until, TimeSpan step)
    {
        var all = new List<Received>();
        while (Clock.GetUtcNow() + step <= until)
        {
            Clock.Advance(step);
            all.AddRange(await TickAsync());
        }

        return all;
    }

    /// <summary>A chat message from this user on Bot Builder's TestAdapter; the bot's replies.</summary>
    public async Task<string> SayAsync(string userId, string text)
    {
        // The conversation's service URL is the local listener, so reminders to this user later stay on this machine.
        var reference = Microsoft.Bot.Builder.Adapters.TestAdapter.CreateConversation("conv-" + userId, userId, "outreachbot");
        reference.ServiceUrl = Listener.ServiceUrl;
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter(reference);
        BotPipeline.Apply(adapter, _bot.Services);
        // The test adapter stands for a chat on this machine, as the console is, so the demo identities hold.
        adapter.Use(new Callers.OnThisMachine());
        await adapter.ProcessActivityAsync(adapter.MakeActivity(text), _bot.Bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<string>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply.AsMessageActivity()?.Text ?? "");
        }

        return string.Join('\n', replies);
    }

    /// <summary>Stops the bot and starts it again on the same database file (a new scheduler, a new job).</summary>
    public async Task RestartAsync()
    {
        await _bot.DisposeAsync();
        _bot = Start();
    }

    public LedgerEntry Entry(string id, string villageId, string villageName, string description, DateTimeOffset raisedAt, int dueDays = 7, LedgerBook book = LedgerBook.LivelihoodRequests, string kind = "饮水")
    {
        var entry = new LedgerEntry(id, book, kind, description, new Reporter("wechat", "o-" + id), villageId, villageName, raisedAt, raisedAt.AddDays(dueDays));
        Get<ILedgerStore>().Save(entry);
        return entry;
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await Listener.DisposeAsync();
        _folder.Dispose();
    }

    public static string ChinaLocal(DateTimeOffset instant) =>
        instant.ToOffset(Shanghai).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private BotHarness Start() => new(_folder.File("bot.db"), _settings, services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ILoggerProvider>(Logs);
    });

    /// <summary>A reminder as it arrived: to whom (the person id, or the user id of a chat the test opened), what, and the Shanghai time of the tick that sent it.</summary>
    public sealed record Received(string PersonId, string Text, string At, Newtonsoft.Json.Linq.JObject Activity);
}
