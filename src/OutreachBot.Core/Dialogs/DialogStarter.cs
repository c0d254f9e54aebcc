using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace OutreachBot.Dialogs;

/// <summary>
/// Lets a feature start a dialog in a proactive turn and save it. It resolves the router when first used, because
/// the router needs the features' actions and an action may need this: taking it eagerly would be a cycle.
/// </summary>
public sealed class DialogStarter(IServiceProvider services, ConversationState conversationState)
{
    public async Task<bool> StartIfIdleAsync(ITurnContext turnContext, string dialogId, IReadOnlyDictionary<string, string> slots, CancellationToken cancellationToken)
    {
        var started = await services.GetRequiredService<DialogRouter>().StartIfIdleAsync(turnContext, dialogId, slots, cancellationToken).ConfigureAwait(false);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        return started;
    }
}
