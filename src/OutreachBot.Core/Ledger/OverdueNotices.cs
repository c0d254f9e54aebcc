using OutreachBot.Conversations;
using OutreachBot.Identity;
using OutreachBot.Roster;
using OutreachBot.Texts;
using OutreachBot.Time;

namespace OutreachBot.Ledger;

/// <summary>
/// An entry past its time limit is told, once, to the cadres stationed in its village, its assigned cadre and the
/// staff of its township (or the county office), on whatever channel each of them bound.
/// </summary>
public sealed class OverdueNotices(LedgerStore store, IRosterStore roster, IBindingStore bindings, ProactiveMessenger messenger, TextCatalog texts, TimeProvider clock)
{
    public const string Template = "overdue";

    public async Task<int> NotifyDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var told = 0;
        foreach (var entry in store.All().Where(e => e.IsOverdue(now) && e.OverdueNoticeAt is null).ToList())
        {
            var text = texts.Format(LedgerTexts.OverdueNotice, ("id", entry.Id), ("village", entry.VillageName), ("kind", entry.Kind), ("due", ChinaTime.Format(entry.DueAt)));
            var notice = new Notice(text, Template, new Dictionary<string, string> { ["number"] = entry.Id, ["kind"] = entry.Kind, ["due"] = ChinaTime.Format(entry.DueAt) });
            foreach (var person in Responsible(entry))
            {
                foreach (var binding in bindings.BindingsOf(person))
                {
                    if (await messenger.NotifyAsync(binding.ChannelId, binding.UserId, notice, cancellationToken).ConfigureAwait(false) == NoticeResult.Sent)
                    {
                        told++;
                    }
                }
            }

            entry.OverdueNoticeSent(now);
            store.Save(entry);
        }

        return told;
    }

    private IEnumerable<string> Responsible(LedgerEntry entry)
    {
        var people = roster.CadresIn(entry.VillageId).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (entry.AssignedCadreId is { } cadre)
        {
            people.Add(cadre);
        }

        var township = roster.FindVillage(entry.VillageId)?.TownshipId;
        people.UnionWith(roster.AllStaff().Where(s => s.IsCountyOffice || s.TownshipId == township).Select(s => s.Id));
        return people;
    }
}
