namespace OutreachBot.Handbook.Search;

/// <summary>
/// Finds the handbook's own character pairs by sound: "dibao" typed in letters, or 低包 from a slip of the keyboard
/// or of voice input, both lead to 低保 when the handbook says 低保. Only pairs that occur in the handbook are
/// candidates, which keeps a sound from matching every character that shares it.
/// </summary>
public sealed class PinyinLookup
{
    /// <summary>
    /// Longer runs of letters are not read as pinyin: a question's pinyin is a few words (a 20-letter phrase is
    /// already long), and a run this long is a URL, a code or a pasted wall of letters.
    /// </summary>
    public const int MaxLetters = 64;

    private const int MaxSegmentations = 8;
    private const int Unsplittable = int.MaxValue;
    private readonly ChineseTables _tables;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _syllables;
    private readonly Dictionary<string, List<string>> _pairsBySound = new(StringComparer.Ordinal);

    public PinyinLookup(ChineseTables tables, IEnumerable<string> vocabulary)
    {
        _tables = tables;
        _syllables = new HashSet<string>(tables.Syllables, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
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
            for (var i = 0; i + 1 < syllables.Length; i++)
            {
                found.AddRange(PairsSounding(syllables[i] + syllables[i + 1]));
            }
        }

        return found.Distinct().ToArray();
    }

    /// <summary>The fewest syllables the letters split into, or 0 when they are not pinyin (or longer than <see cref="MaxLetters"/>).</summary>
    public int SyllableCount(string letters)
    {
        if (!Splittable(letters))
        {
            return 0;
        }

        var fewest = FewestSyllables(letters)[0];
        return fewest == Unsplittable ? 0 : fewest;
    }

    private IReadOnlyList<string> PairsSounding(string sound) =>
        _pairsBySound.TryGetValue(sound, out var pairs) ? pairs : [];

    private static bool Splittable(string letters) => letters.Length is > 0 and <= MaxLetters;

    /// <summary>
    /// The ways to split the letters into syllables that use the fewest syllables, as pinyin keyboards do, longer
    /// syllables first, at most <see cref="MaxSegmentations"/>. Trying every split is exponential in the length
    /// ("xianxian…" splits as xian or xi+an at each step), so the fewest syllables from each position are counted
    /// first and the walk only takes steps that keep to that count: it never backs out of a dead end, and it keeps
    /// its path in arrays rather than on the call stack.
    /// </summary>
    private List<string[]> Segmentations(string letters)
    {
        var results = new List<string[]>();
        if (!Splittable(letters))
        {
            return results;
        }

        var fewest = FewestSyllables(letters);
        var count = fewest[0];
        if (count == Unsplittable)
        {
            return results;
        }

        var starts = new int[count + 1];
        var lengths = new int[count];
        var depth = 0;
        lengths[0] = NextStep(letters, fewest, 0, _tables.LongestSyllable + 1);
        while (depth >= 0 && results.Count < MaxSegmentations)
        {
            if (lengths[depth] == 0)
            {
                depth--;
                if (depth >= 0)
                {
                    lengths[depth] = NextStep(letters, fewest, starts[depth], lengths[depth]);
                }

                continue;
            }

            starts[depth + 1] = starts[depth] + lengths[depth];
            if (depth + 1 == count)
            {
                results.Add([.. Enumerable.Range(0, count).Select(d => letters.Substring(starts[d], lengths[d]))]);
                lengths[depth] = NextStep(letters, fewest, starts[depth], lengths[depth]);
                continue;
            }

            depth++;
            lengths[depth] = NextStep(letters, fewest, starts[depth], _tables.LongestSyllable + 1);
        }

        return results;
    }

    /// <summary>For each position, the fewest syllables that spell the letters from there to the end.</summary>
    private int[] FewestSyllables(string letters)
    {
        var fewest = new int[letters.Length + 1];
        for (var start = letters.Length - 1; start >= 0; start--)
        {
            fewest[start] = Unsplittable;
            for (var length = 1; length <= Math.Min(_tables.LongestSyllable, letters.Length - start); length++)
            {
                if (fewest[start + length] != Unsplittable && IsSyllable(letters, start, length))
                {
                    fewest[start] = Math.Min(fewest[start], fewest[start + length] + 1);
                }
            }
        }

        return fewest;
    }

    /// <summary>The longest syllable shorter than <paramref name="below"/> at <paramref name="start"/> that keeps to the fewest count; 0 when none is left.</summary>
    private int NextStep(string letters, int[] fewest, int start, int below)
    {
        for (var length = Math.Min(below - 1, letters.Length - start); length >= 1; length--)
        {
            if (fewest[start + length] == fewest[start] - 1 && IsSyllable(letters, start, length))
            {
                return length;
            }
        }

        return 0;
    }

    private bool IsSyllable(string letters, int start, int length) => _syllables.Contains(letters.AsSpan(start, length));
}
