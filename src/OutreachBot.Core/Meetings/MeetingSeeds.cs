using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OutreachBot.Roster;
using OutreachBot.Storage;
using Sylvan.Data.Csv;

namespace OutreachBot.Meetings;

/// <summary>
/// Loads the demo county's meeting calendars from seeds/meetings (calendars.csv: one row per village or township;
/// changes.csv: moved or cancelled meetings). Every row is checked first and nothing is written if one is wrong.
/// Skipped when the files are unchanged since the last load. A reload updates each calendar's rule and place and
/// adds the seeded changes a meeting does not have yet: a change staff made in chat is never overwritten.
/// </summary>
public sealed class MeetingSeeds(IMeetingCalendars calendars, IRosterStore roster, ISeedLog seedLog, TimeProvider clock, ILogger logger)
{
    public const string Folder = "meetings";
    public const string CalendarsFile = "calendars.csv";
    public const string ChangesFile = "changes.csv";
    private const string By = "seeds";

    private static readonly Dictionary<string, ChangeKind> ChangeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["moved"] = ChangeKind.Moved,
        ["改期"] = ChangeKind.Moved,
        ["cancelled"] = ChangeKind.Cancelled,
        ["取消"] = ChangeKind.Cancelled,
    };

    /// <summary>Loads <paramref name="folder"/> (seeds/meetings); returns whether anything was written.</summary>
    public bool Apply(string folder)
    {
        var calendarsPath = Path.Combine(folder, CalendarsFile);
        if (!File.Exists(calendarsPath))
        {
            return false;
        }

        var fingerprint = Fingerprint(folder);
        if (seedLog.FingerprintOf(Folder) == fingerprint)
        {
            return false;
        }

        var problems = new List<string>();
        var loaded = ReadCalendars(calendarsPath, problems);
        var changesPath = Path.Combine(folder, ChangesFile);
        var changes = File.Exists(changesPath) ? ReadChanges(changesPath, loaded, problems) : [];
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"The meeting calendars in {folder} do not load:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        foreach (var calendar in loaded.Values)
        {
            var existing = calendars.Find(calendar.Id);
            if (existing is not null)
            {
                existing.SetRule(calendar.Rule, calendar.TimeZone);
                existing.SetPlace(calendar.Place);
            }

            var target = existing ?? calendar;
            foreach (var change in changes.Where(c => c.CalendarId == target.Id && target.ChangeOf(c.Key) is null))
            {
                if (change.Kind == ChangeKind.Moved)
                {
                    target.Move(change.Key, change.NewStart!.Value, change.NewPlace, By, clock.GetUtcNow(), change.Reason);
                }
                else
                {
                    target.Cancel(change.Key, By, clock.GetUtcNow(), change.Reason);
                }
            }

            calendars.Save(target);
        }

        seedLog.Loaded(Folder, fingerprint, clock.GetUtcNow());
        logger.LogInformation("Meeting calendars loaded: {Calendars} calendars, {Changes} seeded changes", loaded.Count, changes.Count);
        return true;
    }

    private Dictionary<string, MeetingCalendar> ReadCalendars(string path, List<string> problems)
    {
        var result = new Dictionary<string, MeetingCalendar>(StringComparer.Ordinal);
        foreach (var (row, cells) in Rows(path))
        {
            var at = $"{CalendarsFile} 第 {row} 行";
            var id = cells.GetValueOrDefault("id")?.Trim() ?? "";
            try
            {
                var (scope, township) = ScopeOf(id);
                var calendar = new MeetingCalendar(id, scope, township, cells.GetValueOrDefault("rule") ?? "", cells.GetValueOrDefault("time_zone") ?? "", cells.GetValueOrDefault("place") ?? "");
                if (!result.TryAdd(id, calendar))
                {
                    problems.Add($"{at}：{id} 已经有一行了，每个村或乡镇只写一行。");
                }
            }
            catch (MeetingRuleException e)
            {
                problems.Add($"{at}：{e.Message}");
            }
        }

        return result;
    }

    private static List<SeedChange> ReadChanges(string path, Dictionary<string, MeetingCalendar> loaded, List<string> problems)
    {
        var result = new List<SeedChange>();
        foreach (var (row, cells) in Rows(path))
        {
            var at = $"{ChangesFile} 第 {row} 行";
            var id = cells.GetValueOrDefault("id")?.Trim() ?? "";
            if (!loaded.TryGetValue(id, out var calendar))
            {
                problems.Add($"{at}：{id} 在 {CalendarsFile} 里没有开会规律。");
                continue;
            }

            if (!TryLocal(cells.GetValueOrDefault("meeting"), calendar, out var original) || calendar.Find(calendar.KeyOf(original)) is null)
            {
                problems.Add($"{at}：原定时间“{cells.GetValueOrDefault("meeting")}”不是 {id} 按规律开会的时间（格式如 2026-12-25 14:00）。");
                continue;
            }

            if (!ChangeNames.TryGetValue(cells.GetValueOrDefault("change")?.Trim() ?? "", out var kind))
            {
                problems.Add($"{at}：变动“{cells.GetValueOrDefault("change")}”只能是 moved（改期）或 cancelled（取消）。");
                continue;
            }

            DateTimeOffset? newStart = null;
            if (kind == ChangeKind.Moved)
            {
                if (!TryLocal(cells.GetValueOrDefault("new_time"), calendar, out var moved))
                {
                    problems.Add($"{at}：改期要写新时间，格式如 2026-12-30 09:30。");
                    continue;
                }

                newStart = moved;
            }

            result.Add(new SeedChange(id, calendar.KeyOf(original), kind, newStart, cells.GetValueOrDefault("new_place"), cells.GetValueOrDefault("reason")));
        }

        return result;
    }

    private (MeetingScope Scope, string TownshipId) ScopeOf(string id)
    {
        if (roster.FindVillage(id) is { } village)
        {
            return (MeetingScope.Village, village.TownshipId);
        }

        return roster.FindTownship(id) is not null
            ? (MeetingScope.Township, id)
            : throw new MeetingRuleException($"花名册里没有编号为“{id}”的村或乡镇。");
    }

    private static bool TryLocal(string? text, MeetingCalendar calendar, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd HH:mm", "yyyy/M/d H:mm", "yyyy-M-d H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        instant = new DateTimeOffset(local, calendar.Zone.GetUtcOffset(local));
        return true;
    }

    /// <summary>Rows as column → cell, numbered as Excel shows them (the heading is row 1).</summary>
    private static IEnumerable<(int Row, Dictionary<string, string> Cells)> Rows(string path)
    {
        using var csv = CsvDataReader.Create(path);
        var row = 1;
        while (csv.Read())
        {
            row++;
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < csv.FieldCount; i++)
            {
                cells[csv.GetName(i).Trim()] = csv.GetString(i);
            }

            yield return (row, cells);
        }
    }

    private static string Fingerprint(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private sealed record SeedChange(string CalendarId, string Key, ChangeKind Kind, DateTimeOffset? NewStart, string? NewPlace, string? Reason);
}
