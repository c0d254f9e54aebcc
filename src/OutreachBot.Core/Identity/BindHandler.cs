using Microsoft.Bot.Builder;
using OutreachBot.Dialogs;
using OutreachBot.Text;
using OutreachBot.Texts;

namespace OutreachBot.Identity;

/// <summary>"绑定 12345678": a cadre or staff member binds this chat identity with the code an administrator gave them.</summary>
public sealed class BindHandler(IdentityService identities, BindReplies replies, TextCatalog texts, BindPauseNotice pauseNotice) : IMessageHandler
{
    public const string Word = "绑定";

    public async Task<bool> TryHandleAsync(ITurnContext turn, UserIdentity user, string text, CancellationToken cancellationToken)
    {
        var bare = ChineseText.Bare(text);
        if (!bare.StartsWith(Word, StringComparison.Ordinal))
        {
            return false;
        }

        var code = bare[Word.Length..];
        if (code.Length == 0 || !code.All(char.IsAsciiDigit))
        {
            await turn.SendActivityAsync(texts[IdentityTexts.HowToBind], cancellationToken: cancellationToken);
            return true;
        }

        var result = identities.Bind(user.ChannelId, user.UserId, code);
        await turn.SendActivityAsync(replies.Text(result), cancellationToken: cancellationToken);
        if (result.PauseBegan)
        {
            await pauseNotice.SendAsync(cancellationToken);
        }

        return true;
    }
}
