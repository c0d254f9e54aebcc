using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OutreachBot.Conversations;

namespace OutreachBot.Channels.BotFramework;

public enum BotAccessMode
{
    /// <summary>MicrosoftAppId is set: every request carries a Bot Framework token the SDK validates.</summary>
    Authenticated,

    /// <summary>No app id, and the server listens on this machine only: anonymous requests from this machine.</summary>
    ThisMachineOnly,

    /// <summary>No app id, and Bot:AllowAnonymous is on: anonymous requests from anywhere (not demo identities).</summary>
    AnonymousAllowed,

    /// <summary>No app id, listening beyond this machine, no opt-in: /api/messages answers 404.</summary>
    Off,
}

/// <summary>
/// Who may use /api/messages, decided once the server has bound its addresses. Without a MicrosoftAppId nothing
/// vouches for an activity's from.id, channelId or serviceUrl, so anonymous turns are served only where nobody but
/// this machine can send them, or where the operator has said so (Bot:AllowAnonymous).
/// <para>
/// Listening beyond this machine without either turns /api/messages off with an error in the log, rather than
/// refusing to start: a WeChat-only county deployment runs exactly so (public address, no Bot Framework credentials)
/// and must keep serving /wechat, signed with its own token, and the dashboard. Refusing to start would push such an
/// operator to set the opt-in just to get WeChat running, which would open the hole again.
/// </para>
/// </summary>
public sealed class BotAccess(IConfiguration configuration, IServer server, ILogger<BotAccess> logger)
{
    public const string AllowAnonymousKey = "Bot:AllowAnonymous";

    private static readonly string[] ProxyHeaders = ["Forwarded", "X-Forwarded-For", "X-Real-IP", "X-Original-For"];

    private BotAccessMode? _mode;

    /// <summary>Null until the server has started: a request before then is not served.</summary>
    public BotAccessMode? Mode => _mode;

    /// <summary>Called when the server has started, so every address it listens on is known; logs what it decided.</summary>
    public BotAccessMode Decide()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var listening = addresses.Count == 0 ? "no network address (in-process server)" : string.Join(", ", addresses);
        BotAccessMode mode;
        if (!string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
        {
            mode = BotAccessMode.Authenticated;
            logger.LogInformation("/api/messages: every request needs a valid Bot Framework token (MicrosoftAppId is set)");
        }
        else if (configuration.GetValue<bool>(AllowAnonymousKey))
        {
            mode = BotAccessMode.AnonymousAllowed;
            logger.LogWarning(
                "SECURITY: Bot:AllowAnonymous is on and MicrosoftAppId is empty. Anyone who can reach /api/messages on {Addresses} can write as any user id and read that user's ledger entries. " +
                "Use this only on a network you trust; for Bot Framework channels set MicrosoftAppId and MicrosoftAppPassword instead. " +
                "Demo identities still hold only for callers on this machine, and replies go only to a serviceUrl on this machine.",
                listening);
        }
        else if (addresses.All(Callers.IsLoopbackUrl))
        {
            // No addresses means an in-process server (tests): nothing outside this process can send to it.
            mode = BotAccessMode.ThisMachineOnly;
            logger.LogInformation("/api/messages: no MicrosoftAppId, so anonymous requests are served from this machine only (listening on {Addresses})", listening);
        }
        else
        {
            mode = BotAccessMode.Off;
            logger.LogError(
                "/api/messages is OFF: the server listens on {Addresses}, beyond this machine, and MicrosoftAppId is empty, so anyone could write as anyone. " +
                "Set MicrosoftAppId and MicrosoftAppPassword (Bot Framework channels), or listen on this machine only (Urls=http://localhost:3978), " +
                "or accept the risk with Bot:AllowAnonymous=true (env Bot__AllowAnonymous=true). /wechat and /dashboard are not affected.",
                listening);
        }

        _mode = mode;
        return mode;
    }

    /// <summary>
    /// The request comes from this machine and not through a proxy on it (a reverse proxy on loopback relays the
    /// whole internet, and says so with a forwarding header). No remote address means an in-process server or a
    /// Unix socket, both on this machine.
    /// </summary>
    public static bool IsFromThisMachine(HttpContext context)
    {
        if (ProxyHeaders.Any(context.Request.Headers.ContainsKey))
        {
            return false;
        }

        var remote = context.Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }
}
