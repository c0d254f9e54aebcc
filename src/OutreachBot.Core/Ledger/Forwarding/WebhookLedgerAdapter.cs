using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OutreachBot.Ledger.Forwarding;

/// <summary>
/// POSTs each event as JSON to a county's ledger system. The body is signed (HMAC-SHA256 with the shared secret,
/// header X-OutreachBot-Signature: sha256=…) and carries an Idempotency-Key header equal to the event key, so the
/// receiver can tell a retry from a new event. Any 2xx (or 409: "already have it") counts as delivered.
/// </summary>
public sealed class WebhookLedgerAdapter(IHttpClientFactory clients, IOptions<ForwardingOptions> options) : ILedgerAdapter
{
    public const string SignatureHeader = "X-OutreachBot-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";

    private static readonly JsonSerializerSettings Json = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        DateFormatString = "yyyy-MM-ddTHH:mm:sszzz",
    };

    public const string ClientName = "ledger-webhook";

    public string Name => "webhook";

    private HttpClient Http => clients.CreateClient(ClientName);

    public async Task<string?> DeliverAsync(LedgerEvent ledgerEvent, CancellationToken cancellationToken)
    {
        var settings = options.Value.Webhook;
        if (string.IsNullOrWhiteSpace(settings.Url))
        {
            throw new InvalidOperationException("Ledger:Forwarding:Webhook:Url is not set.");
        }

        var body = JsonConvert.SerializeObject(ledgerEvent, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(IdempotencyHeader, ledgerEvent.Key);
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(body, settings.Secret));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var response = await Http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new HttpRequestException($"Webhook answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return null;
    }

    public static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
