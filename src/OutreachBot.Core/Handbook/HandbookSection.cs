namespace OutreachBot.Handbook;

/// <summary>One <c>##</c> section of the handbook: its title, the chapter (<c>#</c>) it sits in, and its passages.</summary>
/// <param name="Id">Its position in the handbook, from 0.</param>
/// <param name="Passages">Paragraphs and list items in reading order, Markdown markup removed.</param>
public sealed record HandbookSection(int Id, string Title, string Chapter, string Source, IReadOnlyList<string> Passages)
{
    public string Body => string.Join('\n', Passages);
}
