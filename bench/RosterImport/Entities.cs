using LiteDB;
using OutreachBot.Roster;
using OutreachBot.Storage.LiteDb.Roster;

namespace OutreachBot.Bench.RosterImport;

/// <summary>The generated county as entities, for the baseline: LiteDB's own cost of storing them.</summary>
public sealed class Entities
{
    private readonly List<Township> _townships = [];
    private readonly List<Village> _villages = [];
    private readonly List<Cadre> _cadres = [];
    private readonly List<Staff> _staff = [];
    private readonly Dictionary<string, Household> _households = [];

    public static Entities Read(string folder, DateTimeOffset now)
    {
        var e = new Entities();
        foreach (var r in Rows(folder, "townships"))
        {
            e._townships.Add(new Township(r[0], r[1]));
        }

        foreach (var r in Rows(folder, "villages"))
        {
            e._villages.Add(new Village(r[0], r[1], r[2]));
        }

        foreach (var r in Rows(folder, "cadres"))
        {
            e._cadres.Add(new Cadre(r[0], r[1], r[2], Enum.Parse<CadreRole>(r[3]), r[4]));
        }

        foreach (var r in Rows(folder, "staff"))
        {
            e._staff.Add(new Staff(r[0], r[1], r[2]));
        }

        foreach (var r in Rows(folder, "households"))
        {
            e._households[r[0]] = new Household(r[0], r[1], r[3], int.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture), HouseholdTags.Split(r[5]), r[6], r[2]);
        }

        foreach (var r in Rows(folder, "pairings"))
        {
            e._households[r[1]].Pair(r[0], now);
        }

        return e;
    }

    public void InsertInto(LiteDatabase db)
    {
        _ = new LiteDbRosterStore(db);
        db.BeginTrans();
        db.GetCollection<Township>(LiteDbRosterStore.TownshipsCollection).InsertBulk(_townships);
        db.GetCollection<Village>(LiteDbRosterStore.VillagesCollection).InsertBulk(_villages);
        db.GetCollection<Cadre>(LiteDbRosterStore.CadresCollection).InsertBulk(_cadres);
        db.GetCollection<Staff>(LiteDbRosterStore.StaffCollection).InsertBulk(_staff);
        db.GetCollection<Household>(LiteDbRosterStore.HouseholdsCollection).InsertBulk(_households.Values);
        db.Commit();
    }

    /// <summary>The generated files have no quoted fields.</summary>
    private static IEnumerable<string[]> Rows(string folder, string table) =>
        File.ReadLines(Path.Combine(folder, table + ".csv")).Skip(1).Select(line => line.Split(','));
}
