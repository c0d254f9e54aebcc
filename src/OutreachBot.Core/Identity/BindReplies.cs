using OutreachBot.Roster;
using OutreachBot.Texts;

namespace OutreachBot.Identity;

/// <summary>The answer to "绑定 12345678", from dialogs/identity.yaml.</summary>
public sealed class BindReplies(TextCatalog texts, IRosterStore roster)
{
    public string Text(BindResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            BindOutcome.Bound when result.Identity is { Role: Role.Staff } staff => texts.Format(IdentityTexts.BoundStaff, ("name", staff.DisplayName), ("office", OfficeOf(staff.PersonId))),
            BindOutcome.Bound => texts.Format(IdentityTexts.BoundCadre, ("name", result.Identity?.DisplayName)),
            BindOutcome.Expired => texts[IdentityTexts.Expired],
            BindOutcome.AlreadyUsed => texts[IdentityTexts.AlreadyUsed],
            BindOutcome.TooManyAttempts => texts[IdentityTexts.TooManyAttempts],
            BindOutcome.Paused => texts[IdentityTexts.Paused],
            _ => texts[IdentityTexts.UnknownCode],
        };
    }

    private string OfficeOf(string? staffId)
    {
        var township = staffId is null ? null : roster.FindStaff(staffId)?.TownshipId;
        return township is null ? texts[IdentityTexts.CountyOffice] : roster.FindTownship(township)?.Name ?? township;
    }
}
