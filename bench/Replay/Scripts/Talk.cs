using OutreachBot.Bench.Replay.Chat;

namespace OutreachBot.Bench.Replay.Scripts;

/// <summary>
/// A user's side of a conversation: sends a message, then finds what the bot is now asking in everything it said
/// (the last recognisable message wins; on WeChat the rest of a turn may come a moment later through the API).
/// </summary>
public sealed class Talk(ChatUser user, CancellationToken cancellationToken)
{
    private readonly List<string> _texts = [];
    private readonly Queue<string> _trace = new();

    /// <summary>Set REPLAY_TRACE=1 to have problems carry the last exchanges of their conversation.</summary>
    private static readonly bool Tracing = Environment.GetEnvironmentVariable("REPLAY_TRACE") == "1";

    public ChatUser User => user;

    public Screen Screen { get; private set; }

    /// <summary>The message the current screen was recognised in.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Everything the bot said since the last message was sent.</summary>
    public IReadOnlyList<string> Texts => _texts;

    public Reply? Last { get; private set; }

    /// <summary>The bad-input drill's hook: may send junk before the script answers a question; returns what the bot then shows.</summary>
    public Func<Talk, Screen, Task<Screen>>? Interject { get; init; }

    public Task<Screen> InterjectAsync(Screen screen) =>
        Interject is { } interject && screen.IsQuestion() ? interject(this, screen) : Task.FromResult(screen);

    public async Task<Screen> SayAsync(Message message)
    {
        var reply = await user.SayAsync(message, cancellationToken);
        if (reply.Texts.Count == 0 && reply.Status == 200 && reply.Resends > 0)
        {
            // The crash drill: the message was sent again after the restart and the host answered nothing (it had
            // taken the message in before the crash). The person sees no answer; asking 帮助 shows where they are
            // without giving an answer to a question they have not seen.
            user.Session.Metrics.Problem($"{user.Channel} message \"{Brief(message)}\" of {user.UserId}, resent after the restart, was answered with nothing");
            Interlocked.Increment(ref _unanswered);
            reply = await user.SayAsync("帮助", cancellationToken);
        }

        Last = reply;
        _texts.Clear();
        _texts.AddRange(reply.Texts);
        if (Tracing)
        {
            _trace.Enqueue($"> {Brief(message)} < {string.Join(" | ", reply.Texts.Select(x => x.Replace("\n", "⏎", StringComparison.Ordinal)))}");
            while (_trace.Count > 8)
            {
                _trace.Dequeue();
            }
        }

        if (reply.Texts.Count == 0)
        {
            user.Session.Metrics.NoAnswer();
        }

        Read();
        return Screen;
    }

    /// <summary>Whether any message since the last one sent was this screen.</summary>
    public bool Seen(Screen screen) => _texts.Any(x => Screens.Of(x) == screen);

    /// <summary>Waits for more replies (customer-service messages, proactive messages) and reads them.</summary>
    public async Task<Screen> MoreAsync(TimeSpan? timeout = null)
    {
        var more = await user.MoreAsync(timeout ?? (user.Channel == "wechat" ? WeChatUser.LateReplyWait : TimeSpan.FromSeconds(2)), cancellationToken);
        _texts.AddRange(more);
        Read();
        return more.Count == 0 ? Screen.Unknown : Screen;
    }

    /// <summary>Until the bot asks something (not just a notice or a "继续" line), waiting for late replies.</summary>
    public async Task<Screen> QuestionAsync()
    {
        for (var i = 0; i < 3 && !Screen.IsQuestion(); i++)
        {
            if (await MoreAsync() == Screen.Unknown && !Screen.IsQuestion())
            {
                break;
            }
        }

        return Screen;
    }

    private static int _unanswered;

    /// <summary>Messages resent after a restart (same activity id, same MsgId) that got no answer at all.</summary>
    public static int UnansweredResends => Volatile.Read(ref _unanswered);

    private void Read()
    {
        for (var i = _texts.Count - 1; i >= 0; i--)
        {
            var screen = Screens.Of(_texts[i]);
            if (screen != Screen.Unknown)
            {
                Screen = screen;
                Text = _texts[i];
                return;
            }
        }

        Screen = Screen.Unknown;
        Text = _texts.Count > 0 ? _texts[^1] : "";
    }

    /// <summary>The last exchanges, when tracing; else empty.</summary>
    public string Trace => Tracing ? "\n    " + string.Join("\n    ", _trace) : "";

    public static string Brief(Message message) => message.ToString() is { Length: > 20 } text ? text[..20] + "…" : message.ToString();

    /// <summary>The numbered options in a question ("3. 王德明（第3村2组）" → 3, "王德明（第3村2组）").</summary>
    public static List<(int Number, string Label)> Options(string text)
    {
        var options = new List<(int, string)>();
        foreach (var line in text.Split('\n'))
        {
            var dot = line.IndexOf(". ", StringComparison.Ordinal);
            if (dot > 0 && int.TryParse(line.AsSpan(0, dot), out var number))
            {
                options.Add((number, line[(dot + 2)..].Trim()));
            }
        }

        return options;
    }
}
