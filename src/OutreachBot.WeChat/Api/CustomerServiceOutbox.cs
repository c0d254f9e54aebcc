using Microsoft.Extensions.Logging;
using OutreachBot.Conversations;
using OutreachBot.WeChat.Turns;

namespace OutreachBot.WeChat.Api;

/// <summary>
/// Customer-service messages to one user go out one at a time, in the order the bot produced them, whoever sends
/// them (a late turn, the rest of a turn after its passive reply, a reminder). Users do not share a queue.
/// </summary>
internal sealed class CustomerServiceOutbox(
    WeChatApiClient api,
    IUndeliveredMessages undelivered,
    BackgroundWork background,
    ILogger<CustomerServiceOutbox> logger)
{
    /// <summary>How long the rest of a turn waits for its passive reply to leave before going out anyway.</summary>
    private static readonly TimeSpan PassiveReplyGate = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    /// <summary>
    /// Replies of a turn, sent after <paramref name="after"/> (the passive reply leaving). Whatever WeChat does not
    /// take is kept as undelivered; after a refusal for the window or the quota (45015, 45047) the rest are kept
    /// without trying, since they would be refused too.
    /// </summary>
    public Task Enqueue(string openId, IReadOnlyList<string> texts, Task? after = null) => Chain(openId, async () =>
    {
        if (after is not null)
        {
            await after.WaitAsync(PassiveReplyGate).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        WeChatDelivery? refused = null;
        foreach (var text in texts)
        {
            var delivery = refused ?? await SendOneAsync(openId, text, CancellationToken.None).ConfigureAwait(false);
            if (!delivery.Sent)
            {
                undelivered.Keep(openId, text, delivery);
                refused = delivery.Outcome == DeliveryOutcome.RefusedByWeChat ? delivery : refused;
            }
        }

        return true;
    });

    /// <summary>One message in this user's order; the caller decides what to do with a failure.</summary>
    public Task<WeChatDelivery> SendAsync(string openId, string text, CancellationToken cancellationToken) =>
        Chain(openId, () => SendOneAsync(openId, text, cancellationToken));

    private Task<T> Chain<T>(string openId, Func<Task<T>> work)
    {
        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(openId, Task.CompletedTask);
            var next = RunAfterAsync(previous, work);
            _tails[openId] = next;
            background.Track(next);
            _ = next.ContinueWith(_ => Forget(openId, next), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return next;
        }
    }

    private static async Task<T> RunAfterAsync<T>(Task previous, Func<Task<T>> work)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return await work().ConfigureAwait(false);
    }

    private void Forget(string openId, Task finished)
    {
        lock (_tails)
        {
            if (_tails.TryGetValue(openId, out var tail) && tail == finished)
            {
                _tails.Remove(openId);
            }
        }
    }

    private async Task<WeChatDelivery> SendOneAsync(string openId, string text, CancellationToken cancellationToken)
    {
        var result = await api.SendCustomTextAsync(openId, text, cancellationToken).ConfigureAwait(false);
        var delivery = WeChatDelivery.From(WeChatRoute.CustomerService, result);
        if (!delivery.Sent)
        {
            logger.LogWarning("Customer-service message to {User} not sent: {Outcome} (errcode {ErrorCode})", Redact.Id(openId), delivery.Outcome, delivery.ErrorCode);
        }

        return delivery;
    }
}
