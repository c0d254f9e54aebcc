using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using OutreachBot.Dialogs;
using OutreachBot.Dialogs.Prompts;
using OutreachBot.Hosting;
using OutreachBot.Texts;

namespace OutreachBot.Tests.Dialogs;

/// <summary>Each prompt kind takes the ways villagers really answer, and meets nonsense with its retry message.</summary>
public class PromptKindTests
{
    private static readonly TextCatalog Texts = TextCatalog.Load(Path.Combine(ContentRoot.Locate(), "dialogs"));
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly ChoiceOption[] Kinds =
    [
        new("道路交通", "道路交通", ["修路", "路"]),
        new("饮水", "饮水", ["自来水", "吃水"]),
        new("住房", "住房", ["房子"]),
    ];

    private static PromptResult Answer(string kind, string text, IReadOnlyList<ChoiceOption>? options = null, int? min = null, int? max = null, IMessageActivity? activity = null)
    {
        var step = new StepDefinition { Type = StepType.Ask, Line = 1, Kind = kind, Slot = "x", Text = "?", Min = min, Max = max };
        activity ??= MessageFactory.Text(text);
        return PromptKinds.All[kind].Recognize(new PromptInput(step, activity, OutreachBot.Text.ChineseText.Normalize(text), options ?? [], Now, Texts));
    }

    private static string Accepted(PromptResult result) => Assert.IsType<PromptResult.Accepted>(result).Value;

    [Theory]
    [InlineData("2", "饮水")]
    [InlineData("第二个", "饮水")]
    [InlineData("２", "饮水")]
    [InlineData("饮水", "饮水")]
    [InlineData("我家自来水停了", "饮水")]
    [InlineData("房子", "住房")]
    [InlineData("道路交痛", "道路交通")]
    public void Choice_by_number_by_words_or_close_variant(string text, string expected) =>
        Assert.Equal(expected, Accepted(Answer("choice", text, Kinds)));

    [Theory]
    [InlineData("买化肥")]
    [InlineData("7")]
    public void Choice_nonsense_gets_the_retry(string text) => Assert.IsType<PromptResult.Rejected>(Answer("choice", text, Kinds));

    [Theory]
    [InlineData("是", "true")]
    [InlineData("对的", "true")]
    [InlineData("嗯嗯", "true")]
    [InlineData("可以", "true")]
    [InlineData("行", "true")]
    [InlineData("好的呀", "true")]
    [InlineData("不", "false")]
    [InlineData("不是", "false")]
    [InlineData("否", "false")]
    [InlineData("算了", "false")]
    [InlineData("不用了谢谢", "false")]
    public void Confirm_in_the_words_people_use(string text, string expected) => Assert.Equal(expected, Accepted(Answer("confirm", text)));

    [Theory]
    [InlineData("也许吧")]
    [InlineData("NaN")]
    [InlineData("null")]
    [InlineData("nothing")]
    public void Confirm_nonsense_asks_for_yes_or_no(string text) =>
        Assert.Equal(Texts[PromptTexts.ConfirmRetry], Assert.IsType<PromptResult.Rejected>(Answer("confirm", text)).Retry);

    [Theory]
    [InlineData("no")]
    [InlineData("N")]
    [InlineData("No!")]
    public void Confirm_takes_a_plain_english_no(string text) => Assert.Equal("false", Accepted(Answer("confirm", text)));

    [Theory]
    [InlineData("5", "5")]
    [InlineData("五", "5")]
    [InlineData("五口人", "5")]
    [InlineData("十二", "12")]
    [InlineData("两个", "2")]
    [InlineData("家里3个人", "3")]
    public void Number_in_arabic_or_chinese_numerals(string text, string expected) => Assert.Equal(expected, Accepted(Answer("number", text, min: 1, max: 30)));

    [Theory]
    [InlineData("很多")]
    [InlineData("三十五")]
    [InlineData("一二三四")]
    public void Number_nonsense_or_out_of_range_is_retried(string text) => Assert.IsType<PromptResult.Rejected>(Answer("number", text, min: 1, max: 30));

    [Theory]
    [InlineData("今天", "2026-11-27T10:00:00+08:00")]
    [InlineData("刚才", "2026-11-27T10:00:00+08:00")]
    [InlineData("昨天下午", "2026-11-26T14:00:00+08:00")]
    [InlineData("前天", "2026-11-25T12:00:00+08:00")]
    [InlineData("上周五", "2026-11-20T12:00:00+08:00")]
    [InlineData("7月3号", "2026-07-03T12:00:00+08:00")]
    [InlineData("11月20日下午三点", "2026-11-20T15:00:00+08:00")]
    [InlineData("三天前", "2026-11-24T12:00:00+08:00")]
    [InlineData("2026年3月5日", "2026-03-05T12:00:00+08:00")]
    [InlineData("上周五上午十点", "2026-11-20T10:00:00+08:00")]
    [InlineData("是11月2号去的", "2026-11-02T12:00:00+08:00")]
    public void Dates_in_chinese_against_shanghai_time(string text, string expected) => Assert.Equal(expected, Accepted(Answer("date", text)));

    [Theory]
    [InlineData("不记得了")]
    [InlineData("明天")]
    [InlineData("上周八")]
    [InlineData("13月45日")]
    [InlineData("2月30日")]
    public void Date_nonsense_or_future_visit_is_retried(string text) => Assert.IsType<PromptResult.Rejected>(Answer("date", text));

    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 13812345678")]
    [InlineData("我的电话是13812345678，白天打")]
    [InlineData("１３８１２３４５６７８")]
    public void Phone_numbers_however_they_are_written(string text) => Assert.Equal("13812345678", Accepted(Answer("phone", text)));

    [Theory]
    [InlineData("12345")]
    [InlineData("23812345678")]
    [InlineData("没有电话")]
    public void Phone_nonsense_is_retried(string text) => Assert.IsType<PromptResult.Rejected>(Answer("phone", text));

    [Fact]
    public void Text_keeps_the_words_exactly_and_checks_length()
    {
        Assert.Equal("水管冻裂了，ＡＢ", Accepted(Answer("text", " 水管冻裂了，ＡＢ ", min: 2, max: 20)));
        Assert.IsType<PromptResult.Rejected>(Answer("text", "水", min: 2, max: 20));
        Assert.Contains("20", Assert.IsType<PromptResult.Rejected>(Answer("text", new string('长', 21), min: 2, max: 20)).Retry, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_comes_as_an_attachment_and_text_is_retried()
    {
        var photo = MessageFactory.Text("");
        photo.Attachments = [new Attachment("image/jpeg", "https://example.org/a.jpg")];

        Assert.Equal("https://example.org/a.jpg", Accepted(Answer("image", "", activity: photo)));
        Assert.IsType<PromptResult.Rejected>(Answer("image", "等下拍"));
    }

    [Fact]
    public void Location_as_a_shared_place_or_typed()
    {
        var shared = MessageFactory.Text("");
        var place = new Entity("Place");
        place.Properties["geo"] = new JObject { ["latitude"] = 32.91, ["longitude"] = 104.24 };
        place.Properties["name"] = "三组村口";
        shared.Entities = [place];

        Assert.Equal("32.91,104.24 三组村口", Accepted(Answer("location", "", activity: shared)));
        Assert.Equal("三组村口的桥边", Accepted(Answer("location", "三组村口的桥边")));
        Assert.IsType<PromptResult.Rejected>(Answer("location", "这"));
        Assert.Contains("200", Assert.IsType<PromptResult.Rejected>(Answer("location", new string('路', 201))).Retry, StringComparison.Ordinal);
    }
}
