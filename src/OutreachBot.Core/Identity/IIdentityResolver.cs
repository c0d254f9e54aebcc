namespace OutreachBot.Identity;

/// <summary>Maps a channel user to who they are in the roster. Role checks in services use this, not the menus.</summary>
public interface IIdentityResolver
{
    UserIdentity Resolve(string channelId, string userId);
}

/// <summary>Before a roster exists everyone is a resident.</summary>
public sealed class EveryoneIsResident : IIdentityResolver
{
    public UserIdentity Resolve(string channelId, string userId) => UserIdentity.Resident(channelId, userId);
}
