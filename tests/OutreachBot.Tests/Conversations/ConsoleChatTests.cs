using OutreachBot.Channels.ConsoleChat;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Conversations;

public sealed class ConsoleChatTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_console_chat_greets_and_answers_in_chinese()
    {
        await using var bot = new BotHarness(_folder.File("bot.db"));
        var output = new StringWriter();

        await ChatCommand.RunAsync(bot.Services, "console-villager", new StringReader("菜单\n/quit\n"), output, CancellationToken.None);

        var text = output.ToString();
        Assert.Contains("您好！这里是“干部进农家”服务号。", text, StringComparison.Ordinal);
        Assert.Contains("请回复数字，选择要办的事", text, StringComparison.Ordinal);
    }
}
