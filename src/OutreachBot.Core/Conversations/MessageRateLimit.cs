using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Texts;

namespace OutreachBot.Conversations;

/// <summary>
/// A token bucket per user and channel (<see cref="BotLimitsOptions.RateLimit"/>). A message over the limit is not
/// processed. The first one is answered with one polite notice; the rest until the user is let through again get
/// nothing, so a flood never turns into a flood of replies. It runs before the turn gate, so a flood does not queue
/// up behind the conversation's lock either. Proactive turns (reminders) are not messages and are never limited.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting keeps time by its own clock, not a TimeProvider; tests that need the bucket to
/// refill use a short refill period.
/// </remarks>
public sealed class MessageRateLimit : IMiddleware, IDisposable
{
    /// <summary>Users told and not yet let through again are remembered up to this many, then forgotten at once.</summary>
    private const int MaxTold = 10_000;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The partitioned limiter refills its buckets on a 100 ms beat, so a refill is never more often than this.</summary>
    private static readonly TimeSpan ShortestPeriod = TimeSpan.FromMilliseconds(100);

    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly ConcurrentDictionary<string, byte> _told = new(StringComparer.Ordinal);
    private readonly TextCatalog _texts;
    private readonly ILogger<MessageRateLimit> _logger;

    public MessageRateLimit(IOptions<BotLimitsOptions> options, TextCatalog texts, ILogger<MessageRateLimit> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _texts = texts;
        _logger = logger;
        var rate = options.Value.RateLimit;
        if (rate.PermitsPerMinute <= 0)
        {
            return;
        }

        var period = Minute / rate.PermitsPerMinute < ShortestPeriod ? ShortestPeriod : Minute / rate.PermitsPerMinute;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate.Burst,
            ReplenishmentPeriod = period,
            TokensPerPeriod = Math.Max(1, (int)Math.Round(rate.PermitsPerMinute * period / Minute)),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket));
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (_limiter is null || activity.Type != ActivityTypes.Message || activity.From?.Id is not { Length: > 0 } userId)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var key = $"{activity.ChannelId}/{userId}";
        using (var lease = _limiter.AttemptAcquire(key))
        {
            if (lease.IsAcquired)
            {
                _told.TryRemove(key, out _);
                await next(cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        if (_told.Count >= MaxTold)
        {
            _told.Clear();
        }

        if (_told.TryAdd(key, 0))
        {
            _logger.LogWarning("Messages of {User} on {Channel} are over the rate limit; they are dropped until it refills", Redact.Id(userId), activity.ChannelId);
            await turnContext.SendActivityAsync(_texts[ConversationTexts.SlowDown], cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _limiter?.Dispose();
}
