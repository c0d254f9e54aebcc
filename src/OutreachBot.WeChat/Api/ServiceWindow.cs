using LiteDB;

namespace OutreachBot.WeChat.Api;

/// <summary>
/// Customer-service messages may only reach a user within 48 hours of their last message, follow, scan or menu
/// click. This remembers, per OpenID, when that was (in LiteDB, so a restart keeps it) and whether they unfollowed.
/// </summary>
public sealed class ServiceWindow(ILiteDatabase database, TimeProvider clock)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(48);

    private readonly ILiteCollection<Follower> _followers = database.GetCollection<Follower>("wechat_followers");

    public void Opened(string openId) =>
        _followers.Upsert(new Follower { Id = openId, LastInteractionMs = clock.GetUtcNow().ToUnixTimeMilliseconds(), Unsubscribed = false });

    public void Unsubscribed(string openId)
    {
        var follower = _followers.FindById(openId) ?? new Follower { Id = openId };
        follower.Unsubscribed = true;
        _followers.Upsert(follower);
    }

    public DateTimeOffset? LastInteraction(string openId) =>
        _followers.FindById(openId) is { LastInteractionMs: > 0 } f ? DateTimeOffset.FromUnixTimeMilliseconds(f.LastInteractionMs) : null;

    public bool IsOpen(string openId) =>
        _followers.FindById(openId) is { Unsubscribed: false, LastInteractionMs: > 0 } follower
        && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(follower.LastInteractionMs) < Length;

    private sealed class Follower
    {
        public string Id { get; set; } = "";

        public long LastInteractionMs { get; set; }

        public bool Unsubscribed { get; set; }
    }
}
