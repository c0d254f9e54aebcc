using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using OutreachBot.Conversations;

namespace OutreachBot.Channels.BotFramework;

/// <summary>
/// Reads the body of /api/messages once, at most a set number of bytes, and refuses an activity the SDK cannot route
/// (no serviceUrl, conversation or sender) with 400 and a reason: CloudAdapter parses it and then throws deep inside,
/// which the caller saw as a 500 (found by bench/Replay's bad-input drill). Bodies that are not an activity at all
/// are left to the SDK, which already answers them with 400. The SDK reads the same bytes again from memory.
/// Also refuses what the caller may not claim: a channel served by its own endpoint, and, without a token, a
/// serviceUrl off this machine that replies would be POSTed to (the server would call any address it is given).
/// </summary>
internal static class IncomingActivity
{
    private const int ChunkBytes = 16 * 1024;

    public abstract record Outcome
    {
        public sealed record Accepted : Outcome;

        /// <summary>Over the limit; <paramref name="Drained"/> when the whole body was read, so the connection can carry another request.</summary>
        public sealed record TooLarge(bool Drained) : Outcome;

        /// <summary>Answered before the bot runs: the status and the reason, in English for the developer.</summary>
        public sealed record Refused(int StatusCode, string Reason) : Outcome;
    }

    /// <summary>
    /// How much of a refused body is still read, and thrown away, before answering 413. A server that answers and
    /// closes while the client is still sending resets the connection, and the client never sees the 413 (found by
    /// bench/Replay's 5 MB text); past this the connection is closed all the same. Reading costs one small buffer.
    /// </summary>
    public static long DrainLimit(long maxBytes) => Math.Max(maxBytes * 4, 8L * 1024 * 1024);

    public static async Task<Outcome> ReadAsync(HttpRequest request, long maxBytes, bool anonymous, CancellationToken cancellationToken)
    {
        if (request.ContentLength > DrainLimit(maxBytes))
        {
            return new Outcome.TooLarge(Drained: false);
        }

        var (body, drained) = await ReadAtMostAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return new Outcome.TooLarge(drained);
        }

        request.Body = body;
        request.HttpContext.Response.RegisterForDispose(body);
        Activity? activity;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(body, leaveOpen: true));
            var serializer = JsonSerializer.CreateDefault();
            serializer.CheckAdditionalContent = true;
            activity = serializer.Deserialize<Activity>(reader);
        }
        catch (JsonException)
        {
            activity = null;
        }
        finally
        {
            body.Position = 0;
        }

        Outcome.Refused? refusal = activity switch
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
        return refusal ?? (Outcome)new Outcome.Accepted();
    }

    /// <summary>
    /// The body in memory, or null once it passes <paramref name="maxBytes"/> (a chunked body has no length to check
    /// first); a body over the limit is read on to its end without keeping it, and Drained says whether it got there.
    /// </summary>
    private static async Task<(MemoryStream? Body, bool Drained)> ReadAtMostAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var body = new MemoryStream((int)Math.Min(request.ContentLength ?? ChunkBytes, maxBytes));
        var chunk = new byte[ChunkBytes];
        var over = false;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                over |= body.Length + read > maxBytes;
                if (!over)
                {
                    body.Write(chunk, 0, read);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel enforcing the endpoint's limit (the drain limit, see BotRegistration) while the body is read.
            await body.DisposeAsync().ConfigureAwait(false);
            return (null, false);
        }

        if (over)
        {
            await body.DisposeAsync().ConfigureAwait(false);
            return (null, true);
        }

        body.Position = 0;
        return (body, true);
    }
}
