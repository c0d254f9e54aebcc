namespace OutreachBot.Texts;

/// <summary>
/// Word lists are kept as messages so staff can extend them ("取消、退出、不办了"): entries are separated by
/// 、 , ， / ； or line breaks.
/// </summary>
public static class Words
{
    private static readonly char[] Separators = ['、', ',', '，', '/', '\n', '；', ';'];

    public static IReadOnlyList<string> Split(string list) =>
        list.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
