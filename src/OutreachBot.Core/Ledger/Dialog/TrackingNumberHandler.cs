using Microsoft.Bot.Builder;
using OutreachBot.Dialogs;
using OutreachBot.Identity;

namespace OutreachBot.Ledger.Dialog;

/// <summary>
/// A tracking number typed alone shows that entry — to its reporter, its cadres and staff only. Anyone else gets
/// the same answer as for a number that does not exist, so guessing numbers reveals nothing.
/// </summary>
public sealed class TrackingNumberHandler(LedgerService ledger, LedgerReplies replies, Texts.TextCatalog texts) : IMessageHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turn, UserIdentity user, string text, CancellationToken cancellationToken)
    {
        if (TrackingNumbers.Parse(text) is not { } id)
        {
            return false;
        }

        var reply = ledger.Show(user, id) is { } entry ? replies.Detail(entry) : texts.Format(LedgerTexts.EntryNotFound, ("id", id));
        await turn.SendActivityAsync(reply, cancellationToken: cancellationToken);
        return true;
    }
}
