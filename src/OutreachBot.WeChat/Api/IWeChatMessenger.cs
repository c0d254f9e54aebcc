namespace OutreachBot.WeChat.Api;

/// <summary>
/// Sending to a WeChat user outside a turn (reminders, follow-ups). Resolve it from the services; it is registered
/// only when the WeChat channel is on. Bot code that prefers Bot Framework calls WeChatAdapter.ContinueConversationAsync
/// instead, which lands here.
/// </summary>
public interface IWeChatMessenger
{
    /// <summary>Whether a customer-service (text) message may reach this user now: they wrote within 48 hours.</summary>
    bool IsWithinServiceWindow(string openId);

    /// <summary>A customer-service text message; not tried outside the 48-hour window.</summary>
    Task<WeChatDelivery> SendTextAsync(string openId, string text, CancellationToken cancellationToken = default);

    /// <summary>A template message; <paramref name="templateName"/> names an id under WeChat:Templates.</summary>
    Task<WeChatDelivery> SendTemplateAsync(string openId, string templateName, IReadOnlyDictionary<string, string> data, string? url = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The text inside the window; outside it, or when WeChat refuses the text for the window or the quota, the
    /// <paramref name="fallback"/> template. When neither goes out, the text is kept as undelivered (see <see cref="IUndeliveredMessages"/>).
    /// </summary>
    Task<WeChatDelivery> NotifyAsync(string openId, string text, WeChatTemplate? fallback, CancellationToken cancellationToken = default);
}
