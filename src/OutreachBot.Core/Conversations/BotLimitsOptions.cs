namespace OutreachBot.Conversations;

/// <summary>The limits of the <c>Bot</c> section of appsettings.json that bound the work one message can cause.</summary>
public sealed class BotLimitsOptions
{
    public const string Section = "Bot";

    /// <summary>
    /// A message's text is cut to this many characters before anything reads it, and the sender is told. Cut rather
    /// than refused: a villager's long account of a problem keeps its beginning instead of being lost whole.
    /// </summary>
    public int MaxTextChars { get; set; } = 2000;

    public MessageRateOptions RateLimit { get; set; } = new();

    public bool IsValid => MaxTextChars > 0 && RateLimit.PermitsPerMinute >= 0 && RateLimit.Burst > 0;
}

/// <summary>How many messages one user (per channel) may send: a token bucket of <see cref="Burst"/> refilled at <see cref="PermitsPerMinute"/>.</summary>
public sealed class MessageRateOptions
{
    /// <summary>Messages a minute a user may keep sending; 0 turns the limit off.</summary>
    public int PermitsPerMinute { get; set; } = 60;

    /// <summary>Messages a user may send at once after a quiet spell (a long dialog typed quickly stays within it).</summary>
    public int Burst { get; set; } = 30;
}
