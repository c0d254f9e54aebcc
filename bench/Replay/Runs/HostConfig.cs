using OutreachBot.Bench.Replay.Chat;
using OutreachBot.Bench.Replay.Fakes;

namespace OutreachBot.Bench.Replay.Runs;

/// <summary>The environment the host is started with: nothing but documented settings (README, Configuration).</summary>
public static class HostConfig
{
    public static Dictionary<string, string> Bot(string database, Outside outside) => new()
    {
        ["Storage__Path"] = database,
        ["Seeds__Demo"] = "false",
        ["Bot__Echo"] = "false",

        // The replay compresses a year into minutes, so one staff member's close-outs arrive faster than anyone types:
        // the per-user limit (Bot:RateLimit) would turn them away. It has its own tests.
        ["Bot__RateLimit__PermitsPerMinute"] = "0",
        ["WeChat__Token"] = WeChatUser.Token,
        ["WeChat__EncodingAESKey"] = WeChatUser.AesKey,
        ["WeChat__AppId"] = Outside.AppId,
        ["WeChat__AppSecret"] = Outside.AppSecret,
        ["WeChat__ApiBaseUrl"] = outside.BaseUrl,
        ["Ledger__Forwarding__Adapters__0"] = "litedb",
        ["Ledger__Forwarding__Adapters__1"] = "webhook",
        ["Ledger__Forwarding__Webhook__Url"] = outside.WebhookUrl,
        ["Ledger__Forwarding__Webhook__Secret"] = Outside.WebhookSecret,

        // Shorter than the defaults (5 s first retry, 30 min cap) so the outbox drains within the run after an outage.
        ["Ledger__Forwarding__FirstRetry"] = "00:00:01",
        ["Ledger__Forwarding__MaxRetry"] = "00:00:10",
        ["Ledger__Forwarding__PollInterval"] = "00:00:01",
    };

    public static Dictionary<string, string> Echo(string database) => new()
    {
        ["Bot__Echo"] = "true",
        ["Storage__Path"] = database,
        ["Seeds__Demo"] = "false",
    };
}
