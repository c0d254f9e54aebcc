using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OutreachBot.Conversations;
using OutreachBot.Tests.Support;
using OutreachBot.Texts;
using OutreachBot.WeChat;

namespace OutreachBot.Tests.WeChat;

/// <summary>Every kind of push WeChat sends, through the real host in safe mode, as the activity the bot gets and what it answers.</summary>
public sealed class MessageTypeTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly Recorder _recorder = new();
    private FakeWeChatApi _api = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = WeChatTesting.Host(_folder.File("bot.db"), _api, services: s => s.AddSingleton<IMiddleware>(_recorder));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    private TextCatalog Texts => _host.Services.GetRequiredService<TextCatalog>();

    [Fact]
    public async Task Text_becomes_a_message_and_the_bot_answers_passively()
    {
        var phone = _host.Phone("o-text-villager", safeMode: true);

        var reply = await phone.SendAsync(phone.Text("你好，我想反映个问题"));

        Assert.StartsWith("您要反映哪方面的事？", reply.Text, StringComparison.Ordinal);
        Assert.Contains("<Encrypt>", reply.Body, StringComparison.Ordinal);
        Assert.Contains("<MsgSignature>", reply.Body, StringComparison.Ordinal);
        var activity = _recorder.Last;
        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("你好，我想反映个问题", activity.Text);
        Assert.Equal(WeChatAdapter.ChannelId, activity.ChannelId);
        Assert.Equal("o-text-villager", activity.From.Id);
        Assert.Equal("o-text-villager", activity.Conversation.Id);
        Assert.Equal("gh_0utreach0001", activity.Recipient.Id);
        Assert.Equal(TimeSpan.FromHours(8), activity.LocalTimestamp!.Value.Offset);
    }

    [Fact]
    public async Task Special_characters_arrive_intact()
    {
        const string text = "价格<100 & 大于 ]]> 号 😀 /::)";
        var phone = _host.Phone("o-special", safeMode: true);

        var reply = await phone.SendAsync(phone.Text(text));

        Assert.Equal(text, _recorder.Last.Text);
        Assert.NotNull(reply.Text);
    }

    [Fact]
    public async Task Voice_with_recognition_is_read_as_its_text()
    {
        var phone = _host.Phone("o-voice", safeMode: true);

        var reply = await phone.SendAsync(phone.Voice("村口的路灯坏了"));

        var activity = _recorder.Last;
        Assert.Equal("村口的路灯坏了", activity.Text);
        var audio = Assert.Single(activity.Attachments);
        Assert.Equal("audio/amr", audio.ContentType);
        Assert.False(string.IsNullOrEmpty((string?)((JObject)audio.Content)["mediaId"]));
        Assert.Contains("转给村干部", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voice_without_recognition_is_answered_that_it_could_not_be_understood()
    {
        var phone = _host.Phone("o-voice-silent", safeMode: true);

        var reply = await phone.SendAsync(phone.Voice(recognition: null));

        Assert.Equal(Texts[WeChatTexts.VoiceNotRecognised], reply.Text);
        Assert.Null(_recorder.Last.Text);
    }

    [Fact]
    public async Task Image_becomes_an_attachment_with_its_url_and_media_id()
    {
        var phone = _host.Phone("o-image", safeMode: true);

        await phone.SendAsync(phone.Image("http://mmbiz.qpic.cn/mmbiz_jpg/road.jpg", "media-road-1"));

        var image = Assert.Single(_recorder.Last.Attachments);
        Assert.Equal("image/*", image.ContentType);
        Assert.Equal("http://mmbiz.qpic.cn/mmbiz_jpg/road.jpg", image.ContentUrl);
        Assert.Equal("media-road-1", (string?)((JObject)image.Content)["mediaId"]);
    }

    [Fact]
    public async Task Location_becomes_a_place_with_coordinates_and_label()
    {
        var phone = _host.Phone("o-location", safeMode: true);

        await phone.SendAsync(phone.Location(26.5783, 107.9769, "贵州省黔东南州凯里市三棵树镇"));

        var activity = _recorder.Last;
        Assert.Equal(ActivityTypes.Message, activity.Type);
        var place = Assert.Single(activity.Entities).GetAs<Place>();
        Assert.Equal("贵州省黔东南州凯里市三棵树镇", place.Name);
        var geo = JObject.FromObject(place.Geo);
        Assert.Equal(26.5783, (double)geo["latitude"]!);
        Assert.Equal(107.9769, (double)geo["longitude"]!);
        var value = (JObject)activity.Value;
        Assert.Equal(26.5783, (double)value["latitude"]!);
        Assert.Equal("贵州省黔东南州凯里市三棵树镇", (string?)value["label"]);
    }

    [Fact]
    public async Task Link_video_and_shortvideo_become_attachments()
    {
        var phone = _host.Phone("o-media", safeMode: true);

        await phone.SendAsync(phone.Link("https://mp.weixin.qq.com/s/policy", "医保政策解读", "2024年度"));
        var link = Assert.Single(_recorder.Last.Attachments);
        await phone.SendAsync(phone.Video());
        var video = Assert.Single(_recorder.Last.Attachments);
        await phone.SendAsync(phone.Video(shortVideo: true));
        var shortVideo = Assert.Single(_recorder.Last.Attachments);

        Assert.Equal(("text/html", "https://mp.weixin.qq.com/s/policy", "医保政策解读"), (link.ContentType, link.ContentUrl, link.Name));
        Assert.Equal(("video/*", "video"), (video.ContentType, video.Name));
        Assert.False(string.IsNullOrEmpty((string?)((JObject)video.Content)["thumbMediaId"]));
        Assert.Equal(("video/*", "shortvideo"), (shortVideo.ContentType, shortVideo.Name));
    }

    [Fact]
    public async Task Subscribe_by_qr_code_is_a_welcome_that_keeps_the_scene()
    {
        var phone = _host.Phone("o-new-follower", safeMode: true);

        var reply = await phone.SendAsync(phone.Subscribe(scene: "village-0427"));

        Assert.StartsWith(Texts[ConversationTexts.Welcome], reply.Text, StringComparison.Ordinal);
        var activity = _recorder.Last;
        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Equal("o-new-follower", Assert.Single(activity.MembersAdded).Id);
        Assert.Equal("village-0427", (string?)((JObject)activity.Value)["scene"]);
        Assert.Equal("qrscene_village-0427", (string?)((JObject)activity.ChannelData)["EventKey"]);
    }

    [Fact]
    public async Task Unsubscribe_removes_the_member_and_sends_nothing()
    {
        var phone = _host.Phone("o-leaving", safeMode: true);
        await phone.SendAsync(phone.Subscribe());

        var reply = await phone.SendAsync(phone.Event("unsubscribe", ""));

        Assert.True(reply.IsSuccess);
        Assert.Equal("o-leaving", Assert.Single(_recorder.Last.MembersRemoved).Id);
        Assert.Empty(_api.CustomMessages);
    }

    [Fact]
    public async Task A_menu_click_is_a_message_whose_text_is_the_menu_key()
    {
        var phone = _host.Phone("o-menu", safeMode: true);

        var reply = await phone.SendAsync(phone.Event("CLICK", "菜单"));

        var activity = _recorder.Last;
        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("菜单", activity.Text);
        Assert.Equal("CLICK", (string?)((JObject)activity.Value)["wechatEvent"]);
        Assert.StartsWith(Texts[OutreachBot.Dialogs.DialogTexts.MenuIntro], reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SCAN", "village-0427", "wechat/scan", "scene", "village-0427")]
    [InlineData("VIEW", "https://mp.weixin.qq.com/handbook", "wechat/view", "url", "https://mp.weixin.qq.com/handbook")]
    [InlineData("TEMPLATESENDJOBFINISH", null, "wechat/templatesendjobfinish", "Event", "TEMPLATESENDJOBFINISH")]
    public async Task Other_events_become_named_event_activities(string wechatEvent, string? key, string name, string field, string value)
    {
        var phone = _host.Phone("o-events", safeMode: true);

        var reply = await phone.SendAsync(phone.Event(wechatEvent, key));

        var activity = _recorder.Last;
        Assert.Equal(ActivityTypes.Event, activity.Type);
        Assert.Equal(name, activity.Name);
        Assert.Equal(value, (string?)((JObject)activity.Value)[field]);
        Assert.True(reply.IsSuccess, "the bot says nothing to events it does not handle");
    }

    [Fact]
    public async Task A_message_type_we_do_not_know_becomes_an_event_and_is_answered_success()
    {
        var phone = _host.Phone("o-future", safeMode: true);
        var fields = phone.Text("x").Fields.Select(f => f.Key == "MsgType" ? new KeyValuePair<string, string>("MsgType", "miniprogrampage") : f).ToList();

        var reply = await phone.SendAsync(new OutreachBot.WeChat.Simulator.PhoneMessage(fields));

        Assert.True(reply.IsSuccess);
        Assert.Equal((ActivityTypes.Event, "wechat/miniprogrampage"), (_recorder.Last.Type, _recorder.Last.Name));
    }

    [Fact]
    public async Task A_location_report_is_an_event_with_coordinates()
    {
        var phone = _host.Phone("o-reporting", safeMode: true);

        await phone.SendAsync(phone.Event("LOCATION", null, ("Latitude", "26.578300"), ("Longitude", "107.976900"), ("Precision", "65.000000")));

        var activity = _recorder.Last;
        Assert.Equal("wechat/location", activity.Name);
        var value = (JObject)activity.Value;
        Assert.Equal(26.5783, (double)value["latitude"]!);
        Assert.Equal(107.9769, (double)value["longitude"]!);
        Assert.Equal(65.0, (double)value["precision"]!);
    }

    [Fact]
    public async Task Plaintext_mode_works_the_same_and_answers_in_plaintext()
    {
        var recorder = new Recorder();
        await using var host = WeChatTesting.PlaintextHost(_folder.File("plain.db"), _api, s => s.AddSingleton<IMiddleware>(recorder));
        var phone = host.Phone("o-plain", safeMode: false);

        var reply = await phone.SendAsync(phone.Text("在吗"));

        Assert.StartsWith(Texts[ConversationTexts.Welcome], reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<Encrypt>", reply.Body, StringComparison.Ordinal);
        Assert.Equal("在吗", recorder.Last.Text);
    }
}
