namespace OutreachBot.Handbook;

/// <summary>Loads a handbook from one Markdown file or from every <c>*.md</c> file of a folder, in name order.</summary>
public static class HandbookLoader
{
    public static IReadOnlyList<HandbookSection> Load(string path)
    {
        string[] files;
        if (File.Exists(path))
        {
            files = [path];
        }
        else if (Directory.Exists(path))
        {
            files = Directory.EnumerateFiles(path, "*.md").Order(StringComparer.Ordinal).ToArray();
        }
        else
        {
            throw new HandbookException($"The handbook '{path}' does not exist: set Handbook:Path to a folder of Markdown files or to one .md file.");
        }

        var sections = new List<HandbookSection>();
        foreach (var file in files)
        {
            sections.AddRange(HandbookParser.Parse(File.ReadAllText(file), Path.GetFileName(file), sections.Count));
        }

        if (sections.Count == 0)
        {
            throw new HandbookException($"The handbook '{path}' has no sections: each section starts with a line '## title' in a .md file.");
        }

        // The bot names sections by title and villagers pick follow-ups by title, so two sections may not share one.
        var twice = sections.GroupBy(s => s.Title).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new HandbookException($"The handbook '{path}' has two sections titled '{twice.Key}' (in {string.Join(" and ", twice.Select(s => s.Source).Distinct())}): give each section its own title.");
        }

        return sections;
    }
}

/// <summary>The handbook cannot be loaded; the message says what is wrong and where.</summary>
public sealed class HandbookException : Exception
{
    public HandbookException(string message) : base(message)
    {
    }

    public HandbookException()
    {
    }

    public HandbookException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
