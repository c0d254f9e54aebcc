namespace OutreachBot.WeChat;

/// <summary>The <c>WeChat</c> section of appsettings.json. With no <see cref="Token"/> the channel is off.</summary>
public sealed class WeChatOptions
{
    public const string Section = "WeChat";

    /// <summary>The Token set in the Official Account console (基本配置 → 服务器配置); signs every call WeChat makes.</summary>
    public string Token { get; set; } = "";

    /// <summary>The 43-character EncodingAESKey; needed for safe (encrypted) mode, together with <see cref="AppId"/>.
    /// Once it is set, pushes must be encrypted (safe or compatible mode); plaintext ones are refused.</summary>
    public string EncodingAESKey { get; set; } = "";

    public string AppId { get; set; } = "";

    /// <summary>Only for fetching the access token of the customer-service and template message APIs.</summary>
    public string AppSecret { get; set; } = "";

    public Uri ApiBaseUrl { get; set; } = new("https://api.weixin.qq.com");

    /// <summary>How long a request waits for the bot before answering `success` and replying through the API;
    /// WeChat gives up after 5 seconds.</summary>
    public TimeSpan PassiveReplyBudget { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Template ids by the names the bot uses (<c>WeChat:Templates:meeting_reminder</c> = the id).</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Real messages are a few KB; compatible mode roughly triples that.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>A request whose timestamp is further than this from our clock is refused as a replay; within it, each
    /// timestamp and nonce is remembered with its body, so the same signed query with another body is refused too.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a message id is remembered, so WeChat's retries (about 15 s) never start a second turn.</summary>
    public TimeSpan DedupRetention { get; set; } = TimeSpan.FromMinutes(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);

    public bool CanDecrypt => !string.IsNullOrWhiteSpace(EncodingAESKey);
}
