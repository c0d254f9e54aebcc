using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Texts;
using OutreachBot.WeChat.Activities;
using OutreachBot.WeChat.Api;
using OutreachBot.WeChat.Turns;

namespace OutreachBot.WeChat;

/// <summary>
/// The WeChat Official Account as a Bot Framework channel ("wechat"): the same middleware and error handling as
/// every adapter, plain-text replies. Replies of a user's turn go back passively or through the customer-service
/// API (see <see cref="WeChatTurn"/>); messages of a proactive turn (<c>ContinueConversationAsync</c>) go as
/// customer-service text within the 48-hour window and as the activity's <see cref="WeChatTemplate"/> outside it.
/// </summary>
public sealed class WeChatAdapter : BotAdapter, IProactiveChannel
{
    public const string ChannelId = ActivityMapper.ChannelId;

    private readonly IWeChatMessenger _messenger;
    private readonly Uri _serviceUrl;

    public WeChatAdapter(IServiceProvider services, IWeChatMessenger messenger, TextCatalog texts, IOptions<WeChatOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _messenger = messenger;
        _serviceUrl = options.Value.ApiBaseUrl;
        BotPipeline.Apply(this, services);
        Use(new UnrecognisedVoice(texts));
    }

    /// <summary>A conversation reference for a follower known only by OpenID, for proactive messages.</summary>
    public ConversationReference ReferenceFor(string openId) => new()
    {
        ChannelId = ChannelId,
        ServiceUrl = _serviceUrl.ToString(),
        Conversation = new ConversationAccount(isGroup: false, id: openId),
        User = new ChannelAccount(openId, role: RoleTypes.User),
        Bot = new ChannelAccount("wechat-account", role: RoleTypes.Bot),
        Locale = "zh-CN",
    };

    public bool Serves(string channelId) => channelId == ChannelId;

    /// <summary>A proactive turn (a reminder, a follow-up) for ProactiveMessenger; the reference is the user's stored one.</summary>
    public Task ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueConversationAsync("", reference, callback, cancellationToken);

    /// <remarks>
    /// BotAdapter's own version returns the pipeline's task from inside its <c>using</c>, so the turn context is
    /// disposed at the callback's first real await: a follow-up that sent its notice and then started the rating
    /// dialog failed with ObjectDisposedException (found by bench/Replay).
    /// </remarks>
    public override async Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        using var context = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    internal async Task ProcessAsync(Activity activity, WeChatTurn turn, IBot bot, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, activity);
        context.TurnState.Add(turn);
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var turn = turnContext.TurnState.Get<WeChatTurn>();
        var responses = new List<ResourceResponse>(activities.Length);
        foreach (var activity in activities)
        {
            var text = PlainText(activity);
            if (text is not null)
            {
                if (turn is not null)
                {
                    await turn.DeliverAsync([text]).ConfigureAwait(false);
                }
                else
                {
                    var openId = activity.Recipient?.Id ?? activity.Conversation?.Id
                        ?? throw new InvalidOperationException("A proactive WeChat message needs the user's OpenID as recipient or conversation id.");
                    await _messenger.NotifyAsync(openId, text, WeChatTemplate.From(activity), cancellationToken).ConfigureAwait(false);
                }
            }

            responses.Add(new ResourceResponse(activity.Id ?? Guid.NewGuid().ToString("N")));
        }

        return [.. responses];
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeChat cannot edit a message already sent.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeChat cannot delete a message already sent.");

    /// <summary>WeChat shows plain text only: the text, then each attachment's link on its own line.</summary>
    private static string? PlainText(Activity activity)
    {
        if (activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            lines.Add(activity.Text);
        }

        lines.AddRange((activity.Attachments ?? []).Where(a => !string.IsNullOrEmpty(a.ContentUrl)).Select(a => string.IsNullOrEmpty(a.Name) ? a.ContentUrl : $"{a.Name}：{a.ContentUrl}"));
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}
