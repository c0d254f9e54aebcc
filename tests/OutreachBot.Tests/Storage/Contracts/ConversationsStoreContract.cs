using LiteDB;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Conversations;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Conversations;
using OutreachBot.Tests.Support;

namespace OutreachBot.Tests.Storage.Contracts;

/// <summary>What any backend's conversation references and failed turns must do.</summary>
public abstract class ConversationsStoreContract
{
    protected static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected abstract IConversationReferences CreateReferences();

    protected abstract IFailedTurns CreateFailedTurns();

    [Fact]
    public void A_newer_reference_replaces_the_older_one_on_its_channel()
    {
        var references = CreateReferences();

        Assert.True(references.Remember(Reference("test", "villager-1", "first"), Start));
        Assert.True(references.Remember(Reference("test", "villager-1", "second"), Start.AddMinutes(5)));

        var found = references.Find("test", "villager-1");
        Assert.NotNull(found);
        Assert.Equal("second", found.Value.Reference.Conversation.Id);
        Assert.Equal(Start.AddMinutes(5), found.Value.LastMessageAt);
        Assert.Null(references.Find("wechat", "villager-1"));
    }

    [Fact]
    public void Any_channel_finds_the_one_the_user_wrote_from_last()
    {
        var references = CreateReferences();
        references.Remember(Reference("wechat", "villager-1", "on-wechat"), Start.AddMinutes(10));
        references.Remember(Reference("test", "villager-1", "on-test"), Start);

        Assert.Equal("on-wechat", references.Find("*", "villager-1")!.Value.Reference.Conversation.Id);
        Assert.Null(references.Find("*", "villager-2"));
    }

    [Fact]
    public void An_anonymous_reference_never_replaces_a_vouched_one_but_a_vouched_one_replaces_it()
    {
        var references = CreateReferences();

        Assert.True(references.Remember(Reference("msteams", "29:villager", "anonymous-1"), Start, vouched: false));
        Assert.True(references.Remember(Reference("msteams", "29:villager", "anonymous-2"), Start.AddMinutes(1), vouched: false));
        Assert.Equal("anonymous-2", references.Find("msteams", "29:villager")!.Value.Reference.Conversation.Id);

        Assert.True(references.Remember(Reference("msteams", "29:villager", "vouched"), Start.AddMinutes(2), vouched: true));
        Assert.False(references.Remember(Reference("msteams", "29:villager", "anonymous-3"), Start.AddMinutes(3), vouched: false));

        var found = references.Find("msteams", "29:villager")!.Value;
        Assert.Equal("vouched", found.Reference.Conversation.Id);
        Assert.Equal(Start.AddMinutes(2), found.LastMessageAt);
    }

    [Fact]
    public void The_channels_of_a_user_id_come_most_recent_first_and_only_for_that_exact_id()
    {
        var references = CreateReferences();
        references.Remember(Reference("test", "villager-1", "a"), Start);
        references.Remember(Reference("wechat", "villager-1", "b"), Start.AddHours(1));
        references.Remember(Reference("test", "villager-10", "c"), Start.AddHours(2));

        Assert.Equal([("wechat", Start.AddHours(1)), ("test", Start)], references.ChannelsOf("villager-1"));
        Assert.Empty(references.ChannelsOf("villager-2"));
    }

    [Fact]
    public void References_not_used_since_the_cutoff_are_forgotten()
    {
        var references = CreateReferences();
        references.Remember(Reference("test", "old", "a"), Start);
        references.Remember(Reference("test", "recent", "b"), Start.AddDays(10));

        Assert.Equal(1, references.ForgetUnusedSince(Start.AddDays(5)));

        Assert.Null(references.Find("test", "old"));
        Assert.NotNull(references.Find("test", "recent"));
        Assert.Equal(0, references.ForgetUnusedSince(Start.AddDays(5)));
    }

    [Fact]
    public void Failed_turns_are_kept_newest_first_and_forgotten_after_the_cutoff()
    {
        var failed = CreateFailedTurns();
        failed.Keep(Message("路断了"), new InvalidOperationException());
        Clock.Advance(TimeSpan.FromDays(2));
        failed.Keep(Message("水管坏了"), new TimeoutException());

        var recent = failed.Recent(10);
        Assert.Equal(["水管坏了", "路断了"], recent.Select(t => t.Text));
        Assert.Equal(nameof(TimeoutException), recent[0].Error);
        Assert.Equal("villager-1", recent[0].UserId);
        Assert.Single(failed.Recent(1));

        Assert.Equal(1, failed.ForgetOlderThan(Start.AddDays(1)));
        Assert.Equal(["水管坏了"], failed.Recent(10).Select(t => t.Text));
    }

    private static ConversationReference Reference(string channel, string user, string conversation) => new()
    {
        ChannelId = channel,
        User = new ChannelAccount(user),
        Bot = new ChannelAccount("bot"),
        Conversation = new ConversationAccount(id: conversation),
        ServiceUrl = "http://localhost:9/",
    };

    private static Activity Message(string text) => new(ActivityTypes.Message)
    {
        ChannelId = "test",
        Text = text,
        From = new ChannelAccount("villager-1"),
        Conversation = new ConversationAccount(id: "c"),
    };
}

public sealed class LiteDbConversationsStoreContractTests : ConversationsStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LiteDatabase _database;

    public LiteDbConversationsStoreContractTests() => _database = Database.Open(new StorageOptions { Path = _folder.File("bot.db") }, _folder.Path);

    protected override IConversationReferences CreateReferences() => new LiteDbConversationReferences(_database);

    protected override IFailedTurns CreateFailedTurns() => new LiteDbFailedTurns(_database, Clock);

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }
}
