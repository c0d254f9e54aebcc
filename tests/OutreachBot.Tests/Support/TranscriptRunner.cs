using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using OutreachBot.Conversations;
using ConversationReference = Microsoft.Bot.Schema.ConversationReference;

namespace OutreachBot.Tests.Support;

/// <summary>
/// Plays a transcript through the registered bot on Bot Builder's TestAdapter, on a real LiteDB file, with a fake
/// clock (default 2026-11-27 10:00 in Shanghai). Each user gets their own conversation; @restart reopens the bot on
/// the same file.
/// </summary>
public sealed class TranscriptRunner : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly Dictionary<string, TestAdapter> _adapters = new(StringComparer.Ordinal);
    private BotHarness _bot;
    private string _user = "villager-1";

    public TranscriptRunner(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Dialogs:Path"] = TestDialogs.CombinedFolder(_folder),
        };
        _services = services;
        _bot = Start();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8)));

    public IServiceProvider Services => _bot.Services;

    public string DatabasePath => _folder.File("bot.db");

    public async Task PlayAsync(Transcript transcript)
    {
        IReadOnlyList<string>? replies = null;
        var lastSent = "";
        foreach (var line in transcript.Lines)
        {
            var at = $"{transcript.Name}:{line.Number}";
            switch (line.Kind)
            {
                case Transcript.Kind.Say:
                case Transcript.Kind.Image:
                case Transcript.Kind.Location:
                    lastSent = line.Text;
                    replies = await SendAsync(Activity(line));
                    break;
                case Transcript.Kind.User:
                    _user = line.Text;
                    break;
                case Transcript.Kind.Clock:
                    var local = DateTime.ParseExact(line.Text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                    Clock.SetUtcNow(new DateTimeOffset(local, TimeSpan.FromHours(8)));
                    break;
                case Transcript.Kind.Restart:
                    await RestartAsync();
                    break;
                case Transcript.Kind.Inbox:
                    lastSent = "(nothing: messages the bot sent on its own)";
                    replies = Drain(Adapter());
                    break;
                default:
                    Check(at, line, lastSent, replies ?? throw new FormatException($"{at}: an expectation before anything was sent"));
                    break;
            }
        }
    }

    public async Task<IReadOnlyList<string>> SayAsync(string text)
    {
        var activity = Adapter().MakeActivity(text);
        activity.Id = Guid.NewGuid().ToString("N");
        return await SendAsync(activity);
    }

    /// <summary>What the bot sent this user on its own since their last message.</summary>
    public IReadOnlyList<string> Inbox(string user)
    {
        var current = _user;
        _user = user;
        try
        {
            return Drain(Adapter());
        }
        finally
        {
            _user = current;
        }
    }

    public async Task RestartAsync()
    {
        await _bot.DisposeAsync();
        _adapters.Clear();
        _bot = Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        _folder.Dispose();
    }

    private static void Check(string at, Transcript.Line line, string sent, IReadOnlyList<string> replies)
    {
        var all = string.Join("\n", replies);
        var shown = $"after '{sent}' the bot said:\n{all}";
        switch (line.Kind)
        {
            case Transcript.Kind.ExpectLine:
                Assert.True(all.Split('\n').Any(l => l.Trim() == line.Text), $"{at}: expected the line '{line.Text}'; {shown}");
                break;
            case Transcript.Kind.ExpectContains:
                Assert.True(all.Contains(line.Text, StringComparison.Ordinal), $"{at}: expected '{line.Text}' in the reply; {shown}");
                break;
            case Transcript.Kind.ExpectAbsent:
                Assert.False(all.Contains(line.Text, StringComparison.Ordinal), $"{at}: did not expect '{line.Text}'; {shown}");
                break;
        }
    }

    private BotHarness Start() => new(DatabasePath, _settings, services =>
    {
        TestDialogs.Register(services);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IProactiveChannel>(new TestChannel(this));
        _services?.Invoke(services);
    });

    private static List<string> Drain(TestAdapter adapter)
    {
        var replies = new List<string>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply.AsMessageActivity()?.Text ?? "");
        }

        return replies;
    }

    private TestAdapter Adapter()
    {
        if (!_adapters.TryGetValue(_user, out var adapter))
        {
            var reference = TestAdapter.CreateConversation("conversation-" + _user, _user, "outreachbot");
            adapter = new TestAdapter(reference);
            BotPipeline.Apply(adapter, _bot.Services);
            // The test adapter stands for a chat on this machine, as the console is, so the demo identities hold.
            adapter.Use(new Callers.OnThisMachine());
            _adapters[_user] = adapter;
        }

        return adapter;
    }

    private Activity Activity(Transcript.Line line)
    {
        var adapter = Adapter();
        var activity = adapter.MakeActivity(line.Kind == Transcript.Kind.Say ? line.Text : null);

        // TestAdapter numbers activities from 0 again after a restart; real channels never reuse an id.
        activity.Id = Guid.NewGuid().ToString("N");
        if (line.Kind == Transcript.Kind.Image)
        {
            activity.Attachments = [new Attachment("image/jpeg", line.Text, name: "photo.jpg")];
        }
        else if (line.Kind == Transcript.Kind.Location)
        {
            // "@location 32.91,104.24 三组村口": coordinates, then the label.
            var parts = line.Text.Split(' ', 2);
            var coordinates = parts[0].Split(',').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            var place = new Entity("Place");
            place.Properties["geo"] = new JObject { ["type"] = "GeoCoordinates", ["latitude"] = coordinates[0], ["longitude"] = coordinates[1] };
            place.Properties["name"] = parts.Length > 1 ? parts[1] : "";
            activity.Entities = [place];
        }

        return activity;
    }

    private async Task<IReadOnlyList<string>> SendAsync(Activity activity)
    {
        var adapter = Adapter();
        await adapter.ProcessActivityAsync(activity, _bot.Bot.OnTurnAsync, CancellationToken.None);
        return Drain(adapter);
    }

    /// <summary>Proactive messages (follow-ups, notices) to a user land in that user's test conversation, for @inbox.</summary>
    private sealed class TestChannel(TranscriptRunner runner) : IProactiveChannel
    {
        public bool Serves(string channelId) => channelId == Microsoft.Bot.Connector.Channels.Test;

        public Task ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
        {
            var user = runner._user;
            runner._user = reference.User.Id;
            try
            {
                return runner.Adapter().ContinueConversationAsync("", reference, callback, cancellationToken);
            }
            finally
            {
                runner._user = user;
            }
        }
    }
}
