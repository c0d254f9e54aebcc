using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations;

namespace OutreachBot.WeChat.Api;

internal sealed class WeChatMessenger(
    ServiceWindow window,
    CustomerServiceOutbox outbox,
    WeChatApiClient api,
    IUndeliveredMessages undelivered,
    IOptions<WeChatOptions> options,
    ILogger<WeChatMessenger> logger) : IWeChatMessenger
{
    public bool IsWithinServiceWindow(string openId) => window.IsOpen(openId);

    public Task<WeChatDelivery> SendTextAsync(string openId, string text, CancellationToken cancellationToken = default) =>
        window.IsOpen(openId)
            ? outbox.SendAsync(openId, text, cancellationToken)
            : Task.FromResult(WeChatDelivery.NotTried(DeliveryOutcome.OutsideServiceWindow));

    public async Task<WeChatDelivery> SendTemplateAsync(string openId, string templateName, IReadOnlyDictionary<string, string> data, string? url = null, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Templates.TryGetValue(templateName, out var templateId) || string.IsNullOrWhiteSpace(templateId))
        {
            logger.LogError("No template id configured for WeChat:Templates:{TemplateName}", templateName);
            return WeChatDelivery.NotTried(DeliveryOutcome.UnknownTemplate);
        }

        var result = await api.SendTemplateAsync(openId, templateId, data, url, cancellationToken).ConfigureAwait(false);
        var delivery = WeChatDelivery.From(WeChatRoute.Template, result);
        if (!delivery.Sent)
        {
            logger.LogWarning("Template message {TemplateName} to {User} not sent: {Outcome} (errcode {ErrorCode})", templateName, Redact.Id(openId), delivery.Outcome, delivery.ErrorCode);
        }

        return delivery;
    }

    public async Task<WeChatDelivery> NotifyAsync(string openId, string text, WeChatTemplate? fallback, CancellationToken cancellationToken = default)
    {
        var delivery = await SendTextAsync(openId, text, cancellationToken).ConfigureAwait(false);
        var templateMayHelp = delivery.Outcome is DeliveryOutcome.OutsideServiceWindow or DeliveryOutcome.RefusedByWeChat;
        if (!delivery.Sent && templateMayHelp && fallback is not null)
        {
            delivery = await SendTemplateAsync(openId, fallback.Name, fallback.Data, fallback.Url, cancellationToken).ConfigureAwait(false);
        }

        if (!delivery.Sent)
        {
            logger.LogWarning("Message to {User} kept as undelivered: {Outcome} (errcode {ErrorCode})", Redact.Id(openId), delivery.Outcome, delivery.ErrorCode);
            undelivered.Keep(openId, text, delivery);
        }

        return delivery;
    }
}
