namespace OutreachBot.Handbook.Search;

/// <summary>
/// Finds the handbook's own character pairs by sound: "dibao" typed in letters, or 低包 from a slip of the keyboard
/// or of voice input, both lead to 低保 when the handbook says 低保. Only pairs that occur in the handbook are
/// candidates, which keeps a sound from matching every character that shares it.
/// </summary>
public sealed class PinyinLookup
{
    private const int MaxSegmentations = 8;
    private readonly ChineseTables _tables;
    private readonly Dictionary<string, List<string>> _pairsBySound = new(StringComparer.Ordinal);

    public PinyinLookup(ChineseTables tables, IEnumerable<string> vocabulary)
    {
        _tables = tables;
        foreach (var term in vocabulary)
        {
            if (term.Length == 2 && CharText.IsHan(term[0]) && CharText.IsHan(term[1]))
            {
                foreach (var sound in Sounds(term))
                {
                    if (!_pairsBySound.TryGetValue(sound, out var pairs))
                    {
                        _pairsBySound[sound] = pairs = [];
                    }

                    pairs.Add(term);
                }
            }
        }
    }

    /// <summary>Every reading of a pair of characters, syllables joined without a separator ("dibao").</summary>
    public IEnumerable<string> Sounds(string pair)
    {
        if (!_tables.Readings.TryGetValue(pair[0], out var first) || !_tables.Readings.TryGetValue(pair[1], out var second))
        {
            yield break;
        }

        foreach (var a in first)
        {
            foreach (var b in second)
            {
                yield return a + b;
            }
        }
    }

    /// <summary>Handbook pairs that sound like this pair of characters, other than the pair itself.</summary>
    public IReadOnlyList<string> SoundAlikes(string pair) =>
        Sounds(pair).SelectMany(PairsSounding).Where(p => p != pair).Distinct().ToArray();

    /// <summary>Handbook pairs spelled by a run of letters: each two neighbouring syllables of each way to split it.</summary>
    public IReadOnlyList<string> FromLetters(string letters)
    {
        var found = new List<string>();
        foreach (var syllables in Segmentations(letters))
        {
            for (var i = 0; i + 1 < syllables.Count; i++)
            {
                found.AddRange(PairsSounding(syllables[i] + syllables[i + 1]));
            }
        }

        return found.Distinct().ToArray();
    }

    /// <summary>The number of syllables in the first way to split the letters, or 0 when they are not pinyin.</summary>
    public int SyllableCount(string letters) => Segmentations(letters).FirstOrDefault()?.Count ?? 0;

    private IReadOnlyList<string> PairsSounding(string sound) =>
        _pairsBySound.TryGetValue(sound, out var pairs) ? pairs : [];

    /// <summary>The ways to split the letters into syllables that use the fewest syllables, as pinyin keyboards do.</summary>
    private List<List<string>> Segmentations(string letters)
    {
        var results = new List<List<string>>();
        Split(letters, 0, [], results);
        if (results.Count == 0)
        {
            return results;
        }

        var fewest = results.Min(r => r.Count);
        return results.Where(r => r.Count == fewest).ToList();
    }

    private void Split(string letters, int start, List<string> path, List<List<string>> results)
    {
        if (results.Count >= MaxSegmentations)
        {
            return;
        }

        if (start == letters.Length)
        {
            results.Add([.. path]);
            return;
        }

        for (var length = Math.Min(_tables.LongestSyllable, letters.Length - start); length >= 1; length--)
        {
            var syllable = letters.Substring(start, length);
            if (_tables.Syllables.Contains(syllable))
            {
                path.Add(syllable);
                Split(letters, start + length, path, results);
                path.RemoveAt(path.Count - 1);
            }
        }
    }
}
