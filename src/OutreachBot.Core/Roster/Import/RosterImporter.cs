using System.Globalization;

namespace OutreachBot.Roster.Import;

/// <summary>
/// Imports a roster from spreadsheets: every row of every table is checked first, against the other tables and
/// what the roster already holds; only when no row is wrong is anything written, all at once by the roster store.
/// Rows add or update by id; pairings are only ever added ("只做加法"). Importing the same files twice changes nothing.
/// </summary>
public sealed class RosterImporter(IRosterStore roster, TimeProvider clock)
{
    public RosterImportResult Import(RosterSource source)
    {
        var plan = Validate(source);
        return plan.Errors.Count > 0 ? new RosterImportResult(plan.Errors, null) : new RosterImportResult([], Apply(plan));
    }

    public RosterImportPlan Validate(RosterSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var check = new Validation(roster);
        foreach (var table in RosterTables.All)
        {
            if (source.Entries.TryGetValue(table, out var entry))
            {
                var rows = SheetReader.Read(table, entry.Path, entry.Sheet, check.Errors);
                check.Add(table, DisplayName(entry), rows);
            }
        }

        return check.Finish();
    }

    /// <summary>Writes a plan without errors through the roster store: all of it, or (on any failure) none of it.</summary>
    public ImportCounts Apply(RosterImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Errors.Count > 0)
        {
            throw new InvalidOperationException("A roster import plan with errors cannot be applied.");
        }

        var townships = Split(plan.Townships, t => t.Id, plan.Existing[RosterTable.Townships]);
        var villages = Split(plan.Villages, v => v.Id, plan.Existing[RosterTable.Villages]);
        var cadres = Split(plan.Cadres, c => c.Id, plan.Existing[RosterTable.Cadres]);
        var staff = Split(plan.Staff, s => s.Id, plan.Existing[RosterTable.Staff]);
        var households = Split(plan.Households, h => h.Id, plan.Existing[RosterTable.Households]);
        var pairingsAdded = roster.Apply(new RosterChanges(townships, villages, cadres, staff, households, plan.Pairings, clock.GetUtcNow()));
        return new ImportCounts(Counts(townships), Counts(villages), Counts(cadres), Counts(staff), Counts(households), pairingsAdded);
    }

    /// <summary>
    /// Rows new when the plan was made are added, the others updated; a row added meanwhile under a new row's id makes
    /// the whole apply fail rather than be overwritten unchecked.
    /// </summary>
    private static RowChanges<T> Split<T>(List<T> items, Func<T, string> idOf, IReadOnlySet<string> existing) =>
        new([.. items.Where(i => !existing.Contains(idOf(i)))], [.. items.Where(i => existing.Contains(idOf(i)))]);

    private static AddedUpdated Counts<T>(RowChanges<T> rows) => new(rows.Added.Count, rows.Updated.Count);

    private static string DisplayName(RosterSource.Entry entry) =>
        entry.Sheet is null ? Path.GetFileName(entry.Path) : $"{Path.GetFileName(entry.Path)}［{entry.Sheet}］";

    /// <summary>The checks, table by table; ids known are those in the database plus those read so far.</summary>
    private sealed class Validation
    {
        private readonly IReadOnlySet<string> _existingTownships;
        private readonly IReadOnlySet<string> _existingVillages;
        private readonly IReadOnlySet<string> _existingCadres;
        private readonly IReadOnlySet<string> _existingStaff;
        private readonly IReadOnlySet<string> _existingHouseholds;

        // Ids known so far: those in the database plus those read from the tables above.
        private readonly HashSet<string> _townships;
        private readonly HashSet<string> _villages;
        private readonly HashSet<string> _cadres;
        private readonly Dictionary<string, (string File, int Row)> _newHouseholds = [];
        private readonly HashSet<string> _namedHouseholds = [];
        private readonly HashSet<string> _pairedNewHouseholds = [];
        private readonly RosterImportPlan _plan = new();

        public Validation(IRosterStore roster)
        {
            var ids = roster.Ids();
            _existingTownships = ids.Townships;
            _existingVillages = ids.Villages;
            _existingCadres = ids.Cadres;
            _existingStaff = ids.Staff;
            _existingHouseholds = ids.Households;
            _townships = [.. _existingTownships];
            _villages = [.. _existingVillages];
            _cadres = [.. _existingCadres];
        }

        public List<ImportError> Errors => _plan.Errors;

        public void Add(RosterTable table, string file, IReadOnlyList<SheetRow> rows)
        {
            var seen = new Dictionary<string, int>();
            foreach (var row in rows)
            {
                try
                {
                    AddRow(table, file, row, seen);
                }
                catch (RosterRuleException e)
                {
                    Errors.Add(new ImportError(file, row.Number, e.Message));
                }
            }
        }

        public RosterImportPlan Finish()
        {
            foreach (var (id, (file, row)) in _newHouseholds.Where(h => !_pairedNewHouseholds.Contains(h.Key)))
            {
                Errors.Add(new ImportError(file, row, $"户 {id} 没有结对干部。每户都要有结对干部（只做加法），请在结对表（pairings）里给它加上。"));
            }

            var files = Errors.Select(e => e.File).Distinct().ToList();
            var sorted = Errors.OrderBy(e => files.IndexOf(e.File)).ThenBy(e => e.Row).ToList();
            Errors.Clear();
            Errors.AddRange(sorted);

            _plan.Existing = new Dictionary<RosterTable, IReadOnlySet<string>>
            {
                [RosterTable.Townships] = _existingTownships,
                [RosterTable.Villages] = _existingVillages,
                [RosterTable.Cadres] = _existingCadres,
                [RosterTable.Staff] = _existingStaff,
                [RosterTable.Households] = _existingHouseholds,
            };
            return _plan;
        }

        /// <summary>
        /// The id of a row is registered before the rest is checked, so one wrong household does not also make every
        /// pairing that names it an error.
        /// </summary>
        private void AddRow(RosterTable table, string file, SheetRow row, Dictionary<string, int> seen)
        {
            switch (table)
            {
                case RosterTable.Townships:
                    _townships.Add(Unique(row, seen, "乡镇"));
                    _plan.Townships.Add(new Township(row["id"]!, row["name"]!));
                    break;
                case RosterTable.Villages:
                    _villages.Add(Unique(row, seen, "村"));
                    var village = new Village(row["id"]!, row["name"]!, row["township_id"]!);
                    Known(_townships, village.TownshipId, "乡镇");
                    _plan.Villages.Add(village);
                    break;
                case RosterTable.Cadres:
                    _cadres.Add(Unique(row, seen, "干部"));
                    var cadre = new Cadre(row["id"]!, row["name"]!, row["unit"]!, CadreRoles.Parse(row["role"]), row["village_id"]);
                    if (cadre.VillageId is not null)
                    {
                        Known(_villages, cadre.VillageId, "村");
                    }

                    _plan.Cadres.Add(cadre);
                    break;
                case RosterTable.Staff:
                    Unique(row, seen, "工作人员");
                    var staff = new Staff(row["id"]!, row["name"]!, row["office"]!);
                    if (staff.TownshipId is not null)
                    {
                        Known(_townships, staff.TownshipId, "乡镇");
                    }

                    _plan.Staff.Add(staff);
                    break;
                case RosterTable.Households:
                    var id = Unique(row, seen, "户");
                    _namedHouseholds.Add(id);
                    var household = new Household(id, row["village_id"]!, row["head_name"]!, Members(row["members"]), HouseholdTags.Split(row["tags"]), row["phone"], row["group"]);
                    Known(_villages, household.VillageId, "村");
                    _plan.Households.Add(household);
                    if (!_existingHouseholds.Contains(household.Id))
                    {
                        _newHouseholds[household.Id] = (file, row.Number);
                    }

                    break;
                case RosterTable.Pairings:
                    var cadreId = RosterRules.Id(row["cadre_id"], "干部");
                    var householdId = RosterRules.Id(row["household_id"], "户");
                    var pair = cadreId + "\u0001" + householdId;
                    if (!seen.TryAdd(pair, row.Number))
                    {
                        throw new RosterRuleException($"干部 {cadreId} 与户 {householdId} 的结对重复了，第 {seen[pair]} 行已经有。");
                    }

                    Known(_cadres, cadreId, "干部");
                    if (!_existingHouseholds.Contains(householdId) && !_namedHouseholds.Contains(householdId))
                    {
                        throw new RosterRuleException($"没有编号为 {householdId} 的户。");
                    }

                    _pairedNewHouseholds.Add(householdId);
                    _plan.Pairings.Add((cadreId, householdId));
                    break;
            }
        }

        private static string Unique(SheetRow row, Dictionary<string, int> seen, string what)
        {
            var id = RosterRules.Id(row["id"], what);
            if (!seen.TryAdd(id, row.Number))
            {
                throw new RosterRuleException($"{what}编号 {id} 重复了，第 {seen[id]} 行已经用过。");
            }

            return id;
        }

        private static void Known(HashSet<string> ids, string id, string what)
        {
            if (!ids.Contains(id))
            {
                throw new RosterRuleException($"没有编号为 {id} 的{what}。");
            }
        }

        private static int Members(string? value) =>
            int.TryParse(value?.Trim().TrimEnd('人'), NumberStyles.None, CultureInfo.InvariantCulture, out var members)
                ? members
                : throw new RosterRuleException($"家庭人口“{value}”要填一个数字。");
    }
}
