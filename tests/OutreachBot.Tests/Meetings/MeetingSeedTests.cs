using Microsoft.Extensions.Logging.Abstractions;
using OutreachBot.Meetings;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Meetings;
using OutreachBot.Tests.Roster;
using OutreachBot.Tests.Support;
using static OutreachBot.Tests.Meetings.MeetingBed;

namespace OutreachBot.Tests.Meetings;

/// <summary>seeds/meetings: the demo county's calendars, checked row by row, loaded once, never over a change made in chat.</summary>
public sealed class MeetingSeedTests : IDisposable
{
    private readonly DemoCounty _county = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _county.Dispose();
        _folder.Dispose();
    }

    private LiteDbMeetingCalendars Store => new(_county.Database);

    private MeetingSeeds Seeds => new(Store, _county.Roster, new LiteDbSeedLog(_county.Database), _county.Clock, NullLogger.Instance);

    [Fact]
    public void Every_village_of_the_demo_roster_has_a_calendar_with_a_place()
    {
        Assert.True(Seeds.Apply(Path.Combine(DemoCounty.RepositoryRoot, "seeds", "meetings")));

        var villages = File.ReadAllLines(Path.Combine(DemoCounty.RosterFolder, "villages.csv")).Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal);
        var calendars = Store.All();
        Assert.Equal(villages, calendars.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(calendars, c => Assert.EndsWith("村", _county.Roster.FindVillage(c.Id)!.Name, StringComparison.Ordinal));
        Assert.All(calendars, c => Assert.False(string.IsNullOrWhiteSpace(c.Place)));
        Assert.Equal("2026-12-30 09:30", ChinaLocal(Store.Find("V0102")!.Find("202612250930")!.Start));
        Assert.True(Store.Find("V0302")!.Find("202701291500")!.IsCancelled);
    }

    [Fact]
    public void Loading_again_unchanged_files_writes_nothing_and_changed_files_keep_changes_made_in_chat()
    {
        var folder = Copy();
        Seeds.Apply(folder);
        var qingyan = Store.Find("V0101")!;
        qingyan.Move("202612251400", Local(2026, 12, 28, 9), null, "S02", _county.Clock.GetUtcNow());
        Store.Save(qingyan);

        var unchanged = Seeds.Apply(folder);
        File.WriteAllText(Path.Combine(folder, "calendars.csv"), File.ReadAllText(Path.Combine(folder, "calendars.csv")).Replace("青岩村村委会会议室", "青岩村新村委会", StringComparison.Ordinal));
        var changed = Seeds.Apply(folder);

        Assert.False(unchanged);
        Assert.True(changed);
        var reloaded = Store.Find("V0101")!;
        Assert.Equal("青岩村新村委会", reloaded.Place);
        Assert.Equal(("2026-12-28 09:00", "S02"), (ChinaLocal(reloaded.Find("202612251400")!.Start), reloaded.ChangeOf("202612251400")!.By));
        Assert.Equal(3, Store.All().Sum(c => c.Changes.Count)); // the two seeded changes and the one made in chat
    }

    [Fact]
    public void Bad_rows_are_each_named_by_file_and_row_and_nothing_is_written()
    {
        var folder = _folder.Path;
        File.WriteAllText(Path.Combine(folder, "calendars.csv"),
            "id,rule,time_zone,place\nV0101,0 14 * * 5L,Asia/Shanghai,村委会\nV9999,0 14 * * 5L,Asia/Shanghai,村委会\nV0102,0 25 * * *,Asia/Shanghai,村委会\nV0103,0 14 * * 4L,,\nV0101,0 9 * * 1,Asia/Shanghai,村委会\n");
        File.WriteAllText(Path.Combine(folder, "changes.csv"),
            "id,meeting,change,new_time,new_place,reason\nV0101,2026-12-24 14:00,cancelled,,,\nV0101,2026-12-25 14:00,postponed,,,\nV0101,2026-12-25 14:00,moved,,,\nV0201,2026-12-25 09:00,cancelled,,,\n");

        var error = Assert.Throws<InvalidDataException>(() => Seeds.Apply(folder));

        foreach (var expected in new[]
        {
            "calendars.csv 第 3 行：花名册里没有编号为“V9999”的村或乡镇。",
            "calendars.csv 第 4 行：开会规律“0 25 * * *”写得不对",
            "calendars.csv 第 5 行：缺少开会地点。",
            "calendars.csv 第 6 行：V0101 已经有一行了",
            "changes.csv 第 2 行：原定时间“2026-12-24 14:00”不是 V0101 按规律开会的时间",
            "changes.csv 第 3 行：变动“postponed”只能是 moved（改期）或 cancelled（取消）。",
            "changes.csv 第 4 行：改期要写新时间",
            "changes.csv 第 5 行：V0201 在 calendars.csv 里没有开会规律。",
        })
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Store.All());
    }

    private string Copy()
    {
        var folder = Path.Combine(_folder.Path, "meetings");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(DemoCounty.RepositoryRoot, "seeds", "meetings")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
