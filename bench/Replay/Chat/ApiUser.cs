using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutreachBot.Bench.Replay.Fakes;

namespace OutreachBot.Bench.Replay.Chat;

/// <summary>
/// A user on /api/messages, as a Bot Framework channel (Web Chat over Direct Line, the Emulator) sends: one
/// conversation per user, <c>deliveryMode: expectReplies</c> so the replies come back in the HTTP answer; proactive
/// messages (follow-ups) reach the channel's serviceUrl, which is <see cref="Outside"/>.
/// </summary>
public sealed class ApiUser(HttpClient http, Uri host, Outside outside, string userId, string channelId = ApiUser.ChannelId) : ChatUser(userId, "api")
{
    public const string ChannelId = "emulator";

    public string ConversationId { get; } = "c-" + userId;

    public override string InboxKey => Outside.ApiInbox(ConversationId);

    protected override async Task<List<string>> FetchMoreAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var first = await outside.Inboxes.NextAsync(InboxKey, timeout, cancellationToken);
        if (first is null)
        {
            return [];
        }

        return [first, .. outside.Inboxes.Drain(InboxKey)];
    }

    /// <summary>Proactive messages already delivered to this user.</summary>
    protected override List<string> DrainInbox() => outside.Inboxes.Drain(InboxKey);

    protected override object Prepare(Message message) => Activity(message, Guid.NewGuid().ToString("N"));

    /// <summary>The activity JSON; a resend is the same string, so its id is the same.</summary>
    public string Activity(Message message, string id)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
            ["channelId"] = channelId,
            ["locale"] = "zh-CN",
            ["serviceUrl"] = outside.BaseUrl,
            ["from"] = new JsonObject { ["id"] = UserId, ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "outreachbot", ["role"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = ConversationId },
            ["deliveryMode"] = "expectReplies",
        };
        if (message.Text is not null)
        {
            activity["text"] = message.Text;
        }

        if (message.ImageUrl is not null)
        {
            activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/jpeg", ["contentUrl"] = message.ImageUrl });
        }

        if (message.Location is { } place)
        {
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "Place",
                ["name"] = place.Label,
                ["geo"] = new JsonObject { ["type"] = "GeoCoordinates", ["latitude"] = place.Latitude, ["longitude"] = place.Longitude },
            });
        }

        return activity.ToJsonString();
    }

    protected override async Task<(int Status, List<string> Texts)> SendAsync(object prepared, int resends, CancellationToken cancellationToken)
    {
        var (status, body) = await PostAsync((string)prepared, cancellationToken);
        var texts = new List<string>();
        if (status == 200 && body.Length > 0)
        {
            texts.AddRange(Texts(body));
        }

        return (status, texts);
    }

    /// <summary>POSTs a body as is (the bad-input drill sends broken ones too).</summary>
    public async Task<(int Status, string Body)> PostAsync(string body, CancellationToken cancellationToken, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await http.PostAsync(new Uri(host, "api/messages"), content, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public static IEnumerable<string> Texts(string body)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            yield break;
        }

        if (json?["activities"] is JsonArray activities)
        {
            foreach (var activity in activities)
            {
                if ((string?)activity?["type"] == "message" && (string?)activity["text"] is { } text)
                {
                    yield return text;
                }
            }
        }
    }
}
