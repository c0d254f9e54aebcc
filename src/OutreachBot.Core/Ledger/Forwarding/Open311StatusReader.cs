using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Ledger.Forwarding;

/// <summary>Reads a request's status back from an Open311 back-end (GET requests/{id}.json: open or closed, with notes).</summary>
public sealed class Open311StatusReader(IHttpClientFactory clients, IOptions<ForwardingOptions> options)
{
    private HttpClient Http => clients.CreateClient(Open311LedgerAdapter.ClientName);

    public async Task<(bool Closed, string? Notes)?> ReadAsync(string serviceRequestId, CancellationToken cancellationToken)
    {
        var settings = options.Value.Open311;
        var url = Open311LedgerAdapter.Url(settings.BaseUrl, $"requests/{Uri.EscapeDataString(serviceRequestId)}.json");
        using var response = await Http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var request = JArray.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault() as JObject;
        return request is null ? null : (request.Value<string>("status") == "closed", request.Value<string>("status_notes"));
    }
}
