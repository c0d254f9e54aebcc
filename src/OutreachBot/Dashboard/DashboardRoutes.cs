namespace OutreachBot.Dashboard;

/// <summary>The dashboard's addresses, in one place for the endpoints, the pages and the tests.</summary>
public static class DashboardRoutes
{
    public const string Home = "/dashboard";
    public const string Login = "/dashboard/login";
    public const string LoginWithLink = "/dashboard/login/link";
    public const string LoginWithPassword = "/dashboard/login/password";
    public const string Logout = "/dashboard/logout";

    public static string Township(string id) => $"/dashboard/township/{Uri.EscapeDataString(id)}";

    public static string Village(string id) => $"/dashboard/village/{Uri.EscapeDataString(id)}";

    /// <summary>MS, KN or WD.</summary>
    public static string LedgerExport(string prefix) => $"/dashboard/export/ledger/{prefix}";

    public const string VisitsExport = "/dashboard/export/visits";

    /// <summary>Only our own pages are places to return to after logging in (no open redirect).</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(Home, StringComparison.Ordinal) && !returnUrl.StartsWith(Login, StringComparison.Ordinal)
            && !returnUrl.Contains("//", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : Home;
}
