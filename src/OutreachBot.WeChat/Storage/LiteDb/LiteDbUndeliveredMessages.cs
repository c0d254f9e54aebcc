using LiteDB;
using OutreachBot.WeChat.Api;

namespace OutreachBot.WeChat.Storage.LiteDb;

/// <summary>Undelivered messages in "wechat_undelivered", numbered by LiteDB's auto id.</summary>
public sealed class LiteDbUndeliveredMessages(ILiteDatabase database, TimeProvider clock) : IUndeliveredMessages
{
    public const string CollectionName = "wechat_undelivered";

    private readonly ILiteCollection<UndeliveredMessage> _messages = database.GetCollection<UndeliveredMessage>(CollectionName);

    public void Keep(string openId, string text, WeChatDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        _messages.Insert(new UndeliveredMessage
        {
            OpenId = openId,
            Text = text,
            Outcome = delivery.Outcome.ToString(),
            ErrorCode = delivery.ErrorCode,
            At = clock.GetUtcNow(),
        });
    }

    public IReadOnlyList<UndeliveredMessage> Recent(int count) =>
        _messages.Query().OrderByDescending(m => m.Id).Limit(count).ToList();
}
