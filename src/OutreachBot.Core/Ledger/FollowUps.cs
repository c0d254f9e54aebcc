using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Dialogs;
using OutreachBot.Texts;

namespace OutreachBot.Ledger;

/// <summary>
/// 回访: once an entry is closed out, its reporter hears what was done and is asked 满意 / 基本满意 / 不满意 (the
/// follow-up dialog starts in their conversation, unless they are busy in another dialog); asked once more after
/// <see cref="LedgerOptions.FollowUpRepeatAfter"/> without an answer. An entry closed as 无法解决 is explained, not rated.
/// </summary>
public sealed class FollowUps(
    ProactiveMessenger messenger,
    DialogStarter dialogs,
    ILedgerStore store,
    TextCatalog texts,
    TimeProvider clock,
    IOptions<LedgerOptions> options)
{
    public const string Dialog = "follow-up";
    public const string Template = "follow_up";

    public async Task<NoticeResult> AfterCloseOutAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Status == EntryStatus.ClosedUnresolved)
        {
            var reason = entry.History[^1].Note;
            return await messenger.NotifyAsync(entry.Reporter.ChannelId, entry.Reporter.UserId,
                Notice(texts.Format(LedgerTexts.UnresolvedNotice, ("id", entry.Id), ("kind", entry.Kind), ("reason", reason)), entry), cancellationToken).ConfigureAwait(false);
        }

        return await AskAsync(entry, again: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The scheduled part: asks again those who have not answered the first question.</summary>
    public async Task<int> RepeatDueAsync(CancellationToken cancellationToken)
    {
        var due = clock.GetUtcNow() - options.Value.FollowUpRepeatAfter;
        var asked = 0;
        foreach (var entry in store.WithStatus(EntryStatus.Resolved).Where(e => e.FollowUpsSent == 1 && e.LastFollowUpAt <= due))
        {
            if (await AskAsync(entry, again: true, cancellationToken).ConfigureAwait(false) == NoticeResult.Sent)
            {
                asked++;
            }
        }

        return asked;
    }

    private async Task<NoticeResult> AskAsync(LedgerEntry entry, bool again, CancellationToken cancellationToken)
    {
        var text = texts.Format(again ? LedgerTexts.FollowUpAgain : LedgerTexts.FollowUpNotice, ("id", entry.Id), ("kind", entry.Kind), ("resolution", entry.Resolution));
        var result = await messenger.ContinueAsync(entry.Reporter.ChannelId, entry.Reporter.UserId, async (turn, ct) =>
        {
            await turn.SendActivityAsync(ProactiveMessenger.ToActivity(Notice(text, entry)), ct).ConfigureAwait(false);
            if (!await dialogs.StartIfIdleAsync(turn, Dialog, new Dictionary<string, string> { ["entry"] = entry.Id }, ct).ConfigureAwait(false))
            {
                await turn.SendActivityAsync(texts[LedgerTexts.FollowUpBusy], cancellationToken: ct).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);

        if (result == NoticeResult.Sent)
        {
            var fresh = store.Find(entry.Id)!;
            fresh.FollowUpSent(clock.GetUtcNow());
            store.Save(fresh);
        }

        return result;
    }

    private static Notice Notice(string text, LedgerEntry entry) =>
        new(text, Template, new Dictionary<string, string> { ["number"] = entry.Id, ["kind"] = entry.Kind, ["status"] = entry.Status.ChineseName() });
}
