using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Ledger;
using OutreachBot.Meetings;
using OutreachBot.Tests.Support;
using static OutreachBot.Tests.Meetings.MeetingBed;

namespace OutreachBot.Tests.Meetings;

/// <summary>
/// The meeting conversations of Transcripts/meetings/, played through the bot on the demo county at 2026-11-27
/// 10:00 (the morning of 青岩村's meeting) with a known ledger: the transcripts there need these entries, which is
/// why they are not among the top-level transcripts every runner plays.
/// </summary>
public sealed class MeetingTranscriptTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Transcripts", "meetings");

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Conversation_goes_as_written(string file)
    {
        await using var runner = new TranscriptRunner();
        Seed(runner.Services.GetRequiredService<ILedgerStore>());

        await runner.PlayAsync(Transcript.Parse(Path.Combine(Folder, file)));
    }

    [Fact]
    public async Task Minutes_recorded_in_chat_assign_the_entries_and_count_the_meeting_as_held()
    {
        await using var runner = new TranscriptRunner();
        var ledger = runner.Services.GetRequiredService<ILedgerStore>();
        Seed(ledger);

        await runner.PlayAsync(Transcript.Parse(Path.Combine(Folder, "meetings-minutes.txt")));

        var minutes = runner.Services.GetRequiredService<IMeetingMinutes>();
        var qingyan = minutes.Find("V0101|202611271400")!;
        Assert.Equal(["MS20261015-0001 县水务局", "MS20261120-0003 县水务局", "KN20261124-0004 乡民政办"], qingyan.Items.Select(i => i.EntryId + " " + i.Unit));
        Assert.Equal(("乡民政办", EntryStatus.Assigned), (ledger.Find("KN20261124-0004")!.AssignedUnit, ledger.Find("KN20261124-0004")!.Status));
        Assert.Equal(("县水务局", EntryStatus.InProgress), (ledger.Find("MS20261120-0003")!.AssignedUnit, ledger.Find("MS20261120-0003")!.Status));
        Assert.Null(ledger.Find("MS20261118-0002")!.AssignedUnit);
        Assert.Equal("乡水利站", ledger.Find("MS20261122-0005")!.AssignedUnit);
        var service = runner.Services.GetRequiredService<MinutesService>();
        Assert.Equal(2, service.MeetingsHeld(Local(2026, 11, 1), Local(2026, 12, 1)));
        Assert.Equal(1, service.MeetingsHeld(Local(2026, 11, 1), Local(2026, 12, 1), ["V0102"]));
        Assert.Equal(0, service.MeetingsHeld(Local(2026, 12, 1), Local(2027, 1, 1)));
    }

    /// <summary>
    /// 青岩村: 0001 open since 15 October and assigned (overdue by age), 0002 past its due date, 0003 reopened after
    /// 不满意, 0004 in the 困难群众 ledger; 上寨村: 0005.
    /// </summary>
    internal static void Seed(ILedgerStore ledger)
    {
        var first = Entry("MS20261015-0001", LedgerBook.LivelihoodRequests, "饮水", "三组的自来水停了三天了", "V0101", "青岩村", Local(2026, 10, 15, 9), 7);
        ledger.Save(first, first.Assign("县水务局", null, "S02", Local(2026, 10, 16, 9)));
        ledger.Save(Entry("MS20261118-0002", LedgerBook.LivelihoodRequests, "道路交通", "村口的桥栏杆断了", "V0101", "青岩村", Local(2026, 11, 18, 9), 7));
        var reopened = Entry("MS20261120-0003", LedgerBook.LivelihoodRequests, "饮水", "自来水浑浊", "V0101", "青岩村", Local(2026, 11, 20, 9), 30);
        ledger.Save(reopened, reopened.Assign("县水务局", null, "S02", Local(2026, 11, 20, 10)), reopened.Resolve("清洗了水池", "C101", Local(2026, 11, 22, 9)),
            reopened.RecordSatisfaction(Satisfaction.Dissatisfied, "水还是浑的", "o-3", Local(2026, 11, 23, 9)));
        ledger.Save(Entry("KN20261124-0004", LedgerBook.HouseholdsInDifficulty, "取暖", "独居老人冬天取暖困难", "V0101", "青岩村", Local(2026, 11, 24, 9), 30));
        ledger.Save(Entry("MS20261122-0005", LedgerBook.LivelihoodRequests, "水利", "上寨村的水渠塌了", "V0102", "上寨村", Local(2026, 11, 22, 9), 30));
    }

    private static LedgerEntry Entry(string id, LedgerBook book, string kind, string text, string village, string villageName, DateTimeOffset raised, int days) =>
        new(id, book, kind, text, new Reporter("wechat", "o-" + id), village, villageName, raised, raised.AddDays(days));
}
