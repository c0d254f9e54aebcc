namespace OutreachBot.Roster;

/// <summary>结对认亲: one cadre paired with the household that holds this pairing.</summary>
public sealed class Pairing
{
    public Pairing(string cadreId, DateTimeOffset since)
    {
        CadreId = RosterRules.Id(cadreId, "干部");
        Since = since;
    }

    private Pairing()
    {
    }

    public string CadreId { get; private set; } = "";

    public DateTimeOffset Since { get; private set; }
}
