namespace OutreachBot.WeChat.Api;

/// <summary>A follower of the official account: when they last wrote, followed, scanned or clicked, and whether they unfollowed.</summary>
public sealed record Follower(string OpenId, DateTimeOffset? LastInteraction, bool Unsubscribed);

/// <summary>The followers the account has heard from, kept across restarts (the 48-hour window outlives a process).</summary>
public interface IFollowers
{
    Follower? Find(string openId);

    /// <summary>They interacted at this time (a follow after an unfollow counts as following again).</summary>
    void Interacted(string openId, DateTimeOffset at);

    /// <summary>They unfollowed; when they last interacted is kept.</summary>
    void Unfollowed(string openId);
}
