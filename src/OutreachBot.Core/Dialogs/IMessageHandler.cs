using OutreachBot.Identity;
using Microsoft.Bot.Builder;

namespace OutreachBot.Dialogs;

/// <summary>
/// A message with its own shape handled outside dialogs (a tracking number typed alone, "绑定 12345678").
/// Tried before menus and triggers when no dialog is running.
/// </summary>
public interface IMessageHandler
{
    Task<bool> TryHandleAsync(ITurnContext turn, UserIdentity user, string text, CancellationToken cancellationToken);
}
