namespace OutreachBot.Roster.Import;

/// <summary>What an import would write, or why it may not.</summary>
public sealed class RosterImportPlan
{
    public List<ImportError> Errors { get; } = [];

    internal List<Township> Townships { get; } = [];

    internal List<Village> Villages { get; } = [];

    internal List<Cadre> Cadres { get; } = [];

    internal List<Staff> Staff { get; } = [];

    internal List<Household> Households { get; } = [];

    internal List<(string CadreId, string HouseholdId)> Pairings { get; } = [];

    /// <summary>Ids already in the database when the plan was made, per table.</summary>
    internal IReadOnlyDictionary<RosterTable, IReadOnlySet<string>> Existing { get; set; } = new Dictionary<RosterTable, IReadOnlySet<string>>();

    public int Rows => Townships.Count + Villages.Count + Cadres.Count + Staff.Count + Households.Count + Pairings.Count;
}

public sealed record RosterImportResult(IReadOnlyList<ImportError> Errors, ImportCounts? Counts)
{
    public bool Succeeded => Counts is not null;
}

public sealed record ImportCounts(AddedUpdated Townships, AddedUpdated Villages, AddedUpdated Cadres, AddedUpdated Staff, AddedUpdated Households, int PairingsAdded)
{
    public override string ToString() =>
        $"乡镇 {Townships}，村 {Villages}，干部 {Cadres}，工作人员 {Staff}，户 {Households}，新增结对 {PairingsAdded}";
}

public sealed record AddedUpdated(int Added, int Updated)
{
    public override string ToString() => $"新增 {Added}、更新 {Updated}";
}
