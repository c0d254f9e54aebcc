namespace OutreachBot.Identity;

/// <summary>
/// Who is typing, as the services see it. <see cref="PersonId"/> is the cadre's or staff member's roster id;
/// <see cref="VillageId"/> is known for a bound household or a village-based cadre.
/// </summary>
public sealed record UserIdentity(
    string ChannelId,
    string UserId,
    Role Role,
    string? PersonId = null,
    string? DisplayName = null,
    string? VillageId = null,
    string? HouseholdId = null)
{
    public static UserIdentity Resident(string channelId, string userId) => new(channelId, userId, Role.Resident);

    public bool IsCadre => Role == Role.Cadre;

    public bool IsStaff => Role == Role.Staff;
}
