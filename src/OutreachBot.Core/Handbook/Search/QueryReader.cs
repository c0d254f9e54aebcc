namespace OutreachBot.Handbook.Search;

/// <summary>Turns a villager's question into a <see cref="HandbookQuery"/>.</summary>
public sealed class QueryReader(Func<string, string> normalize, QueryLexicon lexicon, PinyinLookup pinyin, Bm25Index vocabulary, IReadOnlySet<string> titlePairs, HandbookSearchOptions options)
{
    private const int MaxSoundAlikes = 2;

    public HandbookQuery Read(string question)
    {
        var text = normalize(question);
        var filler = options.SkipFillers ? MarkFillers(text) : new bool[text.Length];
        var units = new List<QueryUnit>();
        var terms = new List<QueryTerm>();
        var run = new List<int>();

        void EndRun()
        {
            for (var i = 1; i < run.Count; i++)
            {
                var pair = units[run[i - 1]].Text + units[run[i]].Text;
                int[] covered = [run[i - 1], run[i]];
                terms.Add(new QueryTerm(pair, options.BigramWeight, 1, covered, TermSource.Pair));
                if (options.SoundAlikes && vocabulary.DocumentFrequency(pair) == 0)
                {
                    var alikes = pinyin.SoundAlikes(pair).Where(a => (a[0] == pair[0] || a[1] == pair[1]) && IsKeyPair(a)).ToArray();
                    if (alikes.Length is > 0 and <= MaxSoundAlikes)
                    {
                        terms.AddRange(alikes.Select(a => new QueryTerm(a, options.SoundAlikeWeight, 1, covered, TermSource.SoundAlike)));
                    }
                }
            }

            run.Clear();
        }

        var at = 0;
        while (at < text.Length)
        {
            var c = text[at];
            if (CharText.IsHan(c) && !filler[at])
            {
                run.Add(units.Count);
                terms.Add(new QueryTerm(c.ToString(), options.UnigramWeight, options.UnigramCredit, [units.Count], TermSource.Character));
                units.Add(new QueryUnit(c.ToString(), at, Weight(c.ToString())));
                at++;
            }
            else if (CharText.IsWordChar(c))
            {
                EndRun();
                var start = at;
                while (at < text.Length && CharText.IsWordChar(text[at]))
                {
                    at++;
                }

                AddWord(text[start..at], start, units, terms);
            }
            else
            {
                EndRun();
                at++;
            }
        }

        EndRun();
        if (options.Synonyms)
        {
            AddSynonyms(text, units, terms);
        }

        var asking = new List<string>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (filler[i] && filler[i + 1] && CharText.IsHan(text[i]) && CharText.IsHan(text[i + 1]))
            {
                asking.Add(text.Substring(i, 2));
            }
        }

        return new HandbookQuery(text, units, terms, Asks(question, text), asking);
    }

    private void AddWord(string word, int start, List<QueryUnit> units, List<QueryTerm> terms)
    {
        var unit = units.Count;
        var pairs = options.Pinyin && word.All(char.IsAsciiLetter) ? pinyin.FromLetters(word) : [];
        if (pairs.Count > 0)
        {
            units.Add(new QueryUnit(word, start, Math.Max(1, pinyin.SyllableCount(word))));
            terms.AddRange(pairs.Select(p => new QueryTerm(p, options.BigramWeight, 1, [unit], TermSource.Pinyin)));
        }
        else
        {
            units.Add(new QueryUnit(word, start, 1));
            terms.Add(new QueryTerm(word, options.BigramWeight, 1, [unit], TermSource.Word));
        }
    }

    private void AddSynonyms(string text, List<QueryUnit> units, List<QueryTerm> terms)
    {
        for (var found = 0; found < text.Length; found++)
        {
            if (!lexicon.SynonymsByFirstChar.TryGetValue(text[found], out var candidates))
            {
                continue;
            }

            foreach (var synonym in candidates)
            {
                if (found + synonym.Phrase.Length > text.Length || string.CompareOrdinal(text, found, synonym.Phrase, 0, synonym.Phrase.Length) != 0)
                {
                    continue;
                }

                var end = found + synonym.Phrase.Length;
                var covered = UnitsWithin(units, found, end);
                if (covered.Length == 0)
                {
                    continue;
                }

                foreach (var term in synonym.Terms)
                {
                    foreach (var token in CharText.NGrams(term))
                    {
                        var single = token.Length == 1 && CharText.IsHan(token[0]);
                        var whole = term.Length == 1;
                        terms.Add(new QueryTerm(token, single ? options.SynonymWeight * options.UnigramWeight : options.SynonymWeight, single && !whole ? 0 : 1, covered, TermSource.Synonym));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The units that start within [start, end). Units are in order of their start, so this looks only at those: a
    /// scan of all units for each phrase found made a long text with many phrases quadratic.
    /// </summary>
    private static int[] UnitsWithin(List<QueryUnit> units, int start, int end)
    {
        int low = 0, high = units.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (units[middle].Start < start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var covered = new List<int>();
        for (var u = low; u < units.Count && units[u].Start < end; u++)
        {
            covered.Add(u);
        }

        return [.. covered];
    }

    /// <summary>Marks filler words, longest first from the left, so 我想问一下 goes as one and 老人 keeps its 人.</summary>
    private bool[] MarkFillers(string text)
    {
        var filler = new bool[text.Length];

        // "A不A" asks a yes-no question (高不高, 赔不赔): the 不A part says nothing about the topic.
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (text[i + 1] == '不' && text[i] == text[i + 2] && CharText.IsHan(text[i]))
            {
                filler[i + 1] = filler[i + 2] = true;
            }
        }

        var at = 0;
        while (at < text.Length)
        {
            var matched = 0;
            for (var length = Math.Min(lexicon.LongestFiller, text.Length - at); length >= 1; length--)
            {
                if (lexicon.Fillers.Contains(text.Substring(at, length)))
                {
                    matched = length;
                    break;
                }
            }

            if (matched == 1 && lexicon.LooseFillers.Contains(text.Substring(at, 1)) && JoinsNeighbour(text, at))
            {
                matched = 0;
            }

            for (var i = 0; i < matched; i++)
            {
                filler[at + i] = true;
            }

            if (matched == 0 && filler[at])
            {
                matched = 1;
            }

            at += Math.Max(1, matched);
        }

        return filler;
    }

    /// <summary>
    /// A pair the handbook uses as a term: in a section title or in several sections. A slip is corrected only to
    /// such pairs, so 低包 becomes 低保 while a pair spanning two words (上大 of 考上大学) is left alone.
    /// </summary>
    private bool IsKeyPair(string pair) => titlePairs.Contains(pair) || vocabulary.DocumentFrequency(pair) >= 3;

    /// <summary>A loose filler that forms a key pair of the handbook with a neighbour is part of a word (申请's 请).</summary>
    private bool JoinsNeighbour(string text, int at) =>
        (at > 0 && IsKeyPair(text.Substring(at - 1, 2)))
        || (at + 1 < text.Length && IsKeyPair(text.Substring(at, 2)));

    /// <summary>
    /// How much a character says about the topic: characters in most sections (要, 有) little, characters the handbook
    /// never uses (狗 in a question about a dog) fully, so an unknown topic weighs on the coverage.
    /// </summary>
    private double Weight(string character)
    {
        var unseen = Math.Log(1 + ((vocabulary.DocumentCount + 0.5) / 0.5));
        return Math.Clamp(vocabulary.Idf(character) / unseen, options.MinCharacterWeight, 1);
    }

    private bool Asks(string question, string text)
    {
        if (question.Contains('?') || question.Contains('？'))
        {
            return true;
        }

        if (lexicon.QuestionMarkers.Any(m => text.Contains(m, StringComparison.Ordinal)))
        {
            return true;
        }

        var trimmed = text.TrimEnd(' ', '。', '.', '!', '！', '~', '～', '…');
        return lexicon.QuestionEndings.Any(e => trimmed.EndsWith(e, StringComparison.Ordinal));
    }
}
