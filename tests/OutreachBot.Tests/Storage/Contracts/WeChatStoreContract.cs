using LiteDB;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Tests.Support;
using OutreachBot.WeChat;
using OutreachBot.WeChat.Api;
using OutreachBot.WeChat.Endpoint;
using OutreachBot.WeChat.Storage;
using OutreachBot.WeChat.Storage.LiteDb;
using OutreachBot.WeChat.Turns;

namespace OutreachBot.Tests.Storage.Contracts;

/// <summary>
/// What the WeChat channel's stores promise, whatever holds them: a delivery (sender and MsgId) is claimed once and
/// a later claim gets the earlier record until it expires; a signed (timestamp, nonce) pair admits its first body and
/// a retry of it, never another body, until it expires; the 48-hour window and undelivered messages read back.
/// </summary>
public abstract class WeChatStoreContract
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected static IOptions<WeChatOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new WeChatOptions
    {
        DedupRetention = TimeSpan.FromMinutes(30),
        TimestampTolerance = TimeSpan.FromMinutes(5),
    });

    private protected abstract IExpiringRecords<DeliveryLog.Delivery> Deliveries { get; }

    private protected abstract IExpiringRecords<NonceLog.SeenNonce> Nonces { get; }

    protected abstract IFollowers Followers { get; }

    protected abstract IUndeliveredMessages Undelivered { get; }

    [Fact]
    public void A_delivery_is_claimed_once_and_a_second_claim_gets_the_earlier_record()
    {
        var log = new DeliveryLog(Deliveries, Clock, Options);
        Assert.Null(log.TryClaim("o-villager|24593785021"));

        var earlier = log.TryClaim("o-villager|24593785021");
        Assert.NotNull(earlier);
        Assert.Equal((log.ProcessId, false, null), (earlier.Process, earlier.Finished, earlier.Reply));

        log.Finish("o-villager|24593785021", "<xml>好的</xml>");
        var answered = log.TryClaim("o-villager|24593785021")!;
        Assert.Equal((true, "<xml>好的</xml>"), (answered.Finished, answered.Reply));

        Assert.Null(log.TryClaim("o-villager|24593785022"));
    }

    [Fact]
    public void A_claim_from_another_process_is_seen_and_can_be_taken_over()
    {
        var before = new DeliveryLog(Deliveries, Clock, Options);
        Assert.Null(before.TryClaim("o-villager|1"));

        var after = new DeliveryLog(Deliveries, Clock, Options);
        Assert.Equal(before.ProcessId, after.TryClaim("o-villager|1")!.Process);
        after.Reclaim("o-villager|1");
        Assert.Equal(after.ProcessId, after.TryClaim("o-villager|1")!.Process);
    }

    [Fact]
    public void An_expired_delivery_can_be_claimed_again()
    {
        var log = new DeliveryLog(Deliveries, Clock, Options);
        Assert.Null(log.TryClaim("o-villager|1"));
        Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(log.TryClaim("o-villager|1"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(log.TryClaim("o-villager|1"));
        Assert.NotNull(log.TryClaim("o-villager|1"));
    }

    [Fact]
    public void A_nonce_admits_its_first_body_and_the_same_body_again_but_never_another()
    {
        var nonces = new NonceLog(Nonces, Clock, Options);
        var timestamp = Start.ToUnixTimeSeconds();

        Assert.True(nonces.Admit(timestamp, "n1", "<xml>一</xml>"));
        Assert.True(nonces.Admit(timestamp, "n1", "<xml>一</xml>"));
        Assert.False(nonces.Admit(timestamp, "n1", "<xml>二</xml>"));
        Assert.True(nonces.Admit(timestamp, "n2", "<xml>二</xml>"));
        Assert.True(nonces.Admit(timestamp + 1, "n1", "<xml>二</xml>"));
    }

    [Fact]
    public void A_nonce_is_forgotten_once_its_timestamp_is_past_the_tolerance()
    {
        var nonces = new NonceLog(Nonces, Clock, Options);
        var timestamp = Start.ToUnixTimeSeconds();
        Assert.True(nonces.Admit(timestamp, "n1", "<xml>一</xml>"));

        // Acceptable to the end of its last second plus the tolerance.
        Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(999));
        Assert.False(nonces.Admit(timestamp, "n1", "<xml>二</xml>"));

        // From then on the endpoint's timestamp check refuses the pair, whatever the body.
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(nonces.Admit(timestamp, "n1", "<xml>二</xml>"));
    }

    [Fact]
    public void The_service_window_is_open_for_48_hours_after_an_interaction_and_closed_by_an_unfollow()
    {
        var window = new ServiceWindow(Followers, Clock);
        Assert.False(window.IsOpen("o-a"));
        Assert.Null(window.LastInteraction("o-a"));

        window.Opened("o-a");
        Assert.Equal(Start, window.LastInteraction("o-a"));
        Clock.Advance(ServiceWindow.Length - TimeSpan.FromSeconds(1));
        Assert.True(window.IsOpen("o-a"));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(window.IsOpen("o-a"));

        window.Opened("o-a");
        window.Unsubscribed("o-a");
        Assert.False(window.IsOpen("o-a"));
        Assert.Equal(Clock.GetUtcNow(), window.LastInteraction("o-a"));
        window.Opened("o-a");
        Assert.True(window.IsOpen("o-a"));

        window.Unsubscribed("o-never-wrote");
        Assert.Equal(new Follower("o-never-wrote", null, true), Followers.Find("o-never-wrote"));
    }

    [Fact]
    public void Undelivered_messages_are_kept_and_read_newest_first()
    {
        Undelivered.Keep("o-a", "第一条", WeChatDelivery.NotTried(DeliveryOutcome.OutsideServiceWindow));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Undelivered.Keep("o-b", "第二条", WeChatDelivery.NotTried(DeliveryOutcome.OutsideServiceWindow));

        var recent = Undelivered.Recent(5);
        Assert.Equal(["第二条", "第一条"], recent.Select(m => m.Text));
        Assert.Equal(("o-b", nameof(DeliveryOutcome.OutsideServiceWindow), Start.AddMinutes(1)), (recent[0].OpenId, recent[0].Outcome, recent[0].At));
        Assert.Single(Undelivered.Recent(1));
    }
}

/// <summary>The WeChat channel's contract on a LiteDB file.</summary>
public sealed class LiteDbWeChatStoreContractTests : WeChatStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ILiteDatabase _database;

    public LiteDbWeChatStoreContractTests()
    {
        _database = Database.Open(new StorageOptions { Path = _folder.File("wechat.db") }, _folder.Path);
        Deliveries = new LiteDbExpiringRecords<DeliveryLog.Delivery>(_database, LiteDbWeChatServices.DeliveriesCollection);
        Nonces = new LiteDbExpiringRecords<NonceLog.SeenNonce>(_database, LiteDbWeChatServices.NoncesCollection);
        Followers = new LiteDbFollowers(_database);
        Undelivered = new LiteDbUndeliveredMessages(_database, Clock);
    }

    private protected override IExpiringRecords<DeliveryLog.Delivery> Deliveries { get; }

    private protected override IExpiringRecords<NonceLog.SeenNonce> Nonces { get; }

    protected override IFollowers Followers { get; }

    protected override IUndeliveredMessages Undelivered { get; }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Expired_records_are_deleted_on_a_later_add()
    {
        var log = new DeliveryLog(Deliveries, Clock, Options);
        log.TryClaim("o-villager|1");
        Clock.Advance(TimeSpan.FromMinutes(31));
        log.TryClaim("o-villager|2");

        var ids = _database.GetCollection(LiteDbWeChatServices.DeliveriesCollection).FindAll().Select(d => d["_id"].AsString);
        Assert.Equal(["o-villager|2"], ids);
    }

    [Fact]
    public void The_documents_keep_their_shape()
    {
        new DeliveryLog(Deliveries, Clock, Options).TryClaim("o-villager|1");
        new NonceLog(Nonces, Clock, Options).Admit(Start.ToUnixTimeSeconds(), "n1", "<xml/>");
        new ServiceWindow(Followers, Clock).Opened("o-a");

        Assert.Equal(["ExpiresAtMs", "Finished", "Process", "_id"], Keys(LiteDbWeChatServices.DeliveriesCollection));
        Assert.Equal(["BodyHash", "ExpiresAtMs", "_id"], Keys(LiteDbWeChatServices.NoncesCollection));
        Assert.Equal(["LastInteractionMs", "Unsubscribed", "_id"], Keys(LiteDbFollowers.CollectionName));
        Assert.Contains(_database.GetCollection("$indexes").FindAll(), i => i["collection"] == LiteDbWeChatServices.DeliveriesCollection && i["name"] == "ExpiresAtMs" && i["expression"] == "$.ExpiresAtMs");
    }

    private string[] Keys(string collection) => [.. _database.GetCollection(collection).FindAll().Single().Keys.Order(StringComparer.Ordinal)];
}
