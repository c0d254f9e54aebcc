using OutreachBot.Texts;

namespace OutreachBot.Handbook;

/// <summary>Keys of what the bot says when answering from the handbook (dialogs/handbook.yaml).</summary>
[TextKeys]
public static class HandbookTexts
{
    public const string Answer = "handbook.answer";
    public const string MoreTwo = "handbook.more_two";
    public const string MoreOne = "handbook.more_one";
    public const string Declined = "handbook.declined";
}
