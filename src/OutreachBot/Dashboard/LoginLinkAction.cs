using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Dialogs;
using OutreachBot.Identity;

namespace OutreachBot.Dashboard;

/// <summary>
/// <c>do: dashboard.login-link</c> (dialogs/dashboard.yaml, typed as 后台登录): sends a bound staff member a
/// one-time link into the dashboard. The dialog file allows only staff; this checks again, since a link is a key.
/// </summary>
public sealed class LoginLinkAction(LoginLinks links, IOptions<DashboardOptions> options, ILogger<LoginLinkAction> logger) : IDialogAction
{
    public string Name => "dashboard.login-link";

    public async Task<ActionResult> RunAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Role != Role.Staff || context.User.PersonId is null)
        {
            await context.SayAsync(context.Texts[DashboardTexts.NotStaff], cancellationToken);
            return ActionResult.End;
        }

        var link = links.Issue(context.User.PersonId);
        logger.LogInformation("Dashboard login link issued to staff {Staff}", Redact.Id(context.User.PersonId));
        await context.SayAsync(context.Texts.Format(DashboardTexts.LoginLink, ("link", link.Url), ("minutes", options.Value.LoginLinkMinutes)), cancellationToken);
        return ActionResult.End;
    }
}
