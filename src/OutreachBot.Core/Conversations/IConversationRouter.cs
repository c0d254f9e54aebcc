using Microsoft.Bot.Builder;

namespace OutreachBot.Conversations;

/// <summary>Decides what a message means: an answer inside a running dialog, a command, a menu choice, a question.</summary>
public interface IConversationRouter
{
    Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken);

    Task OnWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
