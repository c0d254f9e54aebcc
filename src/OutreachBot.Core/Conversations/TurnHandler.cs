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
                info.Messages++;
                info.LastMessageAt = clock.GetUtcNow();
                await router.OnMessageAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.ConversationUpdate when HasNewUser(activity):
                await router.OnWelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
        }

        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

    private static bool HasNewUser(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id && m.Role != RoleTypes.Bot) == true;
}
