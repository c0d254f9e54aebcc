using OutreachBot.Handbook;
using OutreachBot.Handbook.Search;

namespace OutreachBot.Tests.Handbook;

/// <summary>The shipped search on a made-up handbook: it works from whatever sections it is given.</summary>
public sealed class HandbookSearchTests
{
    private static readonly HandbookIndex Index = HandbookIndex.Build(HandbookParser.Parse(MadeUpHandbook.Markdown, "made-up.md"));

    [Theory]
    [InlineData("渔船被打坏了能补多少钱", "修补渔船")]
    [InlineData("漁船壞了找誰", "修补渔船")]
    [InlineData("蚕不吃桑叶了咋办", "养蚕技术")]
    [InlineData("canfang怎么管", "养蚕技术")]
    [InlineData("哪天赶集", "集市时间")]
    [InlineData("台风来了船停哪里", "码头停船")]
    public void A_question_finds_its_section(string question, string title)
    {
        var result = Index.Search(question);

        Assert.False(result.Declined, $"declined with confidence {result.Confidence:0.00}");
        Assert.Equal(title, result.Ranked[0].Section.Title);
    }

    [Theory]
    [InlineData("股票基金怎么买")]
    [InlineData("明天天气怎么样")]
    [InlineData("驾驶证扣分怎么处理")]
    [InlineData("你好")]
    [InlineData("？？？")]
    [InlineData("")]
    public void A_question_the_handbook_does_not_answer_is_declined(string question)
    {
        var result = Index.Search(question);

        Assert.True(result.Declined, $"answered with {(result.Ranked.Count > 0 ? result.Ranked[0].Section.Title : null)} at {result.Confidence:0.00}");
        Assert.Empty(Index.Rank(question));
    }

    [Fact]
    public void The_ranking_names_at_most_five_sections_best_first()
    {
        var ranked = Index.Rank("渔船码头蚕集市");

        Assert.InRange(ranked.Count, 1, HandbookIndex.MaxRanked);
        Assert.Equal(ranked.OrderByDescending(r => r.Score).Select(r => r.Section.Title), ranked.Select(r => r.Section.Title));
    }

    [Fact]
    public void The_best_passage_is_the_one_about_what_was_asked()
    {
        var section = Index.Sections.Single(s => s.Title == "修补渔船");

        var passage = section.Passages[Index.BestPassage(section, Index.Read("修渔船补多少钱"))];

        Assert.StartsWith("补多少：", passage);
    }

    [Fact]
    public void The_baseline_ranks_without_normalisation_and_never_declines()
    {
        var baseline = new CharNGramBaseline(Index.Sections);

        Assert.Equal("修补渔船", baseline.Rank("渔船补助")[0].Section.Title);
        Assert.Empty(baseline.Rank("漁業")); // Traditional 漁 is not 渔 to the baseline
        Assert.NotEmpty(Index.Search("漁業").Ranked);
        Assert.NotEmpty(baseline.Rank("码头天气怎么样")); // nothing about weather, yet it answers
    }
}
