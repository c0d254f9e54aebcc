using System.Text;
using System.Text.RegularExpressions;

namespace OutreachBot.Conversations;

/// <summary>
/// The one place that decides how a reply looks on a channel. Replies are written as plain lines, lists as
/// "1. …" or "- …" lines. Markdown channels (Web Chat, Emulator, Teams) would join single lines into one paragraph,
/// so there each line becomes its own paragraph and a run of list lines becomes one list; plain channels
/// (WeChat, the console, tests) get the lines as written.
/// </summary>
public static partial class ReplyFormat
{
    private static readonly HashSet<string> MarkdownChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "emulator", "webchat", "directline", "msteams",
    };

    public static bool RendersMarkdown(string? channelId) => channelId is not null && MarkdownChannels.Contains(channelId);

    public static string ToMarkdown(string text)
    {
        var output = new StringBuilder();
        var previousWasListItem = false;
        foreach (var rawLine in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            var isListItem = ListItem().IsMatch(line);
            if (output.Length > 0)
            {
                output.Append(isListItem && previousWasListItem ? "\n" : "\n\n");
            }

            output.Append(isListItem ? KeepMarker(line) : Escape(line));
            previousWasListItem = isListItem;
        }

        return output.ToString();
    }

    private static string KeepMarker(string line)
    {
        var marker = ListItem().Match(line);
        return marker.Value + Escape(line[marker.Length..]);
    }

    private static string Escape(string text) => MarkdownSpecial().Replace(text, @"\$0");

    [GeneratedRegex(@"^(\d{1,3}\.|[-•])\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"[\\`*_\[\]<>#|]")]
    private static partial Regex MarkdownSpecial();
}
