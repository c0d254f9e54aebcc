namespace OutreachBot.Roster;

/// <summary>村, in a township.</summary>
public sealed class Village
{
    public Village(string id, string name, string townshipId)
    {
        Id = RosterRules.Id(id, "村");
        Name = RosterRules.Name(name, "村名");
        TownshipId = RosterRules.Id(townshipId, "所属乡镇");
    }

    private Village()
    {
    }

    public string Id { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string TownshipId { get; private set; } = "";
}
