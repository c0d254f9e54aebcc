namespace OutreachBot.WeChat.Api;

/// <summary>
/// What the bot meant to tell a WeChat user but WeChat would not take (outside the 48-hour window, over the quota,
/// an API failure): kept in the (encryptable) database, never in logs, so staff can follow up and nothing is lost.
/// </summary>
public interface IUndeliveredMessages
{
    /// <summary>Keeps the text with what WeChat answered, stamped with the time now.</summary>
    void Keep(string openId, string text, WeChatDelivery delivery);

    /// <summary>The latest kept messages, newest first.</summary>
    IReadOnlyList<UndeliveredMessage> Recent(int count);
}

public sealed class UndeliveredMessage
{
    public int Id { get; set; }

    public string OpenId { get; set; } = "";

    public string Text { get; set; } = "";

    public string Outcome { get; set; } = "";

    public int ErrorCode { get; set; }

    public DateTimeOffset At { get; set; }
}
