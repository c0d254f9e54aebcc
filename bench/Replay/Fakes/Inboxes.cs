using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using OutreachBot.Bench.Replay.Scripts;

namespace OutreachBot.Bench.Replay.Fakes;

/// <summary>
/// Messages the host sends a user outside the HTTP answer to their own message: WeChat customer-service messages,
/// and activities POSTed to a Bot Framework channel's serviceUrl (proactive follow-ups). One queue per user.
/// </summary>
public sealed partial class Inboxes
{
    private readonly ConcurrentDictionary<string, Channel<string>> _queues = new(StringComparer.Ordinal);
    private long _delivered;

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Tracking number → follow-up notices (满意吗?) delivered, and 无法解决 notices delivered.</summary>
    public ConcurrentDictionary<string, int> FollowUpNotices { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> UnresolvedNotices { get; } = new(StringComparer.Ordinal);

    /// <summary>Per endpoint ("api", "wechat"): follow-up notices, the satisfaction questions and the "busy" notes sent on their own.</summary>
    public ConcurrentDictionary<string, int> ProactiveByKind { get; } = new(StringComparer.Ordinal);

    [GeneratedRegex(@"编号 (?<id>[A-Z]{2}\d{8}-\d{4,})")]
    private static partial Regex Number();

    public void Put(string user, string text)
    {
        Interlocked.Increment(ref _delivered);
        var screen = Screens.Of(text);
        if (screen is Screen.FollowUpNotice or Screen.Satisfaction or Screen.Busy)
        {
            ProactiveByKind.AddOrUpdate($"{user[..user.IndexOf('/', StringComparison.Ordinal)]} {screen}", 1, (_, n) => n + 1);
        }
        if (screen is Screen.FollowUpNotice or Screen.UnresolvedNotice && Number().Match(text) is { Success: true } number)
        {
            (screen == Screen.FollowUpNotice ? FollowUpNotices : UnresolvedNotices).AddOrUpdate(number.Groups["id"].Value, 1, (_, n) => n + 1);
        }

        Queue(user).Writer.TryWrite(text);
    }

    /// <summary>Everything already waiting for the user.</summary>
    public List<string> Drain(string user)
    {
        var list = new List<string>();
        var reader = Queue(user).Reader;
        while (reader.TryRead(out var text))
        {
            list.Add(text);
        }

        return list;
    }

    /// <summary>The next message for the user, or null after the timeout.</summary>
    public async Task<string?> NextAsync(string user, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await Queue(user).Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private Channel<string> Queue(string user) => _queues.GetOrAdd(user, _ => Channel.CreateUnbounded<string>());
}
