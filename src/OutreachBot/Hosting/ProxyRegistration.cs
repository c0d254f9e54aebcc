using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using OutreachBot.Dashboard;

namespace OutreachBot.Hosting;

/// <summary>The <c>Hosting:ForwardedHeaders</c> section: which reverse proxies may say who the client is.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Hosting:ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of this server; empty: only a proxy on this machine (loopback).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation (10.0.0.0/8).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// Running behind a TLS-terminating reverse proxy (nginx, a cloud load balancer): the client's address and scheme
/// come from X-Forwarded-For and X-Forwarded-Proto, trusted only from the configured proxies, so throttling sees each
/// client instead of the proxy and cookies know the browser is on HTTPS. HSTS when the public address is https.
/// </summary>
public static class ProxyRegistration
{
    public static WebApplicationBuilder AddProxySupport(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProxyOptions>().Bind(builder.Configuration.GetSection(ProxyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidation>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // ASP.NET's default list is loopback only; a configured list replaces it rather than adding to it.
            if (proxy.Value.KnownProxies.Count + proxy.Value.KnownNetworks.Count > 0)
            {
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                proxy.Value.KnownProxies.ForEach(p => forwarded.KnownProxies.Add(IPAddress.Parse(p.Trim())));
                proxy.Value.KnownNetworks.ForEach(n => forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n.Trim())));
            }
        });
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));

        // A startup filter, not a Use… call in MapOutreachBot: WebApplication puts routing and authentication before
        // anything Program adds, and the client's address and scheme must be right before they run.
        services.AddTransient<IStartupFilter, ProxyStartupFilter>();
        return builder;
    }

    private sealed class ProxyStartupFilter(IWebHostEnvironment environment, IOptions<DashboardOptions> dashboard) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();

            // Not in Development: a browser that saw HSTS from localhost would refuse plain http there for a year.
            if (!environment.IsDevelopment() && dashboard.Value.IsHttps)
            {
                app.UseHsts();
            }

            next(app);
        };
    }

    private sealed class ProxyOptionsValidation : IValidateOptions<ProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProxyOptions options)
        {
            var failures = options.KnownProxies.Where(p => !IPAddress.TryParse(p.Trim(), out _))
                .Select(p => $"{ProxyOptions.Section}:KnownProxies: '{p}' is not an IP address.")
                .Concat(options.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n.Trim(), out _))
                    .Select(n => $"{ProxyOptions.Section}:KnownNetworks: '{n}' is not a network in CIDR notation (for example 10.0.0.0/8)."))
                .ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
