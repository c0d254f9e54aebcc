using OutreachBot.Conversations;

namespace OutreachBot.Tests.Conversations;

public class ReplyFormatTests
{
    [Fact]
    public void Markdown_keeps_each_line_and_each_list_apart()
    {
        var text = "请选择：\n1. 反映问题\n2. 查进度\n回复数字即可。";

        var markdown = ReplyFormat.ToMarkdown(text);

        Assert.Equal("请选择：\n\n1. 反映问题\n2. 查进度\n\n回复数字即可。", markdown);
    }

    [Fact]
    public void Markdown_escapes_what_users_typed()
    {
        Assert.Equal(@"路面有\*坑\* \<b\>", ReplyFormat.ToMarkdown("路面有*坑* <b>"));
    }

    [Theory]
    [InlineData("emulator", true)]
    [InlineData("webchat", true)]
    [InlineData("directline", true)]
    [InlineData("wechat", false)]
    [InlineData("console", false)]
    [InlineData(null, false)]
    public void Channels_are_markdown_or_plain(string? channel, bool markdown) =>
        Assert.Equal(markdown, ReplyFormat.RendersMarkdown(channel));
}
