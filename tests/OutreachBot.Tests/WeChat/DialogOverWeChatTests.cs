using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OutreachBot.Conversations;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.WeChat;

/// <summary>
/// A guided conversation over /wechat keeps its place between messages: conversation state is saved per OpenID,
/// and a photo and a location reach a dialog step as an image attachment and a Place. The raise-problem dialog itself
/// needs the ledger feature; a three-step stand-in here asks for a photo, then a location, the way it will.
/// </summary>
public sealed class DialogOverWeChatTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FakeWeChatApi _api = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = WeChatTesting.Host(_folder.File("bot.db"), _api, services: s => s.AddSingleton<IMiddleware>(sp => new PhotoThenPlace(sp.GetRequiredService<ConversationState>())));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_villager_sends_a_photo_and_a_location_across_three_messages()
    {
        var phone = _host.Phone("o-raising", safeMode: true);

        var ask = await phone.SendAsync(phone.Text("拍照反映"));
        var photo = await phone.SendAsync(phone.Image("http://mmbiz.qpic.cn/mmbiz_jpg/bridge.jpg"));
        var place = await phone.SendAsync(phone.Location(26.5783, 107.9769, "三棵树镇南哨村"));

        Assert.Equal("请拍一张照片发过来。", ask.Text);
        Assert.Equal("收到照片。请发送位置。", photo.Text);
        Assert.Equal("已记下：三棵树镇南哨村（26.5783, 107.9769），照片 http://mmbiz.qpic.cn/mmbiz_jpg/bridge.jpg", place.Text);
    }

    [Fact]
    public async Task Conversation_state_is_kept_per_open_id_across_turns()
    {
        var phone = _host.Phone("o-counting", safeMode: true);

        await phone.SendAsync(phone.Text("一"));
        await phone.SendAsync(phone.Text("二"));
        await phone.SendAsync(phone.Text("三"));

        var storage = _host.Services.GetRequiredService<IStorage>();
        var state = (IDictionary<string, object>)(await storage.ReadAsync(["wechat/conversations/o-counting"]))["wechat/conversations/o-counting"];
        Assert.Equal(3, ((ConversationInfo)state[nameof(ConversationInfo)]).Messages);
    }

    /// <summary>A dialog-like stand-in: each step waits for the right kind of message and keeps its place in state.</summary>
    private sealed class PhotoThenPlace(ConversationState state) : IMiddleware
    {
        private readonly IStatePropertyAccessor<JObject> _progress = state.CreateProperty<JObject>("photo-then-place");

        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            var activity = turnContext.Activity;
            var progress = await _progress.GetAsync(turnContext, () => [], cancellationToken);
            var step = (string?)progress["step"];
            var image = activity.Attachments?.FirstOrDefault(a => a.ContentType?.StartsWith("image/", StringComparison.Ordinal) == true);
            var place = activity.Entities?.FirstOrDefault(e => e.Type == "Place")?.GetAs<Place>();
            string reply;
            if (activity.Text == "拍照反映")
            {
                progress["step"] = "photo";
                reply = "请拍一张照片发过来。";
            }
            else if (step == "photo" && image is not null)
            {
                progress["step"] = "place";
                progress["photo"] = image.ContentUrl;
                reply = "收到照片。请发送位置。";
            }
            else if (step == "place" && place is not null)
            {
                var geo = JObject.FromObject(place.Geo);
                reply = $"已记下：{place.Name}（{geo["latitude"]}, {geo["longitude"]}），照片 {progress["photo"]}";
                progress.RemoveAll();
            }
            else
            {
                await next(cancellationToken);
                return;
            }

            await state.SaveChangesAsync(turnContext, false, cancellationToken);
            await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
        }
    }
}
