using OutreachBot.Handbook;
using OutreachBot.Handbook.Search;
using OutreachBot.Hosting;
using OutreachBot.Texts;

namespace OutreachBot.Tests.Handbook;

/// <summary>What a villager reads back: the demo handbook and the real wording in dialogs/.</summary>
public sealed class PolicyAnswererTests
{
    private static readonly string Root = ContentRoot.Locate();
    private static readonly TextCatalog Texts = TextCatalog.Load(Path.Combine(Root, "dialogs"));
    private static readonly PolicyAnswerer Answerer = new(HandbookIndex.Open(Path.Combine(Root, HandbookRegistration.DefaultPath)), Texts);

    [Fact]
    public void A_villager_asking_about_unpaid_wages_gets_the_section_title_a_passage_and_two_follow_ups()
    {
        var answer = Answerer.Answer("包工头不给钱怎么办");

        Assert.True(answer.Found);
        Assert.Equal("拖欠工资怎么办", answer.Title);
        var section = Answerer.Index.Find("拖欠工资怎么办")!;
        Assert.Contains(answer.Passage, section.Passages);
        Assert.NotEqual(section.Body, answer.Passage);
        Assert.Equal(2, answer.FollowUps.Count);
        Assert.DoesNotContain("拖欠工资怎么办", answer.FollowUps);
        Assert.Equal(answer.FollowUps.Distinct(), answer.FollowUps);
    }

    [Fact]
    public void The_reply_names_the_section_quotes_the_passage_and_numbers_the_follow_ups()
    {
        var answer = Answerer.Answer("低保标准是多少");

        var reply = Answerer.Render(answer);

        Assert.StartsWith($"【{answer.Title}】\n{answer.Passage}", reply);
        Assert.Contains("想了解更多", reply);
        Assert.Contains($"1. {answer.FollowUps[0]}", reply);
        Assert.Contains($"2. {answer.FollowUps[1]}", reply);
        Assert.Contains("550", answer.Passage);
    }

    [Theory]
    [InlineData("我的车险快到期了在哪里续保")]
    [InlineData("汽车保险出了事故怎么理赔")]
    [InlineData("今晚世界杯谁赢了")]
    public void A_question_outside_the_handbook_is_declined_with_the_offer_to_pass_it_to_the_cadres(string question)
    {
        var answer = Answerer.Answer(question);

        Assert.False(answer.Found);
        Assert.Null(answer.Title);
        Assert.Empty(answer.FollowUps);
        var reply = Answerer.Render(answer);
        Assert.Contains("没有找到", reply);
        Assert.Contains("民生诉求", reply);
        Assert.Contains("1. 转给村干部", reply);
    }

    [Fact]
    public void Every_passage_fits_one_chat_message()
    {
        foreach (var section in Answerer.Index.Sections)
        {
            var answer = Answerer.AnswerSection(section.Title);

            Assert.True(answer.Found);
            Assert.InRange(answer.Passage!.Length, 1, PolicyAnswerer.MaxPassageLength + 2);
        }
    }

    [Fact]
    public void A_long_passage_is_cut_after_a_full_sentence()
    {
        var sentence = "这一句话讲的是补助怎么发放，请大家仔细看清楚。";
        var markdown = "## 很长的一节\n" + string.Concat(Enumerable.Repeat(sentence, 30));
        var answerer = new PolicyAnswerer(HandbookIndex.Build(HandbookParser.Parse(markdown, "long.md")), Texts);

        var answer = answerer.Answer("补助怎么发放");

        Assert.True(answer.Found);
        Assert.EndsWith("。……", answer.Passage);
        Assert.True(answer.Passage!.Length <= PolicyAnswerer.MaxPassageLength + 2, $"{answer.Passage.Length} characters");
    }

    [Fact]
    public void A_follow_up_picked_by_title_opens_that_section()
    {
        var first = Answerer.Answer("残疾证在哪办");

        var next = Answerer.AnswerSection(first.FollowUps[0]);

        Assert.True(next.Found);
        Assert.Equal(first.FollowUps[0], next.Title);
        Assert.False(Answerer.AnswerSection("没有这一节").Found);
    }

    [Theory]
    [InlineData("是")]
    [InlineData("2")]
    [InlineData("张三")]
    [InlineData("13800001111")]
    [InlineData("2024年3月5日")]
    [InlineData("明天上午九点")]
    [InlineData("低保")]
    [InlineData("好的谢谢")]
    [InlineData("房子漏雨了")]
    public void An_answer_to_a_prompt_is_not_taken_for_a_policy_question(string reply)
    {
        Assert.False(Answerer.LooksLikePolicyQuestion(reply));
    }

    [Theory]
    [InlineData("低保怎么申请")]
    [InlineData("残疾人补贴一个月多少钱？")]
    [InlineData("医保要交好多钱")]
    [InlineData("dibao标准是多少")]
    public void A_policy_question_in_the_middle_of_a_dialog_is_recognised(string question)
    {
        Assert.True(Answerer.LooksLikePolicyQuestion(question));
        Assert.InRange(Answerer.PolicyQuestionScore(question), PolicyAnswerer.MidDialogConfidence, 1);
    }

    [Theory]
    [InlineData("是")]
    [InlineData("13800001111")]
    [InlineData("股票怎么买")]
    public void The_score_is_zero_for_what_cannot_be_a_handbook_question(string text)
    {
        Assert.Equal(0, Answerer.PolicyQuestionScore(text));
    }
}
