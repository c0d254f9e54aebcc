using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using OutreachBot.Conversations;

namespace OutreachBot.Channels.BotFramework;

/// <summary>
/// /api/messages on Bot Builder's CloudAdapter: replies inline for deliveryMode expectReplies, otherwise POSTed to
/// the activity's serviceUrl. A subclass because CloudAdapter's two public constructors confuse the DI container.
/// </summary>
public sealed class HttpAdapter : CloudAdapter
{
    public HttpAdapter(BotFrameworkAuthentication authentication, IServiceProvider services, ILogger<HttpAdapter> logger)
        : base(authentication, logger)
    {
        BotPipeline.Apply(this, services);
    }
}
