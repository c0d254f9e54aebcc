using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Connector.Authentication;
using OutreachBot.Conversations;

namespace OutreachBot.Channels.BotFramework;

/// <summary>
/// /api/messages on Bot Builder's CloudAdapter: replies inline for deliveryMode expectReplies, otherwise POSTed to
/// the activity's serviceUrl. A subclass because CloudAdapter's two public constructors confuse the DI container.
/// </summary>
public sealed class HttpAdapter : CloudAdapter, IProactiveChannel
{
    private static readonly HashSet<string> OtherAdapters = new(StringComparer.OrdinalIgnoreCase) { "wechat", "console" };
    private readonly string _appId;

    public HttpAdapter(BotFrameworkAuthentication authentication, IServiceProvider services, IConfiguration configuration, ILogger<HttpAdapter> logger)
        : base(authentication, logger)
    {
        _appId = configuration["MicrosoftAppId"] ?? "";
        BotPipeline.Apply(this, services);
    }

    public bool Serves(string channelId) => !HasOwnEndpoint(channelId);

    /// <summary>Channels served by another adapter and endpoint (WeChat's signed /wechat, the local console).</summary>
    public static bool HasOwnEndpoint(string? channelId) => channelId is not null && OtherAdapters.Contains(channelId);

    public Task ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueConversationAsync(_appId, reference, callback, cancellationToken);
}
