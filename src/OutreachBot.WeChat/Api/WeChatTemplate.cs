using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using OutreachBot.Conversations;

namespace OutreachBot.WeChat.Api;

/// <summary>
/// A template message to use when a proactive message cannot go as text (the user has not written for 48 hours).
/// <see cref="Name"/> is looked up under WeChat:Templates; <see cref="Data"/> fills the template's fields
/// (keyword1, keyword2…). A proactive activity carries it in its channel data, so code that knows no WeChat can
/// set it as plain JSON: <c>{"wechatTemplate": {"name": "meeting_reminder", "data": {"keyword1": "…"}, "url": "…"}}</c>.
/// </summary>
public sealed record WeChatTemplate(string Name, IReadOnlyDictionary<string, string> Data, string? Url = null)
{
    public const string ChannelDataKey = "wechatTemplate";

    public T AttachTo<T>(T activity)
        where T : IActivity
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelData = activity.ChannelData is null ? new JObject() : JObject.FromObject(activity.ChannelData);
        channelData[ChannelDataKey] = JObject.FromObject(new { name = Name, data = Data, url = Url });
        activity.ChannelData = channelData;
        return activity;
    }

    /// <summary>
    /// The template an activity carries: <c>wechatTemplate {name, data, url}</c>, or the channel-neutral
    /// <c>template {name, fields}</c> that <see cref="ProactiveMessenger"/> writes for any notice naming a template.
    /// </summary>
    public static WeChatTemplate? From(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is null || JToken.FromObject(activity.ChannelData) is not JObject channelData)
        {
            return null;
        }

        var (template, fields) = channelData[ChannelDataKey] is JObject own ? (own, "data") : (channelData[ProactiveMessenger.TemplateProperty] as JObject, "fields");
        if (template is null || (string?)template["name"] is not { Length: > 0 } name)
        {
            return null;
        }

        var data = (template[fields] as JObject)?.Properties().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        return new WeChatTemplate(name, data, (string?)template["url"]);
    }
}
