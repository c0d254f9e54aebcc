using OutreachBot.Texts;

namespace OutreachBot.WeChat;

/// <summary>What the WeChat channel itself says, in dialogs/wechat.yaml.</summary>
[TextKeys]
public static class WeChatTexts
{
    public const string VoiceNotRecognised = "wechat.voice_not_recognised";
}
