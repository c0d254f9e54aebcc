using System.Net;
using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;

namespace OutreachBot.Conversations;

/// <summary>
/// What a channel can vouch for about who is typing. Rights that only make sense on the operator's own machine (the
/// demo identities) hang on <see cref="IsOnThisMachine"/>, which an adapter sets only when it knows the caller is
/// local: the console chat always, /api/messages for an anonymous request from a loopback address. Nothing sets it
/// by default, so a new adapter that forgets about it grants nothing.
/// </summary>
public static class Callers
{
    private const string OnThisMachineKey = "OutreachBot.CallerOnThisMachine";
    private static readonly object Mark = new();

    public static void MarkOnThisMachine(ITurnContext turnContext) => turnContext.TurnState.Set(OnThisMachineKey, Mark);

    public static bool IsOnThisMachine(ITurnContext turnContext) => turnContext.TurnState.Get<object>(OnThisMachineKey) is not null;

    /// <summary>
    /// A Bot Framework turn no token vouched for (no MicrosoftAppId configured): its from.id, channelId and serviceUrl
    /// are whatever the caller wrote. Turns of other adapters (WeChat's signature, the console) are not anonymous.
    /// </summary>
    public static bool IsAnonymous(ITurnContext turnContext) =>
        turnContext.TurnState.Get<ClaimsIdentity>(BotAdapter.BotIdentityKey)?.AuthenticationType == AuthenticationConstants.AnonymousAuthType;

    /// <summary>A URL whose host is this machine: "localhost" or a loopback address, nothing that must be resolved first.</summary>
    public static bool IsLoopbackUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    /// <summary>Marks every turn as coming from this machine: for adapters that only ever serve a local user.</summary>
    public sealed class OnThisMachine : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            MarkOnThisMachine(turnContext);
            return next(cancellationToken);
        }
    }
}
