namespace OutreachBot.Ledger.Forwarding;

/// <summary>The <c>Ledger:Forwarding</c> section: which adapters receive entries, and how.</summary>
public sealed class ForwardingOptions
{
    public const string Section = "Ledger:Forwarding";

    /// <summary>Adapter names: litedb (built in), webhook, open311.</summary>
    public List<string> Adapters { get; set; } = ["litedb"];

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>An undelivered record older than this is listed as stuck for staff.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(15);

    public WebhookOptions Webhook { get; set; } = new();

    public Open311Options Open311 { get; set; } = new();
}

public sealed class WebhookOptions
{
    public string Url { get; set; } = "";

    /// <summary>Key of the HMAC-SHA256 signature in the X-OutreachBot-Signature header.</summary>
    public string Secret { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class Open311Options
{
    /// <summary>The GeoReport v2 endpoint, e.g. https://311.example.gov/open311/v2 (requests.json is appended).</summary>
    public string BaseUrl { get; set; } = "";

    public string ApiKey { get; set; } = "";

    public string JurisdictionId { get; set; } = "";

    /// <summary>Our kind (道路交通, 饮水, ...) → the back-end's service_code; unlisted kinds use DefaultServiceCode.</summary>
    public Dictionary<string, string> ServiceCodes { get; set; } = [];

    public string DefaultServiceCode { get; set; } = "other";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(10);
}
