using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using OutreachBot.Conversations;

namespace OutreachBot.Channels.BotFramework;

/// <summary>A request /api/messages answers itself, before the bot runs: the status and the reason, in English for the developer.</summary>
internal sealed record Refusal(int StatusCode, string Reason);

/// <summary>
/// Refuses an activity the SDK cannot route (no serviceUrl, conversation or sender) with 400 and a reason: CloudAdapter
/// parses it and then throws deep inside, which the caller saw as a 500 (found by bench/Replay's bad-input drill).
/// Bodies that are not an activity at all are left to the SDK, which already answers them with 400.
/// Also refuses what the caller may not claim: a channel served by its own endpoint, and, without a token, a
/// serviceUrl off this machine that replies would be POSTed to (the server would call any address it is given).
/// </summary>
internal static class IncomingActivity
{
    public static async Task<Refusal?> ProblemAsync(HttpRequest request, bool anonymous, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        request.Body.Position = 0;
        Activity? activity;
        try
        {
            activity = JsonConvert.DeserializeObject<Activity>(body);
        }
        catch (JsonException)
        {
            return null;
        }

        return activity switch
        {
            null => null,
            { ServiceUrl: var url } when !Uri.TryCreate(url, UriKind.Absolute, out _) => new(400, "The activity needs an absolute serviceUrl."),
            { Conversation: null } or { Conversation.Id: null or "" } => new(400, "The activity needs conversation.id."),
            { Type: ActivityTypes.Message, From: null } or { Type: ActivityTypes.Message, From.Id: null or "" } => new(400, "A message needs from.id."),
            { ChannelId: var channel } when HttpAdapter.HasOwnEndpoint(channel) =>
                new(403, $"Channel '{channel}' has its own endpoint; /api/messages does not accept activities that claim it."),
            { ServiceUrl: var url, DeliveryMode: var mode } when anonymous && !Callers.IsLoopbackUrl(url) && mode != DeliveryModes.ExpectReplies =>
                new(400, "Without MicrosoftAppId, replies are POSTed only to a serviceUrl on this machine (localhost): use deliveryMode expectReplies, or configure MicrosoftAppId."),
            _ => null,
        };
    }
}
