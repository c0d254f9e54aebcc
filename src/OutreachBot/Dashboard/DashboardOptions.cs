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

    /// <summary>Wrong passwords one client address may try per minute before it gets 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Password attempts per minute from all addresses together; beyond it attempts wait their turn.</summary>
    public int LoginAttemptsPerMinuteInAll { get; set; } = 30;

    public bool PasswordLoginEnabled => Password.Length > 0;

    /// <summary>Staff reach the server over HTTPS (through a proxy): cookies are always Secure, HSTS is sent.</summary>
    public bool IsHttps => Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps;
}
