using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OutreachBot.Conversations;

namespace OutreachBot.Channels.ConsoleChat;

/// <summary>
/// A channel for trying the bot in a terminal: each typed line is a message activity on channel "console";
/// replies are written as plain text. It runs the same middleware and error handling as the HTTP adapter.
/// </summary>
public sealed class ConsoleAdapter : BotAdapter
{
    public const string ChannelId = "console";

    private readonly TextWriter _output;
    private readonly ChannelAccount _user;
    private readonly ChannelAccount _bot = new("outreachbot", "OutreachBot", RoleTypes.Bot);
    private readonly ConversationAccount _conversation;

    public ConsoleAdapter(TextWriter output, string userId, IServiceProvider services)
    {
        _output = output;
        _user = new ChannelAccount(userId, userId, RoleTypes.User);
        _conversation = new ConversationAccount(id: "console-" + userId);
        BotPipeline.Apply(this, services);
    }

    public Task JoinAsync(IBot bot, CancellationToken cancellationToken = default)
    {
        var activity = NewActivity(ActivityTypes.ConversationUpdate);
        activity.MembersAdded = [_user];
        return RunAsync(activity, bot, cancellationToken);
    }

    /// <summary>
    /// A typed line as a message. "/image &lt;url&gt;" sends a photo and "/location &lt;lat&gt;,&lt;lon&gt; [label]" a shared
    /// location, as a phone would, so every prompt can be tried in a terminal.
    /// </summary>
    public Task SendAsync(string text, IBot bot, CancellationToken cancellationToken = default)
    {
        var activity = NewActivity(ActivityTypes.Message);
        if (text.StartsWith("/image ", StringComparison.Ordinal))
        {
            activity.Attachments = [new Attachment("image/jpeg", text[7..].Trim(), name: "photo.jpg")];
        }
        else if (text.StartsWith("/location ", StringComparison.Ordinal) && Place(text[10..]) is { } place)
        {
            activity.Entities = [place];
        }
        else
        {
            activity.Text = text;
        }

        return RunAsync(activity, bot, cancellationToken);
    }

    private static Entity? Place(string text)
    {
        var parts = text.Trim().Split(' ', 2);
        var coordinates = parts[0].Split(',');
        if (coordinates.Length != 2
            || !double.TryParse(coordinates[0], System.Globalization.CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(coordinates[1], System.Globalization.CultureInfo.InvariantCulture, out var longitude))
        {
            return null;
        }

        var place = new Entity("Place");
        place.Properties["geo"] = new Newtonsoft.Json.Linq.JObject { ["type"] = "GeoCoordinates", ["latitude"] = latitude, ["longitude"] = longitude };
        place.Properties["name"] = parts.Length > 1 ? parts[1] : "";
        return place;
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>(activities.Length);
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypes.Message)
            {
                await _output.WriteLineAsync(activity.Text ?? "").ConfigureAwait(false);
                foreach (var attachment in activity.Attachments ?? [])
                {
                    await _output.WriteLineAsync($"[附件] {attachment.Name ?? attachment.ContentUrl}").ConfigureAwait(false);
                }

                await _output.WriteLineAsync().ConfigureAwait(false);
            }

            responses.Add(new ResourceResponse(activity.Id ?? Guid.NewGuid().ToString("N")));
        }

        return [.. responses];
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The console cannot edit a message it already printed.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The console cannot delete a message it already printed.");

    private async Task RunAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, activity);

        // Whoever types here sits at the server's own terminal, so the demo identities (chat --as cadre) hold.
        Callers.MarkOnThisMachine(context);
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
    }

    private Activity NewActivity(string type)
    {
        var now = DateTimeOffset.Now;
        return new Activity
        {
            Type = type,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = ChannelId,
            ServiceUrl = "console://local",
            Conversation = _conversation,
            From = _user,
            Recipient = _bot,
            Timestamp = now.ToUniversalTime(),
            LocalTimestamp = now,
            Locale = "zh-CN",
        };
    }
}
