using System.Text;
using System.Text.RegularExpressions;

namespace OutreachBot.Handbook;

/// <summary>
/// Reads handbook Markdown: every <c>## </c> heading opens a section that runs to the next <c>#</c> or <c>##</c>
/// heading. Paragraphs and list items become passages; deeper headings are kept as short passages of their own.
/// Text before the first section (a chapter's introduction, a README) belongs to no section.
/// </summary>
public static partial class HandbookParser
{
    public static IReadOnlyList<HandbookSection> Parse(string markdown, string source, int firstId = 0)
    {
        var sections = new List<HandbookSection>();
        var chapter = "";
        string? title = null;
        var passages = new List<string>();
        var paragraph = new StringBuilder();
        var inFence = false;

        void EndParagraph()
        {
            var text = Clean(paragraph.ToString());
            if (title is not null && text.Length > 0)
            {
                passages.Add(text);
            }

            paragraph.Clear();
        }

        void EndSection()
        {
            EndParagraph();
            if (title is not null)
            {
                sections.Add(new HandbookSection(firstId + sections.Count, title, chapter, source, passages.ToArray()));
            }

            title = null;
            passages.Clear();
        }

        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                EndParagraph();
                continue;
            }

            var heading = inFence ? null : Heading().Match(line);
            if (heading is { Success: true })
            {
                var level = heading.Groups[1].Length;
                var text = Clean(heading.Groups[2].Value);
                if (level <= 2)
                {
                    EndSection();
                    if (level == 1)
                    {
                        chapter = text;
                    }
                    else if (text.Length > 0)
                    {
                        title = text;
                    }
                }
                else
                {
                    EndParagraph();
                    paragraph.Append(text);
                    EndParagraph();
                }

                continue;
            }

            if (line.Trim().Length == 0)
            {
                EndParagraph();
            }
            else if (ListItem().IsMatch(line))
            {
                EndParagraph();
                paragraph.Append(ListItem().Replace(line, ""));
            }
            else
            {
                paragraph.Append(line.Trim());
            }
        }

        EndSection();
        return sections;
    }

    /// <summary>Removes inline Markdown (emphasis, code marks, links, quote marks, table bars) and squeezes spaces.</summary>
    public static string Clean(string text)
    {
        var plain = Link().Replace(text, "$1");
        plain = plain.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        plain = QuoteMark().Replace(plain, "");
        plain = Spaces().Replace(plain, " ");
        return plain.Trim().Trim('|').Trim();
    }

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+[.)、])\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s*>\s?")]
    private static partial Regex QuoteMark();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
