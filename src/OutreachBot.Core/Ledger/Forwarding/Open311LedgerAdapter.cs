using System.Globalization;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Ledger.Forwarding;

/// <summary>
/// Speaks Open311 GeoReport v2 to an existing civic-issue back-end: a new entry becomes POST requests.json
/// (form-encoded: service_code, description, location, attribute[...]) and the returned service_request_id is kept.
/// GeoReport v2 has no way to update a request, so status changes are ours alone; the back-end's own status is
/// polled back (<see cref="Open311StatusReader"/>).
/// </summary>
public sealed class Open311LedgerAdapter(IHttpClientFactory clients, IOptions<ForwardingOptions> options) : ILedgerAdapter
{
    public const string ClientName = "ledger-open311";

    public string Name => "open311";

    private HttpClient Http => clients.CreateClient(ClientName);

    public async Task<string?> DeliverAsync(LedgerEvent ledgerEvent, CancellationToken cancellationToken)
    {
        if (ledgerEvent.Type != LedgerEvent.Created)
        {
            return null;
        }

        var settings = options.Value.Open311;
        var entry = ledgerEvent.Entry;
        var form = new List<KeyValuePair<string, string>>
        {
            new("api_key", settings.ApiKey),
            new("service_code", settings.ServiceCodes.GetValueOrDefault(entry.Kind, settings.DefaultServiceCode)),
            new("description", entry.Description.Length > 4000 ? entry.Description[..4000] : entry.Description),
            new("attribute[tracking_number]", entry.TrackingNumber),
            new("attribute[ledger]", entry.Ledger),
            new("attribute[kind]", entry.Kind),
            new("attribute[village]", entry.VillageName),
        };
        if (settings.JurisdictionId.Length > 0)
        {
            form.Add(new("jurisdiction_id", settings.JurisdictionId));
        }

        form.AddRange(Location(entry));
        if (entry.ReporterPhone is { } phone)
        {
            form.Add(new("phone", phone));
        }

        if (entry.Photos.Count > 0)
        {
            form.Add(new("media_url", entry.Photos[0]));
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync(Url(settings.BaseUrl, "requests.json"), content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Open311 answered {(int)response.StatusCode}: {Errors(body)}", null, response.StatusCode);
        }

        var first = JArray.Parse(body).FirstOrDefault() as JObject;
        return first?.Value<string>("service_request_id") ?? first?.Value<string>("token")
            ?? throw new HttpRequestException("Open311 answered without service_request_id or token.");
    }

    public static Uri Url(string baseUrl, string path) => new(baseUrl.TrimEnd('/') + "/" + path);

    /// <summary>"32.91,104.24 三组村口" → lat/long plus the label; a typed place → address_string with the village.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Location(EntrySnapshot entry)
    {
        var location = entry.Location ?? "";
        var head = location.Split(' ', 2);
        var coordinates = head[0].Split(',');
        if (coordinates.Length == 2
            && double.TryParse(coordinates[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            && double.TryParse(coordinates[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
        {
            yield return new("lat", latitude.ToString(CultureInfo.InvariantCulture));
            yield return new("long", longitude.ToString(CultureInfo.InvariantCulture));
            yield return new("address_string", $"{entry.VillageName} {(head.Length > 1 ? head[1] : "")}".Trim());
        }
        else
        {
            yield return new("address_string", $"{entry.VillageName} {location}".Trim());
        }
    }

    private static string Errors(string body)
    {
        try
        {
            return string.Join("; ", JArray.Parse(body).Select(e => $"{e["code"]} {e["description"]}"));
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
