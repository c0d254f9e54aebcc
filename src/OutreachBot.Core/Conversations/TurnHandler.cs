using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace OutreachBot.Conversations;

/// <summary>
/// The bot: hands messages to the router and saves state once at the end of a turn that succeeded.
/// It reads only fields every client sends: Web Chat over Direct Line leaves out recipient and timestamp.
/// </summary>
public sealed class TurnHandler(
    ConversationState conversationState,
    UserState userState,
    IConversationRouter router,
    TimeProvider clock) : IBot
{
    private readonly IStatePropertyAccessor<ConversationInfo> _info = conversationState.CreateProperty<ConversationInfo>(nameof(ConversationInfo));

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                var info = await _info.GetAsync(turnContext, () => new ConversationInfo(), cancellationToken).ConfigureAwait(false);
                var delivery = DeliveryKey(activity);
                if (info.AlreadyProcessed(delivery))
                {
                    await AnswerAgainAsync(turnContext, info, delivery, cancellationToken).ConfigureAwait(false);
                    return;
                }

                info.Messages++;
                info.LastMessageAt = clock.GetUtcNow();
                info.MarkProcessed(delivery);
                KeepAnswer(turnContext, info, delivery);
                await router.OnMessageAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.ConversationUpdate when HasNewUser(activity):
                await router.OnWelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
        }

        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the replies of this turn in the state the turn saves, after the channel's formatting.</summary>
    private static void KeepAnswer(ITurnContext turnContext, ConversationInfo info, string? delivery)
    {
        info.Answering(delivery);
        if (delivery is null)
        {
            return;
        }

        turnContext.OnSendActivities(async (context, activities, next) =>
        {
            foreach (var reply in activities.Where(a => a.Type == ActivityTypes.Message && a.Text is not null))
            {
                info.Answer.Add(reply.Text);
            }

            return await next().ConfigureAwait(false);
        });
    }

    private static async Task AnswerAgainAsync(ITurnContext turnContext, ConversationInfo info, string? delivery, CancellationToken cancellationToken)
    {
        var answer = info.AnswerTo(delivery);
        if (answer.Count == 0)
        {
            return;
        }

        // Kept as sent, already formatted; setting the format tells ReplyFormatting not to format them again.
        var format = ReplyFormat.RendersMarkdown(turnContext.Activity.ChannelId) ? TextFormatTypes.Markdown : TextFormatTypes.Plain;
        var replies = answer.Select(text => (IActivity)new Activity(ActivityTypes.Message) { Text = text, TextFormat = format }).ToArray();
        await turnContext.SendActivitiesAsync(replies, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Identifies one delivery of a message: its id with its sent time. A retry carries both unchanged; an id reused
    /// by a client that starts counting again (a test adapter after a restart) comes with another time.
    /// </summary>
    private static string? DeliveryKey(Activity activity) =>
        activity.Id is { Length: > 0 } id ? $"{id}@{activity.Timestamp?.ToUnixTimeMilliseconds()}" : null;

    private static bool HasNewUser(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id && m.Role != RoleTypes.Bot) == true;
}
