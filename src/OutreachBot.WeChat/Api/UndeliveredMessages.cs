using LiteDB;

namespace OutreachBot.WeChat.Api;

/// <summary>
/// What the bot meant to tell a WeChat user but WeChat would not take (outside the 48-hour window, over the quota,
/// an API failure): kept in the (encryptable) database, never in logs, so staff can follow up and nothing is lost.
/// </summary>
public sealed class UndeliveredMessages(ILiteDatabase database, TimeProvider clock)
{
    private readonly ILiteCollection<UndeliveredMessage> _messages = database.GetCollection<UndeliveredMessage>("wechat_undelivered");

    public void Keep(string openId, string text, WeChatDelivery delivery) =>
        _messages.Insert(new UndeliveredMessage
        {
            OpenId = openId,
            Text = text,
            Outcome = delivery.Outcome.ToString(),
            ErrorCode = delivery.ErrorCode,
            At = clock.GetUtcNow(),
        });

    public IReadOnlyList<UndeliveredMessage> Recent(int count) =>
        _messages.Query().OrderByDescending(m => m.Id).Limit(count).ToList();
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
