using LiteDB;
using OutreachBot.Ledger;

namespace OutreachBot.Storage.LiteDb.Ledger;

/// <summary>Resident profiles in the "resident_profiles" collection: {_id: "channel/user", VillageId, Phone}.</summary>
public sealed class LiteDbResidentProfiles(ILiteDatabase database) : IResidentProfiles
{
    public const string CollectionName = "resident_profiles";

    private readonly ILiteCollection<Profile> _profiles = database.GetCollection<Profile>(CollectionName);

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
