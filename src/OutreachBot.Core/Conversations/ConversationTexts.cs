using OutreachBot.Texts;

namespace OutreachBot.Conversations;

[TextKeys]
public static class ConversationTexts
{
    public const string Welcome = "conversation.welcome";
    public const string TurnFailed = "conversation.turn_failed";
    public const string TurnFailedAgain = "conversation.turn_failed_again";
    public const string TurnFailedUnkept = "conversation.turn_failed_unkept";
    public const string NotUnderstood = "conversation.not_understood";
    public const string EchoPrefix = "conversation.echo";
    public const string TextCut = "conversation.text_cut";
    public const string SlowDown = "conversation.slow_down";
}
