using System.Reflection;

namespace OutreachBot.Handbook.Search;

/// <summary>The language data shipped inside this assembly (Handbook/Data/*.txt): lines without comments or blanks.</summary>
internal static class DataFiles
{
    public static IEnumerable<string> Lines(string name)
    {
        var resource = $"OutreachBot.Handbook.Data.{name}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The data file {resource} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Meaningful(reader.ReadToEnd().Split('\n')).ToArray();
    }

    public static IEnumerable<string> Meaningful(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
