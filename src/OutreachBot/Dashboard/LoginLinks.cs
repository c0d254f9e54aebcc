using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace OutreachBot.Dashboard;

/// <summary>
/// One-time login links for staff. A link carries 256 random bits; only their SHA-256 is stored. (Bind codes use a
/// slow hash because 8 digits can be tried one by one; 256 random bits cannot, so a fast hash loses nothing.)
/// A link expires after <see cref="DashboardOptions.LoginLinkMinutes"/> and works once.
/// </summary>
public sealed class LoginLinks
{
    private readonly ILoginLinkStore _links;
    private readonly TimeProvider _clock;
    private readonly DashboardOptions _options;
    private readonly Lock _gate = new();

    public LoginLinks(ILoginLinkStore links, TimeProvider clock, IOptions<DashboardOptions> options)
    {
        _links = links;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>A new link for a staff member: the full URL to send them.</summary>
    public IssuedLoginLink Issue(string staffId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = _clock.GetUtcNow();
        var expires = now.AddMinutes(_options.LoginLinkMinutes);
        lock (_gate)
        {
            _links.ForgetExpiredBefore(now.AddDays(-1));
            _links.Add(new LoginLink(Hash(token), staffId, now, expires));
        }

        var url = _options.PublicBaseUrl.TrimEnd('/') + DashboardRoutes.Login + "?token=" + token;
        return new IssuedLoginLink(url, token, expires);
    }

    /// <summary>What the link would do now, without using it (the page that asks "进入后台?").</summary>
    public LoginLinkCheck Peek(string? token)
    {
        var link = Find(token);
        return new LoginLinkCheck(State(link), link?.StaffId);
    }

    /// <summary>Uses the link: on <see cref="LoginLinkState.Valid"/> it is spent, and a second use says so.</summary>
    public LoginLinkCheck Redeem(string? token)
    {
        lock (_gate)
        {
            var link = Find(token);
            var state = State(link);
            if (state == LoginLinkState.Valid && !_links.MarkUsed(link!.Hash, _clock.GetUtcNow()))
            {
                // Spent meanwhile by another process sharing the database.
                state = LoginLinkState.Used;
            }

            return new LoginLinkCheck(state, link?.StaffId);
        }
    }

    private LoginLink? Find(string? token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 100 ? null : _links.Find(Hash(token.Trim()));

    private LoginLinkState State(LoginLink? link) =>
        link is null ? LoginLinkState.Unknown
        : link.UsedAt is not null ? LoginLinkState.Used
        : _clock.GetUtcNow() >= link.ExpiresAt ? LoginLinkState.Expired
        : LoginLinkState.Valid;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public sealed record IssuedLoginLink(string Url, string Token, DateTimeOffset ExpiresAt);

public enum LoginLinkState
{
    Valid,
    Unknown,
    Used,
    Expired,
}

public sealed record LoginLinkCheck(LoginLinkState State, string? StaffId);
