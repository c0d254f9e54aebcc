using Microsoft.Bot.Builder;
using OutreachBot.Texts;

namespace OutreachBot.Conversations;

/// <summary>The router used until dialogs are registered: it greets and says it did not understand.</summary>
public sealed class WelcomeRouter(TextCatalog texts) : IConversationRouter
{
    public Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(texts[ConversationTexts.NotUnderstood], cancellationToken: cancellationToken);

    public Task OnWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(texts[ConversationTexts.Welcome], cancellationToken: cancellationToken);
}
