using OutreachBot.Dialogs;

namespace OutreachBot.Visits.Dialog;

/// <summary>
/// Which household a visit was to: the question lists the cadre's own paired households; a typed name is looked
/// up among every household the cadre may visit (the village of a first secretary, the county of a county leader).
/// </summary>
public sealed class HouseholdOptions(VisitService visits) : ISearchableOptionSource
{
    public string Name => "visits.households";

    public IReadOnlyList<ChoiceOption> Options(DialogContext context) =>
        visits.Check(context.User) is null
            ? [.. visits.MyHouseholds(context.User).Households.Select(h => Option(h.Household))]
            : [];

    public IReadOnlyList<ChoiceOption> Search(DialogContext context, string text)
    {
        if (visits.Check(context.User) is not null)
        {
            return [];
        }

        var result = visits.FindHouseholds(context.User, text);
        return result.Unambiguous is { } one
            ? [Option(one.Household)]
            : [.. result.Candidates.Select(c => Option(c.Household))];
    }

    private static ChoiceOption Option(HouseholdRef household) =>
        new(household.Id, $"{household.HeadName}（{household.Place}）", [household.HeadName]);
}
