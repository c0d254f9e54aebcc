using OutreachBot.Bench.RosterImport;
using OutreachBot.Roster;

namespace OutreachBot.Bench.Replay.County;

public sealed record Village(string Id, string Name, string TownshipId);

public sealed record CountyCadre(string Id, string Name, string Role, string? VillageId);

public sealed record CountyStaff(string Id, string Office);

public sealed record CountyHousehold(string Id, string VillageId, string Group, string HeadName, IReadOnlyList<string> Tags)
{
    /// <summary>As the bot lists it: "王德明（第3村2组）".</summary>
    public string Label(Village village) => $"{HeadName}（{village.Name}{Group}）";

    public bool InDifficulty => Tags.Any(t => t is HouseholdTags.Registered or HouseholdTags.MinimumLiving or HouseholdTags.ExtremeHardship or HouseholdTags.FiveGuarantees or HouseholdTags.Disability);
}

/// <summary>
/// The county the replay talks about: written by <see cref="CountyGenerator"/> (3,809 cadres, 10,334 households,
/// every household paired) and read back, so the replay knows each cadre's households as the roster has them.
/// </summary>
public sealed class CountyModel
{
    private CountyModel(string folder)
    {
        Folder = folder;
        Villages = Rows(folder, "villages.csv").Select(r => new Village(r[0], r[1], r[2])).ToDictionary(v => v.Id, StringComparer.Ordinal);
        Cadres = Rows(folder, "cadres.csv").Select(r => new CountyCadre(r[0], r[1], r[3], r[4].Length == 0 ? null : r[4])).ToDictionary(c => c.Id, StringComparer.Ordinal);
        Staff = Rows(folder, "staff.csv").Select(r => new CountyStaff(r[0], r[2])).ToDictionary(s => s.Id, StringComparer.Ordinal);
        Households = Rows(folder, "households.csv")
            .Select(r => new CountyHousehold(r[0], r[1], r[2], r[3], HouseholdTags.Split(r[5])))
            .ToDictionary(h => h.Id, StringComparer.Ordinal);
        var pairings = Rows(folder, "pairings.csv").Select(r => (Cadre: r[0], Household: r[1])).ToList();
        PairingCount = pairings.Count;
        HouseholdsOf = pairings.GroupBy(p => p.Cadre, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CountyHousehold>)[.. g.Select(p => Households[p.Household])], StringComparer.Ordinal);
        FirstSecretaryOf = Cadres.Values.Where(c => c.Role == "FirstSecretary").ToDictionary(c => c.VillageId!, c => c.Id, StringComparer.Ordinal);
        TownshipStaff = Staff.Values.Where(s => s.Office != "county").ToDictionary(s => s.Office, s => s.Id, StringComparer.Ordinal);
    }

    public string Folder { get; }

    public IReadOnlyDictionary<string, Village> Villages { get; }

    public IReadOnlyDictionary<string, CountyCadre> Cadres { get; }

    public IReadOnlyDictionary<string, CountyStaff> Staff { get; }

    public IReadOnlyDictionary<string, CountyHousehold> Households { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<CountyHousehold>> HouseholdsOf { get; }

    public IReadOnlyDictionary<string, string> FirstSecretaryOf { get; }

    /// <summary>Township id → the id of its township office's staff member.</summary>
    public IReadOnlyDictionary<string, string> TownshipStaff { get; }

    public int PairingCount { get; }

    public static CountyModel Generate(string folder)
    {
        CountyGenerator.Write(folder);
        return new CountyModel(folder);
    }

    private static IEnumerable<string[]> Rows(string folder, string file) =>
        File.ReadLines(Path.Combine(folder, file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));
}
