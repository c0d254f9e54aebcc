namespace OutreachBot.Conversations;

/// <summary>
/// A message the bot sends on its own. <see cref="Template"/> names the configured template a channel with a
/// messaging window (WeChat) uses when the window is closed, with <see cref="Fields"/> filling it in.
/// </summary>
public sealed record Notice(string Text, string? Template = null, IReadOnlyDictionary<string, string>? Fields = null);

public enum NoticeResult
{
    Sent,

    /// <summary>The user never wrote to the bot, so there is no conversation to write into.</summary>
    NoConversation,

    /// <summary>The channel refused or failed; the caller may try again later.</summary>
    Failed,
}
