using System.Text.RegularExpressions;
using LiteDB;
using OutreachBot.Bench.Replay.Fakes;
using OutreachBot.Ledger;
using OutreachBot.Ledger.Forwarding;
using OutreachBot.Storage;
using OutreachBot.Visits;
using OutreachBot.Storage.LiteDb;
using OutreachBot.Storage.LiteDb.Visits;

namespace OutreachBot.Bench.Replay.Year;

/// <summary>What the database file holds after the host stopped, compared with what the replay sent.</summary>
public sealed record Findings
{
    public int VisitsConfirmed { get; init; }

    public int VisitsUnconfirmed { get; init; }

    public int VisitsInDatabase { get; init; }

    public int VisitsLost { get; init; }

    public int VisitsDuplicated { get; init; }

    public int VisitsWrong { get; init; }

    public int VisitsUnknown { get; init; }

    public int EntriesConfirmed { get; init; }

    public int EntriesInDatabase { get; init; }

    public int EntriesLost { get; init; }

    public int EntriesDuplicated { get; init; }

    public int EntriesWrongStatus { get; init; }

    public int EntriesUnknown { get; init; }

    public int CloseOutsDuplicated { get; init; }

    public int CloseOutsLost { get; init; }

    public IReadOnlyDictionary<VisitKind, (int Sent, int Stored)> VisitsByKind { get; init; } = new Dictionary<VisitKind, (int, int)>();

    /// <summary>(ledger, status) → (expected from the replay, found in the file).</summary>
    public IReadOnlyDictionary<(LedgerBook Book, EntryStatus Status), (int Expected, int Stored)> EntriesByLedger { get; init; } = new Dictionary<(LedgerBook, EntryStatus), (int, int)>();

    public int WebhookRecords { get; init; }

    public int WebhookUndelivered { get; init; }

    public int WebhookKeysReceived { get; init; }

    public int WebhookKeysMissing { get; init; }

    public int WebhookRedelivered { get; init; }

    public int WebhookEntriesWrong { get; init; }

    public int FollowUpNoticesExpected { get; init; }

    public int FollowUpNoticesMissing { get; init; }

    public List<string> Details { get; } = [];

    public bool FiguresMatch =>
        VisitsLost == 0 && VisitsDuplicated == 0 && VisitsWrong == 0 && VisitsUnknown == 0
        && EntriesLost == 0 && EntriesDuplicated == 0 && EntriesWrongStatus == 0 && EntriesUnknown == 0
        && CloseOutsDuplicated == 0 && CloseOutsLost == 0
        && VisitsByKind.Values.All(v => v.Sent == v.Stored) && EntriesByLedger.Values.All(v => v.Expected == v.Stored);
}

public static partial class Verify
{
    [GeneratedRegex(@"〔[VR]\d{6}〕")]
    private static partial Regex Token();

    [GeneratedRegex(@"〔C\d{6}〕")]
    private static partial Regex CloseToken();

    /// <summary>
    /// Reads the file with the product's own mapping. Every visit and entry the replay sent carries a token in its
    /// words, so each can be found exactly: none missing, none twice, none the replay did not send.
    /// </summary>
    public static Findings Database(string path, Expectations expected, Outside? webhook)
    {
        using var db = OutreachBot.Storage.LiteDb.Database.Open(new StorageOptions { Path = path }, Path.GetDirectoryName(path)!);
        var visits = db.GetCollection<Visit>(LiteDbVisitRecords.CollectionName).FindAll().ToList();
        var entries = db.GetCollection<LedgerEntry>("ledger_entries").FindAll().ToList();
        var details = new List<string>();

        // Visits, by the token in 户情民情.
        var visitsByToken = visits.GroupBy(v => Token().Match(v.HouseholdSituation ?? "").Value).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        int lost = 0, duplicated = 0, wrong = 0;
        foreach (var sent in expected.Visits.Values)
        {
            var found = visitsByToken.GetValueOrDefault(sent.Token) ?? [];
            if (found.Count == 0 && sent.Sent == Sent.Confirmed)
            {
                lost++;
                details.Add($"visit {sent.Token} confirmed to cadre {sent.CadreId} but not in the file");
            }
            else if (found.Count == 0 && sent.Sent == Sent.Unconfirmed)
            {
                lost++;
                details.Add($"visit {sent.Token}: its 对 was answered after a restart but the visit is not in the file");
            }

            if (found.Count > 1)
            {
                duplicated += found.Count - 1;
                details.Add($"visit {sent.Token} stored {found.Count} times");
            }

            if (found.Any(v => v.CadreId != sent.CadreId || v.HouseholdId != sent.HouseholdId || v.Kind != sent.Kind))
            {
                wrong++;
                details.Add($"visit {sent.Token} stored with another cadre, household or kind");
            }
        }

        var unknownVisits = visits.Count(v => !expected.Visits.ContainsKey(Token().Match(v.HouseholdSituation ?? "").Value));
        var visitsByKind = Enum.GetValues<VisitKind>().ToDictionary(
            k => k,
            k => (expected.Visits.Values.Count(v => v.Sent != Sent.Abandoned && v.Kind == k), visits.Count(v => v.Kind == k)));

        // Entries, by the token in the reporter's words.
        var entriesByToken = entries.GroupBy(e => Token().Match(e.Description).Value).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        int entriesLost = 0, entriesDuplicated = 0, wrongStatus = 0;
        foreach (var (token, id) in expected.Raises)
        {
            var found = entriesByToken.GetValueOrDefault(token) ?? [];
            if (found.Count == 0)
            {
                entriesLost++;
                details.Add($"entry {token} ({id ?? "number never seen"}) not in the file");
            }
            else if (found.Count > 1)
            {
                entriesDuplicated += found.Count - 1;
                details.Add($"entry {token} stored {found.Count} times: {string.Join(", ", found.Select(e => e.Id))}");
            }
        }

        var stored = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var expectedCounts = new Dictionary<(LedgerBook, EntryStatus), int>();
        foreach (var entry in expected.Entries.Values)
        {
            if (!stored.TryGetValue(entry.Id, out var actual))
            {
                continue;
            }

            // An entry whose last close-out or rating went unconfirmed (crash drill) is counted as the file has it.
            var status = entry.Uncertain ? actual.Status : entry.Status;
            expectedCounts[(entry.Book, status)] = expectedCounts.GetValueOrDefault((entry.Book, status)) + 1;
            if (actual.Status != status || actual.Book != entry.Book || (entry.Satisfaction is { } s && actual.Satisfaction != s))
            {
                wrongStatus++;
                details.Add($"entry {entry.Id}: file has {actual.Book}/{actual.Status}/{actual.Satisfaction}, replay expects {entry.Book}/{status}/{entry.Satisfaction}");
            }

            var closeNotes = actual.History.SelectMany(h => CloseToken().Matches(h.Note).Select(m => m.Value)).ToList();
            foreach (var close in entry.CloseTokens.Where(c => closeNotes.Count(n => n == c) != 1))
            {
                details.Add($"entry {entry.Id}: close-out {close} appears {closeNotes.Count(n => n == close)} times in its history");
            }
        }

        var closeOutsDuplicated = 0;
        var closeOutsLost = 0;
        var allNotes = entries.SelectMany(e => e.History.SelectMany(h => CloseToken().Matches(h.Note).Select(m => m.Value))).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (token, (entry, sent)) in expected.CloseOuts)
        {
            var times = allNotes.GetValueOrDefault(token);
            if (times > 1)
            {
                closeOutsDuplicated++;
                details.Add($"close-out {token} of {entry} recorded {times} times");
            }
            else if (times == 0 && sent == Sent.Confirmed)
            {
                closeOutsLost++;
                details.Add($"close-out {token} of {entry} confirmed but not in its history");
            }
        }

        var unknownEntries = entries.Where(e => !expected.Raises.ContainsKey(Token().Match(e.Description).Value)).ToList();
        foreach (var unknown in unknownEntries.Take(10))
        {
            details.Add($"entry {unknown.Id} in the file was not raised by the replay (\"{unknown.Description[..Math.Min(20, unknown.Description.Length)]}\")");
        }

        var storedCounts = entries.GroupBy(e => (e.Book, e.Status)).ToDictionary(g => g.Key, g => g.Count());
        var byLedger = expectedCounts.Keys.Union(storedCounts.Keys).ToDictionary(k => k, k => (expectedCounts.GetValueOrDefault(k), storedCounts.GetValueOrDefault(k)));

        // The webhook: every outbox record delivered, each key received once.
        int records = 0, undelivered = 0, received = 0, missing = 0, redelivered = 0, webhookWrong = 0;
        if (webhook is not null)
        {
            var outbox = db.GetCollection<OutboxRecord>("ledger_outbox").Find(r => r.Adapter == "webhook").ToList();
            records = outbox.Count;
            undelivered = outbox.Count(r => r.DeliveredAt == null);
            received = webhook.WebhookAccepted.Count;
            missing = outbox.Count(r => !webhook.WebhookAccepted.ContainsKey(r.Event.Key));
            redelivered = webhook.WebhookAccepted.Values.Count(n => n > 1);
            foreach (var entry in entries)
            {
                if (!webhook.WebhookEntries.TryGetValue(entry.Id, out var seen) || seen.Created != 1 || seen.Status != entry.Status.ToString())
                {
                    webhookWrong++;
                    if (webhookWrong <= 10)
                    {
                        details.Add($"webhook: entry {entry.Id} arrived as {(seen.Status ?? "nothing")} with {seen.Created} created events; the file has {entry.Status}");
                    }
                }
            }
        }

        // Follow-up notices: one per close-out that told the reporter.
        var noticesExpected = 0;
        var noticesMissing = 0;
        if (webhook is not null)
        {
            foreach (var entry in expected.Entries.Values)
            {
                var resolvedCloseOuts = stored.TryGetValue(entry.Id, out var actual) ? actual.History.Count(h => h.To == EntryStatus.Resolved) : 0;
                noticesExpected += resolvedCloseOuts;
                var got = webhook.Inboxes.FollowUpNotices.GetValueOrDefault(entry.Id);
                if (got < resolvedCloseOuts)
                {
                    noticesMissing += resolvedCloseOuts - got;
                    details.Add($"entry {entry.Id}: {got} of {resolvedCloseOuts} follow-up notices reached its reporter ({entry.Channel})");
                }
            }
        }

        var findings = new Findings
        {
            VisitsConfirmed = expected.Visits.Values.Count(v => v.Sent == Sent.Confirmed),
            VisitsUnconfirmed = expected.Visits.Values.Count(v => v.Sent == Sent.Unconfirmed),
            VisitsInDatabase = visits.Count,
            VisitsLost = lost,
            VisitsDuplicated = duplicated,
            VisitsWrong = wrong,
            VisitsUnknown = unknownVisits,
            EntriesConfirmed = expected.Entries.Count,
            EntriesInDatabase = entries.Count,
            EntriesLost = entriesLost,
            EntriesDuplicated = entriesDuplicated,
            EntriesWrongStatus = wrongStatus,
            EntriesUnknown = unknownEntries.Count,
            CloseOutsDuplicated = closeOutsDuplicated,
            CloseOutsLost = closeOutsLost,
            VisitsByKind = visitsByKind,
            EntriesByLedger = byLedger,
            WebhookRecords = records,
            WebhookUndelivered = undelivered,
            WebhookKeysReceived = received,
            WebhookKeysMissing = missing,
            WebhookRedelivered = redelivered,
            WebhookEntriesWrong = webhookWrong,
            FollowUpNoticesExpected = noticesExpected,
            FollowUpNoticesMissing = noticesMissing,
        };
        findings.Details.AddRange(details);
        return findings;
    }
}
