using Microsoft.Bot.Builder;
using OutreachBot.Identity;
using OutreachBot.Texts;

namespace OutreachBot.Dialogs;

/// <summary>One turn of a running dialog: the Bot Builder turn, who is typing, the dialog and its saved state.</summary>
public sealed record Turn(ITurnContext Context, UserIdentity User, DialogDefinition Dialog, DialogState State)
{
    public Task SayAsync(string text, CancellationToken cancellationToken) =>
        Context.SendActivityAsync(text, cancellationToken: cancellationToken);

    public DialogContext ActionContext(TextCatalog texts, TimeProvider clock) => new(Context, User, State, texts, clock);
}
