using Newtonsoft.Json.Linq;

namespace OutreachBot.Tests.Support;

/// <summary>Activities as Bot Framework clients send them over HTTP.</summary>
public static class Activities
{
    public static JObject Message(string text, string user = "villager-1", string conversation = "conv-1", string channel = "test") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["text"] = text,
        ["channelId"] = channel,
        ["from"] = new JObject { ["id"] = user, ["name"] = "村民" },
        ["recipient"] = new JObject { ["id"] = "outreachbot", ["name"] = "OutreachBot" },
        ["conversation"] = new JObject { ["id"] = conversation },
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
        ["locale"] = "zh-CN",
    };

    /// <summary>What Web Chat sends through a local Direct Line emulator: no recipient, no timestamp.</summary>
    public static JObject FromWebChat(string type, string conversation, string serviceUrl, string? text = null)
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["channelId"] = "emulator",
            ["from"] = new JObject { ["id"] = "dl_user", ["role"] = "user" },
            ["conversation"] = new JObject { ["id"] = conversation },
            ["serviceUrl"] = serviceUrl,
            ["localTimestamp"] = "2026-11-27T10:00:00.000+08:00",
        };
        if (type == "conversationUpdate")
        {
            activity["membersAdded"] = new JArray();
        }

        if (text is not null)
        {
            activity["id"] = Guid.NewGuid().ToString("N");
            activity["text"] = text;
        }

        return activity;
    }
}
