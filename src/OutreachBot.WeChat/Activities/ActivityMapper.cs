using System.Globalization;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using OutreachBot.WeChat.Protocol;

namespace OutreachBot.WeChat.Activities;

/// <summary>
/// Turns a WeChat push into the Bot Framework activity the bot understands, so dialogs never see WeChat:
/// <list type="bullet">
/// <item>text → message with the text; voice → message with its Recognition as text (none: no text, see
/// <see cref="UnrecognisedVoice"/>) and an audio attachment; image → message with an image/* attachment (PicUrl,
/// MediaId); location → message with a Place entity and the coordinates in Value; link, video, shortvideo → message
/// with an attachment.</item>
/// <item>subscribe → conversationUpdate with the user in MembersAdded (the router's welcome); the QR scene key
/// (EventKey without "qrscene_") in Value.scene. unsubscribe → conversationUpdate with MembersRemoved.</item>
/// <item>CLICK → message whose text is the menu key, so a menu key set to a word or number the router knows
/// ("菜单", "1") starts that dialog; Value.wechatEvent = "CLICK" tells it came from the menu.</item>
/// <item>SCAN, LOCATION, VIEW and any other event or message type → event activity named "wechat/&lt;event&gt;"
/// (lower case) with the fields in Value.</item>
/// </list>
/// Every activity carries all raw fields in ChannelData, the OpenID as From and conversation id, and our account as
/// Recipient.
/// </summary>
public static class ActivityMapper
{
    public const string ChannelId = "wechat";
    public const string EventPrefix = "wechat/";
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static Activity ToActivity(InboundMessage message, Uri serviceUrl)
    {
        var activity = Common(message, serviceUrl);
        switch (message.MsgType)
        {
            case "text":
                activity.Type = ActivityTypes.Message;
                activity.Text = message["Content"];
                break;
            case "voice":
                activity.Type = ActivityTypes.Message;
                activity.Text = NullIfBlank(message["Recognition"]);
                activity.Attachments = [Attachment($"audio/{Lower(message["Format"], "amr")}", null, "voice", new JObject { ["mediaId"] = message["MediaId"], ["format"] = message["Format"] })];
                break;
            case "image":
                activity.Type = ActivityTypes.Message;
                activity.Attachments = [Attachment("image/*", NullIfBlank(message["PicUrl"]), "image", new JObject { ["mediaId"] = message["MediaId"], ["picUrl"] = message["PicUrl"] })];
                break;
            case "video" or "shortvideo":
                activity.Type = ActivityTypes.Message;
                activity.Attachments = [Attachment("video/*", null, message.MsgType, new JObject { ["mediaId"] = message["MediaId"], ["thumbMediaId"] = message["ThumbMediaId"] })];
                break;
            case "link":
                activity.Type = ActivityTypes.Message;
                activity.Attachments = [Attachment("text/html", NullIfBlank(message["Url"]), NullIfBlank(message["Title"]), new JObject { ["title"] = message["Title"], ["description"] = message["Description"], ["url"] = message["Url"] })];
                break;
            case "location":
                activity.Type = ActivityTypes.Message;
                SetPlace(activity, message["Location_X"], message["Location_Y"], message["Label"], new JObject { ["scale"] = Number(message["Scale"]) });
                break;
            case "event":
                MapEvent(activity, message);
                break;
            default:
                activity.Type = ActivityTypes.Event;
                activity.Name = EventPrefix + message.MsgType.ToLowerInvariant();
                activity.Value = Fields(message);
                break;
        }

        return activity;
    }

    private static void MapEvent(Activity activity, InboundMessage message)
    {
        var user = activity.From;
        switch (message.Event)
        {
            case "subscribe":
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.MembersAdded = [user];
                activity.Value = new JObject
                {
                    ["wechatEvent"] = "subscribe",
                    ["scene"] = SceneOf(message.EventKey),
                    ["ticket"] = NullIfBlank(message["Ticket"]),
                };
                break;
            case "unsubscribe":
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.MembersRemoved = [user];
                activity.Value = new JObject { ["wechatEvent"] = "unsubscribe" };
                break;
            case "CLICK":
                activity.Type = ActivityTypes.Message;
                activity.Text = message.EventKey;
                activity.Value = new JObject { ["wechatEvent"] = "CLICK", ["key"] = message.EventKey };
                break;
            case "SCAN":
                activity.Type = ActivityTypes.Event;
                activity.Name = EventPrefix + "scan";
                activity.Value = new JObject { ["scene"] = message.EventKey, ["ticket"] = NullIfBlank(message["Ticket"]) };
                break;
            case "LOCATION":
                activity.Type = ActivityTypes.Event;
                activity.Name = EventPrefix + "location";
                SetPlace(activity, message["Latitude"], message["Longitude"], null, new JObject { ["precision"] = Number(message["Precision"]) });
                break;
            case "VIEW":
                activity.Type = ActivityTypes.Event;
                activity.Name = EventPrefix + "view";
                activity.Value = new JObject { ["url"] = message.EventKey, ["menuId"] = NullIfBlank(message["MenuId"]) };
                break;
            default:
                activity.Type = ActivityTypes.Event;
                activity.Name = EventPrefix + message.Event.ToLowerInvariant();
                activity.Value = Fields(message);
                break;
        }
    }

    /// <summary>A QR code with a parameter gives "qrscene_&lt;scene&gt;" on subscribe and the bare scene on SCAN.</summary>
    public static string? SceneOf(string eventKey) =>
        eventKey.StartsWith("qrscene_", StringComparison.Ordinal) ? eventKey["qrscene_".Length..] : NullIfBlank(eventKey);

    private static Activity Common(InboundMessage message, Uri serviceUrl)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(message.CreateTime);
        return new Activity
        {
            Id = message.DedupKey,
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl.ToString(),
            From = new ChannelAccount(message.FromUserName, role: RoleTypes.User),
            Recipient = new ChannelAccount(message.ToUserName, role: RoleTypes.Bot),
            Conversation = new ConversationAccount(isGroup: false, id: message.FromUserName),
            Timestamp = at,
            LocalTimestamp = at.ToOffset(ChinaOffset),
            Locale = "zh-CN",
            ChannelData = Fields(message),
        };
    }

    private static void SetPlace(Activity activity, string latitude, string longitude, string? label, JObject extra)
    {
        var lat = Number(latitude);
        var lon = Number(longitude);
        label = NullIfBlank(label);
        var place = new Place(address: label, geo: new GeoCoordinates(latitude: lat, longitude: lon, type: "GeoCoordinates", name: label), type: "Place", name: label);
        var entity = new Entity();
        entity.SetAs(place);
        activity.Entities = [entity];
        extra["latitude"] = lat;
        extra["longitude"] = lon;
        extra["label"] = label;
        activity.Value = extra;
    }

    private static Attachment Attachment(string contentType, string? url, string? name, JObject content) =>
        new() { ContentType = contentType, ContentUrl = url, Name = name, Content = content };

    private static JObject Fields(InboundMessage message)
    {
        var fields = new JObject();
        foreach (var (name, value) in message.Fields)
        {
            fields[name] = value;
        }

        return fields;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static string Lower(string text, string fallback) => text.Length > 0 ? text.ToLowerInvariant() : fallback;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
