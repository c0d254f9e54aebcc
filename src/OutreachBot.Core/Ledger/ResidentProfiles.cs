using LiteDB;

namespace OutreachBot.Ledger;

/// <summary>
/// The village and phone a villager gave last time, so the next report does not ask again (they can still change
/// them at the read-back). Kept per chat identity.
/// </summary>
public sealed class ResidentProfiles(ILiteDatabase database)
{
    private readonly ILiteCollection<Profile> _profiles = database.GetCollection<Profile>("resident_profiles");

    public (string? VillageId, string? Phone) Find(string channelId, string userId) =>
        _profiles.FindById(channelId + "/" + userId) is { } profile ? (profile.VillageId, profile.Phone) : (null, null);

    public void Remember(string channelId, string userId, string villageId, string? phone)
    {
        var key = channelId + "/" + userId;
        var profile = _profiles.FindById(key) ?? new Profile { Id = key };
        profile.VillageId = villageId;
        profile.Phone = string.IsNullOrEmpty(phone) ? profile.Phone : phone;
        _profiles.Upsert(profile);
    }

    private sealed class Profile
    {
        public string Id { get; set; } = "";

        public string? VillageId { get; set; }

        public string? Phone { get; set; }
    }
}
