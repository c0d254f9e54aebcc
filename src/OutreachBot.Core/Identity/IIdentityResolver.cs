namespace OutreachBot.Identity;

/// <summary>Maps a channel user to who they are in the roster. Role checks in services use this, not the menus.</summary>
public interface IIdentityResolver
{
    /// <param name="onThisMachine">The channel vouches that the caller is on this machine (see <c>Callers.IsOnThisMachine</c>).</param>
    UserIdentity Resolve(string channelId, string userId, bool onThisMachine = false);
}

/// <summary>Before a roster exists everyone is a resident.</summary>
public sealed class EveryoneIsResident : IIdentityResolver
{
    public UserIdentity Resolve(string channelId, string userId, bool onThisMachine = false) => UserIdentity.Resident(channelId, userId);
}
