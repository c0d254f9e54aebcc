using OutreachBot.Identity;
using OutreachBot.Roster;

namespace OutreachBot.Ledger;

/// <summary>
/// Who may see and close an entry. An entry is seen by its reporter, its assigned cadre, the cadres working in its
/// village (stationed there, or paired with a household there; county leaders everywhere) and the staff covering
/// the village (its township's office, or the county office). Closing out is for those cadres and staff.
/// </summary>
public sealed class LedgerAccess(IRosterStore roster)
{
    public bool CanSee(UserIdentity who, LedgerEntry entry) =>
        IsReporter(who, entry)
        || (who.IsCadre && who.PersonId is { } cadre && entry.AssignedCadreId == cadre)
        || CanCloseOut(who, entry.VillageId);

    public static bool IsReporter(UserIdentity who, LedgerEntry entry) =>
        entry.Reporter.UserId == who.UserId && entry.Reporter.ChannelId == who.ChannelId;

    public bool CanCloseOut(UserIdentity who, string villageId) => who.Role switch
    {
        Role.Cadre when who.PersonId is { } id && roster.FindCadre(id) is { } cadre => WorksIn(cadre, villageId),
        Role.Staff when who.PersonId is { } id && roster.FindStaff(id) is { } staff => Covers(staff, villageId),
        _ => false,
    };

    /// <summary>The villages whose entries this user may close out; null means every village.</summary>
    public IReadOnlySet<string>? VillagesOf(UserIdentity who)
    {
        switch (who.Role)
        {
            case Role.Cadre when who.PersonId is { } id && roster.FindCadre(id) is { } cadre:
                if (cadre.Role == CadreRole.CountyLeader)
                {
                    return null;
                }

                var villages = roster.HouseholdsOf(cadre.Id).Select(h => h.VillageId).ToHashSet(StringComparer.Ordinal);
                if (cadre.VillageId is { } stationed)
                {
                    villages.Add(stationed);
                }

                return villages;
            case Role.Staff when who.PersonId is { } id && roster.FindStaff(id) is { } staff:
                return staff.IsCountyOffice ? null : roster.VillagesIn(staff.TownshipId!).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
            default:
                return new HashSet<string>();
        }
    }

    private bool WorksIn(Cadre cadre, string villageId) =>
        cadre.Role == CadreRole.CountyLeader
        || cadre.VillageId == villageId
        || roster.HouseholdsOf(cadre.Id).Any(h => h.VillageId == villageId);

    private bool Covers(Staff staff, string villageId) =>
        staff.IsCountyOffice || roster.FindVillage(villageId)?.TownshipId == staff.TownshipId;
}
