using OutreachBot.Identity;
using OutreachBot.Ledger;
using OutreachBot.Meetings;
using OutreachBot.Roster;
using OutreachBot.Visits;

namespace OutreachBot.Bench.Dashboard;

/// <summary>
/// The report's year of work on the generated county: 12,759 visits by the households' own cadres over the last twelve
/// months, and 1,200 ledger entries in every state, made through the product's own services; and a year of monthly
/// joint meetings with minutes (<see cref="WriteMeetings"/>).
/// </summary>
public static class CampaignGenerator
{
    public const int Visits = 12759;
    public const int Entries = 1200;

    public static void Write(IRosterStore roster, VisitService visits, ILedgerStore ledger, DateTimeOffset now)
    {
        var random = new Random(12759);
        var households = roster.AllHouseholds().ToList();
        string[] hopes = ["希望修通组上的路", "想学养蜂技术", "盼着孩子考上大学", "", "想把老房子修一修"];
        for (var i = 0; i < Visits; i++)
        {
            var household = households[random.Next(households.Count)];
            var cadre = household.Pairings[random.Next(household.Pairings.Count)].CadreId;
            var kind = random.Next(100) switch { < 80 => VisitKind.HomeVisit, < 95 => VisitKind.Relief, _ => VisitKind.FieldStay };
            var at = now.AddMinutes(-random.Next(60, 365 * 24 * 60));
            var who = new UserIdentity("bench", "cadre-" + cadre, Role.Cadre, cadre);
            var result = visits.LogVisit(who, new LogVisitRequest(household.Id, at, kind, new VisitNotes(Hopes: hopes[random.Next(hopes.Length)])));
            if (!result.Logged)
            {
                throw new InvalidOperationException($"visit refused: {result.Refusal}");
            }
        }

        var villages = roster.AllVillages();
        for (var i = 0; i < Entries; i++)
        {
            var village = villages[random.Next(villages.Count)];
            var book = random.Next(100) switch { < 70 => LedgerBook.LivelihoodRequests, < 90 => LedgerBook.HouseholdsInDifficulty, _ => LedgerBook.Stability };
            var raised = now.AddMinutes(-random.Next(24 * 60, 360 * 24 * 60));
            var entry = new LedgerEntry($"{book.Prefix()}-BENCH-{i:D4}", book, "其他", "村民反映的问题，第 " + i + " 条", new Reporter("bench", "villager-" + i, "村民" + i), village.Id, village.Name, raised, raised.AddDays(7));
            Live(entry, random.Next(100), raised, random);
            ledger.Save(entry, [null, .. entry.History]);
        }
    }

    /// <summary>
    /// A meeting calendar per village (the last Friday of the month, 14:00) and, for every fourth township, a township
    /// calendar too (the 1st, 9:00); minutes for every meeting of the last year, each naming three of the entries
    /// discussed. That is about 1,600 meetings held, more than fifty times the report's 29 (共召开联席会议29次): the
    /// county as it would look with every village meeting every month.
    /// </summary>
    public static int WriteMeetings(IRosterStore roster, IMeetingCalendars calendars, IMeetingMinutes minutes, ILedgerStore ledger, DateTimeOffset now)
    {
        var random = new Random(29);
        var list = new List<MeetingCalendar>();
        foreach (var village in roster.AllVillages())
        {
            list.Add(new MeetingCalendar(village.Id, MeetingScope.Village, village.TownshipId, "0 14 * * 5L", "Asia/Shanghai", village.Name + "村委会会议室"));
        }

        foreach (var township in roster.AllTownships().OrderBy(t => t.Id, StringComparer.Ordinal).Where((_, i) => i % 4 == 0))
        {
            list.Add(new MeetingCalendar(township.Id, MeetingScope.Township, township.Id, "0 9 1 * *", "Asia/Shanghai", township.Name + "政府会议室"));
        }

        var townshipOf = roster.AllVillages().ToDictionary(v => v.Id, v => v.TownshipId, StringComparer.Ordinal);
        var entries = ledger.All().ToList();
        var held = 0;
        foreach (var calendar in list)
        {
            calendars.Save(calendar);
            var discussed = calendar.Scope == MeetingScope.Village
                ? entries.Where(e => e.VillageId == calendar.Id).ToList()
                : entries.Where(e => townshipOf.GetValueOrDefault(e.VillageId) == calendar.Id).ToList();
            foreach (var meeting in calendar.Between(now.AddYears(-1), now))
            {
                var record = new MeetingMinutes
                {
                    Id = meeting.Id,
                    CalendarId = meeting.CalendarId,
                    OccurrenceKey = meeting.Key,
                    Start = meeting.Start,
                    RecordedBy = "S01",
                    RecordedAt = meeting.Start.AddHours(3),
                };
                for (var i = 0; i < 3 && discussed.Count > 0; i++)
                {
                    var entry = discussed[random.Next(discussed.Count)];
                    record.Items.Add(new MinutesItem { EntryId = entry.Id, Book = entry.Book, Kind = entry.Kind, Summary = entry.Description, Unit = "县第" + random.Next(1, 30) + "局", AssignedInLedger = true });
                }

                minutes.Save(record);
                held++;
            }
        }

        return held;
    }

    private static void Live(LedgerEntry entry, int fate, DateTimeOffset raised, Random random)
    {
        if (fate < 5)
        {
            return; // 已登记
        }

        entry.Assign("县第" + random.Next(1, 30) + "局", null, "system", raised.AddHours(2));
        if (fate < 15)
        {
            return; // 已交办
        }

        entry.StartWork("cadre", raised.AddDays(1));
        if (fate < 30)
        {
            return; // 办理中
        }

        if (fate < 35)
        {
            entry.CloseUnresolved("需上级协调", "cadre", raised.AddDays(random.Next(3, 20)));
            return;
        }

        var resolved = raised.AddDays(random.Next(1, 15));
        entry.Resolve("已处理", "cadre", resolved);
        if (fate < 45)
        {
            return; // 已办结待回访
        }

        var answer = random.Next(100) switch { < 70 => Satisfaction.Satisfied, < 92 => Satisfaction.BasicallySatisfied, _ => Satisfaction.Dissatisfied };
        entry.RecordSatisfaction(answer, answer == Satisfaction.Dissatisfied ? "还没修好" : null, "villager", resolved.AddDays(1));
    }
}
