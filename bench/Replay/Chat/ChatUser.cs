using System.Diagnostics;
using System.Net.Sockets;

namespace OutreachBot.Bench.Replay.Chat;

/// <summary>What a user sends: text, or a photo, or a shared location.</summary>
public sealed record Message(string? Text, string? ImageUrl = null, SharedLocation? Location = null)
{
    public static implicit operator Message(string text) => new(text);

    public override string ToString() => Text ?? (ImageUrl is not null ? "[photo]" : "[location]");
}

public sealed record SharedLocation(double Latitude, double Longitude, string Label);

/// <summary>The host's answer to one message: what the user saw, the HTTP status, how long it took.</summary>
public sealed record Reply(IReadOnlyList<string> Texts, int Status, double LatencyMs, int Resends)
{
    public string All => string.Join("\n", Texts);

    public bool Contains(string part) => Texts.Any(t => t.Contains(part, StringComparison.Ordinal));
}

/// <summary>
/// One chat user talking to the host through one endpoint. A message that gets no HTTP answer because the host
/// went down is sent again, the same message (same activity id, same WeChat MsgId), once the host is back, as
/// the channels do.
/// </summary>
public abstract class ChatUser(string userId, string channel)
{
    public string UserId { get; } = userId;

    /// <summary>"api" (/api/messages) or "wechat" (/wechat).</summary>
    public string Channel { get; } = channel;

    /// <summary>The job this user is in now (a user is in one job at a time); its turns are recorded there.</summary>
    public Session Session { get; set; } = null!;

    public abstract string InboxKey { get; }

    /// <summary>The replies seen so far that the script has not read yet (passive, API, customer-service, proactive).</summary>
    protected List<string> Pending { get; } = [];

    /// <summary>Proactive messages that arrived while the user was doing something else, oldest first.</summary>
    public List<string> Unread { get; } = [];

    public async Task<Reply> SayAsync(Message message, CancellationToken cancellationToken = default)
    {
        Session.Record(this, message);

        // Whatever came in since (a notice, a follow-up question) is not part of this message's answer.
        Unread.AddRange(Observe(DrainInbox()));
        var resends = 0;
        var confirm = message.Text == "对";
        var attempt = Prepare(message);
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                if (confirm)
                {
                    Session.Metrics.ConfirmStarted();
                }

                var (status, texts) = await SendAsync(attempt, resends, cancellationToken);
                Observe(texts);
                var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var reply = new Reply(texts, status, latency, resends);
                Session.Metrics.Turn(Channel, reply);
                return reply;
            }
            catch (Exception e) when (IsHostDown(e) && !cancellationToken.IsCancellationRequested)
            {
                // The host is down (killed by the drill): wait for it, then send the same message again.
                if (!Session.Gate.Expecting)
                {
                    throw;
                }

                resends++;
                Session.Metrics.Resent(Channel);
                await Session.Gate.UpAsync(cancellationToken);
            }
            finally
            {
                if (confirm)
                {
                    Session.Metrics.ConfirmEnded();
                }
            }
        }
    }

    /// <summary>Takes the proactive messages waiting for this user (and those kept in <see cref="Unread"/>).</summary>
    public List<string> TakeUnread()
    {
        List<string> all = [.. Unread, .. Observe(DrainInbox())];
        Unread.Clear();
        return all;
    }

    protected abstract List<string> DrainInbox();

    /// <summary>Replies that arrive later (customer-service messages, proactive activities) within the timeout.</summary>
    public async Task<List<string>> MoreAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Observe(await FetchMoreAsync(timeout, cancellationToken));

    protected abstract Task<List<string>> FetchMoreAsync(TimeSpan timeout, CancellationToken cancellationToken);

    private int _followUpNotices;

    /// <summary>Follow-up notices ("已经办结") this user has seen anywhere: in a turn's replies or on their own.</summary>
    public int FollowUpNotices => Volatile.Read(ref _followUpNotices);

    /// <summary>How many of them a follow-up job has already counted.</summary>
    public int FollowUpNoticesCounted { get; set; }

    private List<string> Observe(List<string> texts)
    {
        Interlocked.Add(ref _followUpNotices, texts.Count(t => Scripts.Screens.Of(t) == Scripts.Screen.FollowUpNotice));
        return texts;
    }

    protected abstract object Prepare(Message message);

    protected abstract Task<(int Status, List<string> Texts)> SendAsync(object prepared, int resends, CancellationToken cancellationToken);

    private static bool IsHostDown(Exception e) =>
        e is HttpRequestException { StatusCode: null } or IOException or SocketException
        || (e is TaskCanceledException && e.InnerException is TimeoutException)
        || e.InnerException is IOException or SocketException;
}

/// <summary>
/// Whether the host is expected to be down (a crash drill is running) and when it is back. Clients that lose
/// their connection wait here and resend.
/// </summary>
public sealed class HostGate
{
    private TaskCompletionSource _up = NewUp(true);

    public bool Expecting { get; private set; }

    public void Down()
    {
        Expecting = true;
        Interlocked.Exchange(ref _up, NewUp(false));
    }

    public void Up() => Volatile.Read(ref _up).TrySetResult();

    public void Done() => Expecting = false;

    public Task UpAsync(CancellationToken cancellationToken) => Volatile.Read(ref _up).Task.WaitAsync(cancellationToken);

    private static TaskCompletionSource NewUp(bool up)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (up)
        {
            source.SetResult();
        }

        return source;
    }
}
