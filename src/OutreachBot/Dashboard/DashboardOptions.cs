namespace OutreachBot.Dashboard;

/// <summary>The <c>Dashboard</c> section of appsettings.json.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Where staff reach this server from their browser; login links the bot sends start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>A shared password for county-wide access; empty turns password login off.</summary>
    public string Password { get; set; } = "";

    /// <summary>How long a login link from 后台登录 works (it works once).</summary>
    public int LoginLinkMinutes { get; set; } = 10;

    /// <summary>How long a browser stays logged in without being used.</summary>
    public int SessionHours { get; set; } = 8;

    public bool PasswordLoginEnabled => Password.Length > 0;
}
