using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace OutreachBot.Channels.BotFramework;

/// <summary>
/// Refuses an activity the SDK cannot route (no serviceUrl, conversation or sender) with 400 and a reason: CloudAdapter
/// parses it and then throws deep inside, which the caller saw as a 500 (found by bench/Replay's bad-input drill).
/// Bodies that are not an activity at all are left to the SDK, which already answers them with 400.
/// </summary>
internal static class IncomingActivity
{
    public static async Task<string?> ProblemAsync(HttpRequest request, CancellationToken cancellationToken)
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
            { ServiceUrl: var url } when !Uri.TryCreate(url, UriKind.Absolute, out _) => "The activity needs an absolute serviceUrl.",
            { Conversation: null } or { Conversation.Id: null or "" } => "The activity needs conversation.id.",
            { Type: ActivityTypes.Message, From: null } or { Type: ActivityTypes.Message, From.Id: null or "" } => "A message needs from.id.",
            _ => null,
        };
    }
}
