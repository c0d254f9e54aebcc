using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using OutreachBot.Identity;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Identity;

/// <summary>
/// Someone guesses bind codes with a new user id for every try, which the per-user limit never sees: after a few
/// wrong codes county-wide binding pauses for everyone, and the county office's staff are told.
/// </summary>
public sealed class BindGuessingTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8)));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Guessing_from_many_user_ids_pauses_binding_for_everyone_and_tells_the_county_office()
    {
        await using var countyOffice = await ReplyListener.StartAsync();
        await using var host = new BotTestHost(_folder.File("bot.db"), new Dictionary<string, string?>
        {
            ["Identity:CountyMaxFailedAttempts"] = "5",
            ["Identity:CountyFailedAttemptWindowMinutes"] = "10",
        }, s => s.AddSingleton<TimeProvider>(_clock));
        var identities = host.Services.GetRequiredService<IdentityService>();
        var heJing = identities.CreateCode(Role.Staff, "S01");
        var chenHao = identities.CreateCode(Role.Cadre, "C201");

        // 何静 of the county office binds her chat account first.
        var bound = await SayAsync(host, "he-jing", "绑定 " + heJing.Code, countyOffice.ServiceUrl);

        // Five wrong codes, each from a new user id.
        var guesses = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            guesses.Add(await SayAsync(host, "guesser-" + i, "绑定 " + WrongCode(i, heJing.Code, chenHao.Code)));
        }

        var notice = await countyOffice.NextReplyAsync();

        // The sixth try carries a real code, and is refused all the same.
        var lucky = await SayAsync(host, "guesser-6", "绑定 " + chenHao.Code);

        Assert.Contains("绑定成功", bound, StringComparison.Ordinal);
        Assert.All(guesses, g => Assert.Contains("绑定码不对", g, StringComparison.Ordinal));
        Assert.Contains("可能有人在猜绑定码", (string?)notice["text"], StringComparison.Ordinal);
        Assert.Contains("请过十几分钟再试", lucky, StringComparison.Ordinal);
        Assert.Equal(Role.Resident, host.Services.GetRequiredService<IIdentityResolver>().Resolve("emulator", "guesser-6").Role);

        // Ten minutes later the wrong codes have aged out, and 陈浩 binds with his code.
        _clock.Advance(TimeSpan.FromMinutes(10));
        var chen = await SayAsync(host, "chen-hao", "绑定 " + chenHao.Code);

        Assert.Contains("绑定成功", chen, StringComparison.Ordinal);
        Assert.Equal(0, countyOffice.Count);
    }

    private static async Task<string> SayAsync(BotTestHost host, string user, string text, string? serviceUrl = null)
    {
        var activity = Activities.Message(text, user, "conv-" + user, "emulator");
        activity["deliveryMode"] = "expectReplies";
        if (serviceUrl is not null)
        {
            activity["serviceUrl"] = serviceUrl;
        }

        using var response = await host.PostAsync(activity);
        response.EnsureSuccessStatusCode();
        return string.Join("\n", JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!.Select(a => (string?)a["text"]));
    }

    /// <summary>An 8-digit code that is neither of the issued ones.</summary>
    private static string WrongCode(int i, params string[] issued) =>
        Enumerable.Range(0, 100).Select(n => (10_000_000 + (i * 100) + n).ToString(System.Globalization.CultureInfo.InvariantCulture)).First(c => !issued.Contains(c));
}
