using OutreachBot.Text;
using OutreachBot.Texts;

namespace OutreachBot.Dialogs;

public enum Interruption
{
    None,
    Cancel,
    Help,
    Back,
    Menu,
}

/// <summary>
/// Words that work at any step (取消, 帮助, 上一步, 菜单). Only a message that is nothing but such a word
/// interrupts: "退出低保了怎么办" is an answer or a question, not a cancel.
/// </summary>
public static class Interruptions
{
    public static Interruption Detect(string text, TextCatalog texts)
    {
        var bare = ChineseText.Bare(text);
        if (bare.Length == 0)
        {
            return Interruption.None;
        }

        if (texts.WordList(DialogTexts.Cancel).Contains(bare))
        {
            return Interruption.Cancel;
        }

        if (texts.WordList(DialogTexts.Help).Contains(bare))
        {
            return Interruption.Help;
        }

        if (texts.WordList(DialogTexts.Back).Contains(bare))
        {
            return Interruption.Back;
        }

        return texts.WordList(DialogTexts.Menu).Contains(bare) ? Interruption.Menu : Interruption.None;
    }
}
