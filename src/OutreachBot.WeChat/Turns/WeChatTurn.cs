using System.Text;
using OutreachBot.WeChat.Api;

namespace OutreachBot.WeChat.Turns;

/// <summary>
/// The replies of one turn started by a WeChat delivery. Until the passive-reply budget runs out they are held;
/// then, if the turn has finished, the first becomes the passive reply (when it fits in 2,048 bytes) and the rest go
/// through the customer-service API after it; if the turn is still running, everything it said and says from now on
/// goes through the API, in order.
/// </summary>
internal sealed class WeChatTurn(string openId, bool silent, CustomerServiceOutbox outbox)
{
    /// <summary>WeChat's limit for a passive text; a longer one goes through the API instead of being cut.</summary>
    public const int PassiveTextLimit = 2048;

    private readonly object _gate = new();
    private readonly List<string> _held = [];
    private bool _late;

    public string OpenId => openId;

    /// <summary>Called for the replies the bot sends; in the late phase the returned task ends when they are sent.</summary>
    public Task DeliverAsync(IReadOnlyList<string> texts)
    {
        // An unfollow's replies would never arrive (and the API would refuse them).
        if (silent || texts.Count == 0)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (!_late)
            {
                _held.AddRange(texts);
                return Task.CompletedTask;
            }

            return outbox.Enqueue(openId, texts);
        }
    }

    /// <summary>At the budget: the passive reply text, or null for "success". <paramref name="passiveReplySent"/> ends
    /// when the HTTP response has gone, so the rest does not overtake it.</summary>
    public string? Decide(bool finished, Task passiveReplySent)
    {
        lock (_gate)
        {
            if (!finished)
            {
                _late = true;
                if (_held.Count > 0)
                {
                    outbox.Enqueue(openId, [.. _held]);
                }

                _held.Clear();
                return null;
            }

            if (_held.Count == 0)
            {
                return null;
            }

            var passive = Encoding.UTF8.GetByteCount(_held[0]) <= PassiveTextLimit ? _held[0] : null;
            var rest = passive is null ? [.. _held] : _held.Skip(1).ToList();
            if (rest.Count > 0)
            {
                outbox.Enqueue(openId, rest, passiveReplySent);
            }

            _held.Clear();
            return passive;
        }
    }
}
