using OutreachBot.Texts;

namespace OutreachBot.Dashboard;

/// <summary>What the bot says about the dashboard, in dialogs/dashboard.yaml.</summary>
[TextKeys]
public static class DashboardTexts
{
    public const string LoginLink = "dashboard.login_link";
    public const string NotStaff = "dashboard.not_staff";
}
