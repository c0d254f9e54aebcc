using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using OutreachBot.Roster;

namespace OutreachBot.Dashboard;

/// <summary>
/// Who is looking at the dashboard, as the roster has them now, and what they may see. A county-office staff member
/// (and the configured password) sees the whole county; a township staff member sees their own township and its
/// villages only, in pages and in exports alike.
/// </summary>
public sealed record DashboardViewer(string Name, string? StaffId, string? TownshipId)
{
    public const string StaffRole = "staff";
    public const string PasswordLogin = "password";
    private const string MethodClaim = "login_method";
    private const string StampClaim = "password_stamp";

    public bool SeesCounty => TownshipId is null;

    public bool MaySeeTownship(string townshipId) => TownshipId is null || TownshipId == townshipId;

    public static ClaimsPrincipal ForStaff(Staff staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return Principal(staff.Id, "link", null);
    }

    public static ClaimsPrincipal ForPassword(string password) => Principal(PasswordLogin, PasswordLogin, Stamp(password));

    /// <summary>
    /// The viewer behind a session cookie, or null when the session no longer counts: the staff member left the
    /// roster, or the password it was opened with was changed or turned off.
    /// </summary>
    public static DashboardViewer? From(ClaimsPrincipal user, IRosterStore roster, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(options);
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(StaffRole))
        {
            return null;
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.FindFirstValue(MethodClaim) == PasswordLogin)
        {
            return options.PasswordLoginEnabled && user.FindFirstValue(StampClaim) == Stamp(options.Password)
                ? new DashboardViewer("管理员（密码登录）", null, null)
                : null;
        }

        return id is not null && roster.FindStaff(id) is { } staff ? new DashboardViewer(staff.Name, staff.Id, staff.TownshipId) : null;
    }

    private static ClaimsPrincipal Principal(string id, string method, string? stamp)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id),
            new(ClaimTypes.Role, StaffRole),
            new(MethodClaim, method),
        };
        if (stamp is not null)
        {
            claims.Add(new Claim(StampClaim, stamp));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "dashboard"));
    }

    /// <summary>Changes when the configured password does, so sessions opened with an old password end.</summary>
    private static string Stamp(string password) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("outreachbot-dashboard:" + password)).AsSpan(0, 16));
}
