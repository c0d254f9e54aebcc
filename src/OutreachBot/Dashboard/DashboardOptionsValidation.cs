using Microsoft.Extensions.Options;

namespace OutreachBot.Dashboard;

/// <summary>Checks the Dashboard section at start-up, so a weak password or a bad address stops the server with a
/// message naming the key instead of being found by someone guessing.</summary>
internal sealed class DashboardOptionsValidation : IValidateOptions<DashboardOptions>
{
    /// <summary>With 10 guesses a minute per address, 12 characters put the password out of reach; shorter shared
    /// passwords (a county name and a year) fall to a word list.</summary>
    public const int MinimumPasswordLength = 12;

    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        if (options.Password.Length is > 0 and < MinimumPasswordLength)
        {
            // Never the password itself: start-up failures end up in logs.
            failures.Add($"{DashboardOptions.Section}:Password must be at least {MinimumPasswordLength} characters (it has {options.Password.Length}); leave it empty to turn password login off.");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{DashboardOptions.Section}:PublicBaseUrl must be an absolute http or https address, such as https://outreach.example.cn.");
        }

        if (options.LoginAttemptsPerMinute < 1 || options.LoginAttemptsPerMinuteInAll < 1)
        {
            failures.Add($"{DashboardOptions.Section}:LoginAttemptsPerMinute and LoginAttemptsPerMinuteInAll must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
