using System.Diagnostics;
using OutreachBot.Handbook;
using OutreachBot.Handbook.Search;

namespace OutreachBot.Tests.Handbook;

/// <summary>
/// The handbook search reads any text in time linear in its length: a wall of one pinyin syllable, a wall of
/// colloquial phrases, broken Unicode. The bounds are generous (seconds, where the search takes milliseconds);
/// before the fix these inputs overflowed the stack or ran for minutes.
/// </summary>
public sealed class SearchBoundsTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(2);

    private static readonly HandbookIndex Index = HandbookIndex.Build(HandbookParser.Parse("""
        ## 低保的标准
        农村低保标准是每人每月550元。
        ## 医疗救助
        看病住院，医疗救助再报一部分。
        ## 西安务工
        到西安务工的，先到人社局登记。
        """, "test.md"));

    [Fact]
    public void A_hundred_thousand_letters_of_one_syllable_are_read_at_once_without_overflowing_the_stack()
    {
        var pinyin = new PinyinLookup(ChineseTables.Default, ["西安", "先前", "低保"]);
        var wall = string.Concat(Enumerable.Repeat("xian", 25_000)) + "v";

        var watch = Stopwatch.StartNew();
        var pairs = pinyin.FromLetters(wall);
        var syllables = pinyin.SyllableCount(wall);
        watch.Stop();

        Assert.Empty(pairs);
        Assert.Equal(0, syllables);
        Assert.True(watch.Elapsed < Generous, $"took {watch.Elapsed}");
    }

    [Fact]
    public void Letters_up_to_the_cap_are_pinyin_and_longer_runs_are_not()
    {
        var pinyin = new PinyinLookup(ChineseTables.Default, ["低保"]);
        var atCap = string.Concat(Enumerable.Repeat("dibao", PinyinLookup.MaxLetters / 5));
        var overCap = atCap + "dibao";

        Assert.Equal(2 * (PinyinLookup.MaxLetters / 5), pinyin.SyllableCount(atCap));
        Assert.Contains("低保", pinyin.FromLetters(atCap));
        Assert.Equal(0, pinyin.SyllableCount(overCap));
        Assert.Empty(pinyin.FromLetters(overCap));
    }

    [Fact]
    public void Of_the_ways_to_split_letters_the_fewest_syllables_win()
    {
        // "xianqian" is xian+qian (先前) or xi+an+qian (西安…); a pinyin keyboard reads the fewest syllables.
        var pinyin = new PinyinLookup(ChineseTables.Default, ["西安", "先前"]);

        Assert.Equal(2, pinyin.SyllableCount("xianqian"));
        Assert.Contains("先前", pinyin.FromLetters("xianqian"));
        Assert.DoesNotContain("西安", pinyin.FromLetters("xianqian"));
    }

    [Fact]
    public void A_long_wall_of_one_pinyin_syllable_in_a_question_is_searched_at_once()
    {
        var watch = Stopwatch.StartNew();
        var result = Index.Search(string.Concat(Enumerable.Repeat("xian", 22)) + "v 低保");
        watch.Stop();

        Assert.Equal("低保的标准", result.Ranked[0].Section.Title);
        Assert.True(watch.Elapsed < Generous, $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_hundred_thousand_characters_of_colloquial_phrases_are_searched_in_linear_time()
    {
        // Each 看病 is a colloquial phrase with policy words to add; finding the characters it covers used to scan
        // every character of the question, for each phrase found.
        var wall = string.Concat(Enumerable.Repeat("看病", 50_000));

        var watch = Stopwatch.StartNew();
        var result = Index.Search(wall);
        watch.Stop();

        Assert.Equal("医疗救助", result.Ranked[0].Section.Title);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_lone_surrogate_is_read_as_a_replacement_character_not_an_error()
    {
        var normalizer = new TextNormalizer(ChineseTables.Default);

        Assert.Equal("低保\uFFFD标准", normalizer.Normalize("低保\uD800标准"));
        Assert.Equal("\uFFFD低保", normalizer.Normalize("\uDC00低保"));
        Assert.Equal("😀低保", normalizer.Normalize("😀低保"));
        Assert.Equal("低保的标准", Index.Search("低保\uD83D标准").Ranked[0].Section.Title);
    }
}
