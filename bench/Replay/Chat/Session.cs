namespace OutreachBot.Bench.Replay.Chat;

/// <summary>
/// One job's conversation: the messages its users sent, in order (so the echo baseline can send exactly the same
/// load), and the run's shared metrics and host gate.
/// </summary>
public sealed class Session(Metrics metrics, HostGate gate)
{
    private readonly List<(string Channel, string UserId, Message Message)> _sent = [];

    public Metrics Metrics { get; } = metrics;

    public HostGate Gate { get; } = gate;

    public IReadOnlyList<(string Channel, string UserId, Message Message)> Sent => _sent;

    /// <summary>No job of the year sends this many; one that does is going round in circles (a host that answers nothing useful).</summary>
    public const int MaxMessages = 2_000;

    public void Record(ChatUser user, Message message)
    {
        lock (_sent)
        {
            _sent.Add((user.Channel, user.UserId, message));
            if (_sent.Count > MaxMessages)
            {
                throw new InvalidOperationException($"the job sent {MaxMessages} messages without finishing");
            }
        }
    }
}

/// <summary>Turn latencies per endpoint, resends, and problems seen, shared by all workers.</summary>
public sealed class Metrics
{
    private readonly Dictionary<string, List<double>> _latencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];
    private long _resends;
    private long _unanswered;
    private long _serverErrors;

    public long Resends => Interlocked.Read(ref _resends);

    /// <summary>Message turns that got no text back at all (HTTP answer with no activity, WeChat "success" and nothing after).</summary>
    public long Unanswered => Interlocked.Read(ref _unanswered);

    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    private long _confirmsInFlight;

    /// <summary>"对" messages (the ones that save a visit, an entry, a close-out) sent and not yet answered.</summary>
    public long ConfirmsInFlight => Interlocked.Read(ref _confirmsInFlight);

    public void ConfirmStarted() => Interlocked.Increment(ref _confirmsInFlight);

    public void ConfirmEnded() => Interlocked.Decrement(ref _confirmsInFlight);

    public void Turn(string channel, Reply reply)
    {
        lock (_latencies)
        {
            if (!_latencies.TryGetValue(channel, out var list))
            {
                _latencies[channel] = list = [];
            }

            list.Add(reply.LatencyMs);
            var status = reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        }

        if (reply.Status >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }
    }

    public void Resent(string channel) => Interlocked.Increment(ref _resends);

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Things worth counting that are not problems.</summary>
    public IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            lock (_counts)
            {
                return new Dictionary<string, int>(_counts);
            }
        }
    }

    public void Count(string what)
    {
        lock (_counts)
        {
            _counts[what] = _counts.GetValueOrDefault(what) + 1;
        }
    }

    public void NoAnswer() => Interlocked.Increment(ref _unanswered);

    public void Problem(string what)
    {
        lock (_problems)
        {
            _problems.Add(what);
        }
    }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public IReadOnlyDictionary<string, int> Statuses
    {
        get
        {
            lock (_latencies)
            {
                return new Dictionary<string, int>(_statuses);
            }
        }
    }

    public Latency LatencyOf(string? channel = null)
    {
        lock (_latencies)
        {
            var all = channel is null ? _latencies.Values.SelectMany(l => l).ToList() : [.. _latencies.GetValueOrDefault(channel) ?? []];
            return Latency.Of(all);
        }
    }

    public int TurnsOf(string? channel = null)
    {
        lock (_latencies)
        {
            return channel is null ? _latencies.Values.Sum(l => l.Count) : _latencies.GetValueOrDefault(channel)?.Count ?? 0;
        }
    }
}

public sealed record Latency(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static Latency Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new Latency(0, 0, 0, 0, 0, 0);
        }

        values.Sort();
        double At(double q) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
        return new Latency(values.Count, values.Average(), At(0.50), At(0.95), At(0.99), values[^1]);
    }
}
