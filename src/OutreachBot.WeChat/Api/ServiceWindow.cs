namespace OutreachBot.WeChat.Api;

/// <summary>
/// Customer-service messages may only reach a user within 48 hours of their last message, follow, scan or menu
/// click. This remembers, per OpenID, when that was (in the database, so a restart keeps it) and whether they unfollowed.
/// </summary>
public sealed class ServiceWindow(IFollowers followers, TimeProvider clock)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(48);

    public void Opened(string openId) => followers.Interacted(openId, clock.GetUtcNow());

    public void Unsubscribed(string openId) => followers.Unfollowed(openId);

    public DateTimeOffset? LastInteraction(string openId) => followers.Find(openId)?.LastInteraction;

    public bool IsOpen(string openId) =>
        followers.Find(openId) is { Unsubscribed: false, LastInteraction: { } last } && clock.GetUtcNow() - last < Length;
}
