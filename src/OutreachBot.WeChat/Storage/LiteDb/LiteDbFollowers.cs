using LiteDB;
using OutreachBot.WeChat.Api;

namespace OutreachBot.WeChat.Storage.LiteDb;

/// <summary>Followers in "wechat_followers": {_id: OpenID, LastInteractionMs (Unix ms, 0 when never), Unsubscribed}.</summary>
public sealed class LiteDbFollowers(ILiteDatabase database) : IFollowers
{
    public const string CollectionName = "wechat_followers";

    private readonly ILiteCollection<FollowerDocument> _followers = database.GetCollection<FollowerDocument>(CollectionName);

    public Follower? Find(string openId) =>
        _followers.FindById(openId) is { } f
            ? new Follower(f.Id, f.LastInteractionMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(f.LastInteractionMs) : null, f.Unsubscribed)
            : null;

    public void Interacted(string openId, DateTimeOffset at) =>
        _followers.Upsert(new FollowerDocument { Id = openId, LastInteractionMs = at.ToUnixTimeMilliseconds(), Unsubscribed = false });

    public void Unfollowed(string openId)
    {
        var follower = _followers.FindById(openId) ?? new FollowerDocument { Id = openId };
        follower.Unsubscribed = true;
        _followers.Upsert(follower);
    }

    private sealed class FollowerDocument
    {
        public string Id { get; set; } = "";

        public long LastInteractionMs { get; set; }

        public bool Unsubscribed { get; set; }
    }
}
