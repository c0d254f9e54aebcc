using OutreachBot.Handbook;
using OutreachBot.Handbook.Search;

namespace OutreachBot.Tests.Handbook;

/// <summary>How a villager's way of typing is read: normalisation, fillers, synonyms, pinyin and sound-alikes.</summary>
public sealed class QueryReadingTests
{
    private static readonly TextNormalizer Normalizer = new(ChineseTables.Default);

    private static readonly HandbookIndex Index = HandbookIndex.Build(HandbookParser.Parse("""
        ## 低保的标准
        农村低保标准是每人每月550元。
        ## 拖欠工资怎么办
        老板拖欠工资，到人社局投诉，保存好工资条。
        ## 危房改造
        危房改造每户补助，满60周岁的老人优先。
        ## 医疗救助
        看病住院，医疗救助再报一部分。
        """, "test.md"));

    [Theory]
    [InlineData("ＤＩＢＡＯ", "dibao")]
    [InlineData("１２３４５热线", "12345热线")]
    [InlineData("殘疾人補貼怎麼領", "残疾人补贴怎么领")]
    [InlineData("醫保報銷", "医保报销")]
    [InlineData("Ａpp", "app")]
    public void Full_width_Traditional_and_upper_case_are_folded(string typed, string normalized) =>
        Assert.Equal(normalized, Normalizer.Normalize(typed));

    [Theory]
    [InlineData("满六十岁", "满60岁")]
    [InlineData("八十五了", "85了")]
    [InlineData("交两千块钱", "交2000块钱")]
    [InlineData("一百零五", "105")]
    [InlineData("十五号", "15号")]
    [InlineData("一卡通和三保障", "一卡通和三保障")]
    [InlineData("千万不要", "千万不要")]
    public void Chinese_numbers_with_a_unit_become_digits_and_other_words_stay(string typed, string normalized) =>
        Assert.Equal(normalized, Normalizer.Normalize(typed));

    [Fact]
    public void Greetings_particles_and_question_words_are_not_content()
    {
        var query = Index.Read("喂你好我想问一下那个低保标准是多少啊");

        Assert.Equal("低保标准", string.Concat(query.Units.Select(u => u.Text)));
        Assert.True(query.Asks);
    }

    [Fact]
    public void A_one_character_filler_inside_a_handbook_word_stays()
    {
        // 请 is a filler in 请问, but part of 申请 when the handbook says 申请.
        var index = HandbookIndex.Build(HandbookParser.Parse("## 申请\n到乡镇申请。", "t.md"));

        Assert.Equal("申请", string.Concat(index.Read("请问怎么申请").Units.Select(u => u.Text)));
    }

    [Fact]
    public void A_yes_no_question_keeps_only_its_word()
    {
        var query = Index.Read("保险赔不赔");

        Assert.Equal("保险赔", string.Concat(query.Units.Select(u => u.Text)));
    }

    [Theory]
    [InlineData("工钱", "工资")]
    [InlineData("包工头不给钱", "拖欠工资")]
    [InlineData("看病", "医疗")]
    [InlineData("娃儿读书", "教育")]
    [InlineData("房子垮了", "危房")]
    [InlineData("自来水停了", "饮水")]
    public void Colloquial_phrases_add_their_policy_words(string colloquial, string policyWord)
    {
        var query = Index.Read(colloquial);

        Assert.Contains(query.Terms, t => t.Source == TermSource.Synonym && policyWord.Contains(t.Token, StringComparison.Ordinal) && t.Token.Length == 2);
    }

    [Fact]
    public void Pinyin_finds_the_handbooks_own_pairs()
    {
        var query = Index.Read("dibao标准");

        Assert.Contains(query.Terms, t => t.Source == TermSource.Pinyin && t.Token == "低保");
        Assert.Equal("低保的标准", Index.Rank("dibao标准")[0].Section.Title);
    }

    [Fact]
    public void A_slip_to_a_sound_alike_pair_finds_the_handbooks_pair()
    {
        var query = Index.Read("低包");

        Assert.Contains(query.Terms, t => t.Source == TermSource.SoundAlike && t.Token == "低保");
    }

    [Fact]
    public void Letters_that_are_not_pinyin_are_searched_as_a_word()
    {
        var query = Index.Read("app怎么用");

        Assert.Contains(query.Terms, t => t.Source == TermSource.Word && t.Token == "app");
        Assert.DoesNotContain(query.Terms, t => t.Source == TermSource.Pinyin);
    }

    [Fact]
    public void A_bad_synonym_line_is_reported_with_its_text()
    {
        var error = Assert.Throws<HandbookException>(() => QueryLexicon.ParseSynonyms(["看病 医疗"], Normalizer));

        Assert.Contains("看病 医疗", error.Message);
        Assert.Contains("=>", error.Message);
    }
}
