namespace OutreachBot.Handbook.Search;

/// <summary>
/// Pinyin readings of the standard characters and the Traditional→Simplified mapping, derived from Unicode's Unihan
/// data (see Data/LICENSE-Unicode.txt and tools/unihan/derive_tables.py).
/// </summary>
public sealed class ChineseTables
{
    private static readonly Lazy<ChineseTables> Shared = new(Load);

    private ChineseTables(Dictionary<char, char> traditional, Dictionary<char, string[]> readings)
    {
        TraditionalToSimplified = traditional;
        Readings = readings;
        Syllables = readings.Values.SelectMany(r => r).ToHashSet(StringComparer.Ordinal);
        LongestSyllable = Syllables.Max(s => s.Length);
    }

    public static ChineseTables Default => Shared.Value;

    public IReadOnlyDictionary<char, char> TraditionalToSimplified { get; }

    /// <summary>Toneless readings (ü written v) of a Simplified character; a character with several has them all.</summary>
    public IReadOnlyDictionary<char, string[]> Readings { get; }

    public IReadOnlySet<string> Syllables { get; }

    public int LongestSyllable { get; }

    private static ChineseTables Load()
    {
        var traditional = new Dictionary<char, char>();
        foreach (var line in DataFiles.Lines("traditional.txt"))
        {
            if (line.Length == 2)
            {
                traditional[line[0]] = line[1];
            }
        }

        var readings = new Dictionary<char, List<string>>();
        foreach (var line in DataFiles.Lines("pinyin.txt"))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var syllable = line[..tab];
            foreach (var c in line[(tab + 1)..])
            {
                if (!char.IsSurrogate(c))
                {
                    if (!readings.TryGetValue(c, out var list))
                    {
                        readings[c] = list = [];
                    }

                    list.Add(syllable);
                }
            }
        }

        return new ChineseTables(traditional, readings.ToDictionary(p => p.Key, p => p.Value.ToArray()));
    }
}
