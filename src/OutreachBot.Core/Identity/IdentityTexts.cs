using OutreachBot.Texts;

namespace OutreachBot.Identity;

[TextKeys]
public static class IdentityTexts
{
    public const string BoundCadre = "identity.bind.bound_cadre";
    public const string BoundStaff = "identity.bind.bound_staff";
    public const string UnknownCode = "identity.bind.unknown_code";
    public const string Expired = "identity.bind.expired";
    public const string AlreadyUsed = "identity.bind.already_used";
    public const string TooManyAttempts = "identity.bind.too_many_attempts";
    public const string Paused = "identity.bind.paused";
    public const string PausedNotice = "identity.bind.paused_notice";
    public const string CountyOffice = "identity.office.county";
    public const string HowToBind = "identity.bind.how";
}
