using OutreachBot.Dialogs;
using OutreachBot.Roster;

namespace OutreachBot.Ledger.Dialog;

/// <summary>Every village, named with its township, for "which village" in raise-problem.</summary>
public sealed class VillageOptions(IRosterStore roster) : IOptionSource
{
    public string Name => "roster.villages";

    public IReadOnlyList<ChoiceOption> Options(DialogContext context)
    {
        var townships = new Dictionary<string, string>(StringComparer.Ordinal);
        return [.. roster.AllVillages().Select(v =>
        {
            if (!townships.TryGetValue(v.TownshipId, out var township))
            {
                township = roster.FindTownship(v.TownshipId)?.Name ?? "";
                townships[v.TownshipId] = township;
            }

            return new ChoiceOption(v.Id, $"{v.Name}（{township}）", [v.Name]);
        })];
    }
}
