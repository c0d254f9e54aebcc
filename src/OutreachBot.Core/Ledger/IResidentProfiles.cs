namespace OutreachBot.Ledger;

/// <summary>
/// The village and phone a villager gave last time, so the next report does not ask again (they can still change
/// them at the read-back). Kept per chat identity.
/// </summary>
public interface IResidentProfiles
{
    (string? VillageId, string? Phone) Find(string channelId, string userId);

    /// <summary>Keeps the village; keeps the earlier phone when none is given.</summary>
    void Remember(string channelId, string userId, string villageId, string? phone);
}
