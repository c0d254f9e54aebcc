using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Dashboard;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Dashboard;

/// <summary>
/// The dashboard behind a TLS-terminating proxy, through the real host: the client's address and scheme come from
/// X-Forwarded-For/-Proto only when the proxy is a known one; password throttling is per real client address, so an
/// attacker hammering the form does not lock out staff behind the same proxy, and login links from chat always work;
/// cookies are Secure on HTTPS (always, with an https PublicBaseUrl), which also turns HSTS on outside Development;
/// a short Dashboard:Password stops start-up.
/// </summary>
public sealed partial class ProxyTests : IDisposable
{
    private const string Proxy = "10.0.0.5";
    private const string Password = "青岩乡-county-2026";
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Hammering_the_password_from_one_client_throttles_that_client_only_and_never_login_links()
    {
        using var host = Host();
        var attacker = await BrowserAsync(host, client: "203.0.113.7");
        var staff = await BrowserAsync(host, client: "198.51.100.20");

        var attempts = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var wrong = await attacker.PostPasswordAsync("guess-number-" + i);
            attempts.Add(wrong.StatusCode);
        }

        using var staffLogin = await staff.PostPasswordAsync(Password);
        using var attackerRight = await attacker.PostPasswordAsync(Password);
        var token = await TokenFromChatAsync(host);
        using var linkFromTheThrottledAddress = await attacker.PostAsync(DashboardRoutes.LoginWithLink, ("token", token));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], attempts);
        Assert.Equal(HttpStatusCode.TooManyRequests, attackerRight.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, staffLogin.StatusCode);
        Assert.Equal(DashboardRoutes.Home, staffLogin.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, linkFromTheThrottledAddress.StatusCode);
    }

    [Fact]
    public async Task A_client_not_behind_a_known_proxy_cannot_dodge_its_limit_with_made_up_forwarded_addresses()
    {
        using var host = Host();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            var browser = await BrowserAsync(host, client: $"198.51.100.{i + 1}", peer: "192.0.2.99");
            using var wrong = await browser.PostPasswordAsync("guess-number-" + i);
            statuses.Add(wrong.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[9]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Fact]
    public async Task Cookies_are_Secure_when_a_known_proxy_says_the_browser_is_on_https_and_not_when_anyone_else_says_so()
    {
        using var host = Host(publicBaseUrl: "http://outreach.example.cn");
        var behindProxy = await BrowserAsync(host, client: "198.51.100.20", https: true);
        var spoofing = await BrowserAsync(host, client: "198.51.100.21", https: true, peer: "192.0.2.99");

        using var login = await behindProxy.PostPasswordAsync(Password);
        using var spoofedLogin = await spoofing.PostPasswordAsync(Password);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Matches(SecureCookie(), behindProxy.AntiforgeryCookieHeader);
        Assert.Matches(SecureCookie(), SessionCookie(login));
        Assert.Equal(HttpStatusCode.Redirect, spoofedLogin.StatusCode);
        Assert.DoesNotMatch(SecureCookie(), spoofing.AntiforgeryCookieHeader);
        Assert.DoesNotMatch(SecureCookie(), SessionCookie(spoofedLogin));
    }

    [Fact]
    public async Task With_an_https_public_address_cookies_are_always_Secure_and_HSTS_is_sent_outside_Development()
    {
        using var production = Host(environment: "Production");
        using var development = Host(environment: "Development");
        var direct = await BrowserAsync(production, client: null, peer: "192.0.2.99");
        using var login = await direct.PostPasswordAsync(Password);

        using var https = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://outreach.example.cn") });
        using var page = await https.GetAsync(DashboardRoutes.Login);
        using var developmentHttps = development.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://outreach.example.cn") });
        using var developmentPage = await developmentHttps.GetAsync(DashboardRoutes.Login);

        Assert.Matches(SecureCookie(), SessionCookie(login));
        Assert.StartsWith("max-age=31536000", string.Join(";", page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(developmentPage.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("Dashboard:Password", "short-pass1", "Dashboard:Password must be at least 12 characters")]
    [InlineData("Hosting:ForwardedHeaders:KnownProxies:0", "the-proxy", "Hosting:ForwardedHeaders:KnownProxies")]
    [InlineData("Hosting:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "Hosting:ForwardedHeaders:KnownNetworks")]
    public void A_weak_password_or_a_bad_proxy_address_stops_start_up_with_a_message_naming_the_key(string key, string value, string message)
    {
        using var host = new BotTestHost(_temp.File(Guid.NewGuid().ToString("N") + ".db"), new Dictionary<string, string?> { [key] = value });

        var failure = Record.Exception(() => host.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("short-pass1", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_twelve_character_password_is_accepted()
    {
        using var host = Host(password: "abcdefghijkl");
        var browser = await BrowserAsync(host, client: "198.51.100.20");

        using var login = await browser.PostPasswordAsync("abcdefghijkl");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    public void Dispose() => _temp.Dispose();

    private BotTestHost Host(string publicBaseUrl = "https://outreach.example.cn", string password = Password, string? environment = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Dashboard:PublicBaseUrl"] = publicBaseUrl,
            ["Dashboard:Password"] = password,
            ["Hosting:ForwardedHeaders:KnownProxies:0"] = Proxy,
        };
        if (environment is not null)
        {
            settings["environment"] = environment;
        }

        // TestServer has no TCP peer; this stands in for it, ahead of everything the host runs.
        return new BotTestHost(_temp.File(Guid.NewGuid().ToString("N") + ".db"), settings, services =>
            services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new PeerAddress())));
    }

    /// <summary>A browser whose requests reach the server from <paramref name="peer"/> (the proxy unless told), saying
    /// through X-Forwarded-For that the browser is at <paramref name="client"/>; with the login page's anti-forgery
    /// cookie and field in hand.</summary>
    private static async Task<Browser> BrowserAsync(BotTestHost host, string? client, bool https = false, string peer = Proxy)
    {
        var http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.DefaultRequestHeaders.Add(PeerAddress.Header, peer);
        if (client is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        }

        if (https)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        }

        using var page = await http.GetAsync(DashboardRoutes.Login);
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("outreachbot.csrf=", StringComparison.Ordinal));
        var field = CsrfPattern().Match(await page.Content.ReadAsStringAsync());
        Assert.True(field.Success, "the login page has no anti-forgery field");
        http.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        return new Browser(http, cookie, WebUtility.HtmlDecode(field.Groups[1].Value));
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DashboardRegistration.CookieName + "=", StringComparison.Ordinal));

    private static async Task<string> TokenFromChatAsync(BotTestHost host)
    {
        var link = LinkPattern().Match(string.Join("\n", await host.SendAsync("后台登录", user: "demo-staff", conversation: Guid.NewGuid().ToString("N")))).Value;
        Assert.NotEmpty(link);
        return link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];
    }

    [GeneratedRegex(@"https?://\S+/dashboard/login\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();

    [GeneratedRegex("(?i);\\s*secure(;|$)")]
    private static partial Regex SecureCookie();

    private sealed class Browser(HttpClient http, string antiforgeryCookieHeader, string csrf)
    {
        public string AntiforgeryCookieHeader => antiforgeryCookieHeader;

        public Task<HttpResponseMessage> PostPasswordAsync(string password) => PostAsync(DashboardRoutes.LoginWithPassword, ("password", password));

        public Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields) =>
            http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__csrf", csrf))));
    }

    /// <summary>Sets the connection's remote address from a test header, as the TCP peer would be.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                    context.Request.Headers.Remove(Header);
                }

                return following(context);
            });
            next(app);
        };
    }
}
