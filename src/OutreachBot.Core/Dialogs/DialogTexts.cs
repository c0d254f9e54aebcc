using OutreachBot.Texts;

namespace OutreachBot.Dialogs;

[TextKeys]
public static class DialogTexts
{
    public const string MenuIntro = "dialog.menu_intro";
    public const string MenuFooter = "dialog.menu_footer";
    public const string Cancelled = "dialog.cancelled";
    public const string AtFirstStep = "dialog.at_first_step";
    public const string OptionalHint = "dialog.optional_hint";
    public const string HelpDefault = "dialog.help_default";
    public const string WayOut = "dialog.way_out";
    public const string WayOutSkip = "dialog.way_out_skip";
    public const string WayOutCadre = "dialog.way_out_cadre";
    public const string WayOutRetry = "dialog.way_out_retry";
    public const string WayOutMenu = "dialog.way_out_menu";
    public const string WayOutRetryAgain = "dialog.way_out_retry_again";
    public const string ReviewIntro = "dialog.review_intro";
    public const string ReviewOutro = "dialog.review_outro";
    public const string ReviewRetry = "dialog.review_retry";
    public const string ReviewWhich = "dialog.review_which";
    public const string NotFilled = "dialog.not_filled";
    public const string LeftForCadre = "dialog.left_for_cadre";
    public const string Resume = "dialog.resume";
    public const string Restarted = "dialog.restarted";
    public const string NotAllowed = "dialog.not_allowed";
    public const string NoOptions = "dialog.no_options";
    public const string NoThanks = "dialog.no_thanks";
    public const string RoleResident = "role.resident";
    public const string RoleCadre = "role.cadre";
    public const string RoleStaff = "role.staff";
    public const string Cancel = "vocab.cancel";
    public const string Help = "vocab.help";
    public const string Back = "vocab.back";
    public const string Menu = "vocab.menu";
    public const string Greeting = "vocab.greeting";
    public const string Skip = "vocab.skip";
}
