using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Conversations;

/// <summary>
/// Sends a notice to a user on the channel they last wrote from, through that channel's adapter, so the notice
/// passes the same middleware (one turn at a time per conversation) as the user's own messages. A callback can
/// do more than send (start a follow-up dialog) with <see cref="ContinueAsync"/>.
/// </summary>
public sealed class ProactiveMessenger(IConversationReferences references, IEnumerable<IProactiveChannel> channels, ILogger<ProactiveMessenger> logger)
{
    public const string TemplateProperty = "template";

    public Task<NoticeResult> NotifyAsync(string channelId, string userId, Notice notice, CancellationToken cancellationToken = default) =>
        ContinueAsync(channelId, userId, (turn, ct) => turn.SendActivityAsync(ToActivity(notice), ct), cancellationToken);

    public async Task<NoticeResult> ContinueAsync(string channelId, string userId, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        if (references.Find(channelId, userId) is not { } found)
        {
            return NoticeResult.NoConversation;
        }

        // The last registered adapter serving the channel wins, as with other registrations.
        var channel = channels.LastOrDefault(c => c.Serves(found.Reference.ChannelId));
        if (channel is null)
        {
            return NoticeResult.NoConversation;
        }

        // A failure inside the callback would otherwise reach the adapter's turn error handler, which answers the
        // user with an apology and lets the caller believe the notice went out: it is caught here instead.
        Exception? failure = null;
        try
        {
            await channel.ContinueAsync(found.Reference, async (turn, ct) =>
            {
                try
                {
                    await callback(turn, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failure = e;
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = e;
        }

        if (failure is null)
        {
            return NoticeResult.Sent;
        }

        logger.LogWarning("Proactive message to {User} on {Channel} failed: {Error}", Redact.Id(userId), channelId, failure.GetType().Name);
        return NoticeResult.Failed;
    }

    /// <summary>The template travels in channelData for the channels that need one; others ignore it.</summary>
    public static Activity ToActivity(Notice notice)
    {
        var activity = MessageFactory.Text(notice.Text);
        if (notice.Template is not null)
        {
            activity.ChannelData = new JObject
            {
                [TemplateProperty] = new JObject
                {
                    ["name"] = notice.Template,
                    ["fields"] = JObject.FromObject(notice.Fields ?? new Dictionary<string, string>()),
                },
            };
        }

        return activity;
    }
}
