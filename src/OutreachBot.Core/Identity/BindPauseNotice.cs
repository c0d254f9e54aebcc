using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Roster;
using OutreachBot.Texts;

namespace OutreachBot.Identity;

/// <summary>
/// Tells the county office's staff, on whatever channel each bound, that binding has paused because of many wrong
/// codes: someone may be guessing, and cadres who cannot bind meanwhile will ask them why. When the county office has
/// no staff in the roster, every staff member is told.
/// </summary>
public sealed class BindPauseNotice(IRosterStore roster, IBindingStore bindings, ProactiveMessenger messenger, TextCatalog texts, IOptions<IdentityOptions> options)
{
    public const string Template = "bind_paused";

    /// <summary>Returns how many chat accounts the notice reached.</summary>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var minutes = settings.CountyFailedAttemptWindowMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var count = settings.CountyMaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var notice = new Notice(
            texts.Format(IdentityTexts.PausedNotice, ("count", count), ("minutes", minutes)),
            Template,
            new Dictionary<string, string> { ["count"] = count, ["minutes"] = minutes });
        var staff = roster.AllStaff().ToList();
        var county = staff.Where(s => s.IsCountyOffice).ToList();
        var told = 0;
        foreach (var person in county.Count > 0 ? county : staff)
        {
            foreach (var binding in bindings.BindingsOf(person.Id))
            {
                if (await messenger.NotifyAsync(binding.ChannelId, binding.UserId, notice, cancellationToken).ConfigureAwait(false) == NoticeResult.Sent)
                {
                    told++;
                }
            }
        }

        return told;
    }
}
