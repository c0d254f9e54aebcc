using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Roster;

namespace OutreachBot.Identity;

/// <summary>
/// Binds chat identities to cadres and staff with one-time codes. Every chat user is a resident until they bind;
/// an administrator creates the code on the command line, the person types it into the chat.
/// </summary>
public sealed class IdentityService(
    IRosterStore roster,
    IBindingStore store,
    IIdentityResolver resolver,
    TimeProvider clock,
    IOptions<IdentityOptions> options,
    ILogger<IdentityService> logger)
{
    public const int CodeLength = 8;

    /// <summary>
    /// PBKDF2 rounds for hashing a code. A code has only 10^8 values, so a fast hash would be undone by trying them
    /// all; at this cost that takes days of computing, longer than a code lives.
    /// </summary>
    private const int HashIterations = 100_000;

    private readonly IdentityOptions _options = options.Value;

    /// <summary>One bind or code creation at a time: the county-wide count of wrong codes is read, then written.</summary>
    private readonly Lock _gate = new();

    /// <summary>Creates a code for a cadre or staff member of the roster. Throws <see cref="RosterRuleException"/> for an unknown id.</summary>
    public IssuedBindCode CreateCode(Role role, string personId)
    {
        var name = role switch
        {
            Role.Cadre => roster.FindCadre(personId)?.Name ?? throw new RosterRuleException($"没有编号为 {personId} 的干部。"),
            Role.Staff => roster.FindStaff(personId)?.Name ?? throw new RosterRuleException($"没有编号为 {personId} 的工作人员。"),
            _ => throw new ArgumentException("A code binds a cadre or a staff member.", nameof(role)),
        };
        var now = clock.GetUtcNow();
        var expires = now.AddHours(_options.BindCodeHours);
        lock (_gate)
        {
            while (true)
            {
                var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                if (store.AddCode(new BindCode(Hash(code), role, personId, now, expires)))
                {
                    logger.LogInformation("Bind code created for a {Role} ({Person}), expires {Expires:o}", role, Redact.Id(personId), expires);
                    return new IssuedBindCode(code, role, personId, name, expires);
                }
            }
        }
    }

    /// <summary>
    /// What the dialog calls when a user types "绑定 12345678". Spaces and full-width digits are accepted.
    /// On success the chat user is from now on the cadre or staff member the code was made for.
    /// </summary>
    public BindResult Bind(string channelId, string userId, string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var key = Binding.KeyOf(channelId, userId);
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            // Refused attempts are not counted, so a pause ends when its wrong codes age out of the window.
            var countyCutoff = now.AddMinutes(-_options.CountyFailedAttemptWindowMinutes);
            var county = store.CountyFailedAttempts().Count(at => at > countyCutoff);
            if (county >= _options.CountyMaxFailedAttempts)
            {
                logger.LogInformation("Bind refused for {User}: binding is paused county-wide", Redact.Id(key));
                return new BindResult(BindOutcome.Paused);
            }

            var cutoff = now.AddMinutes(-_options.FailedAttemptWindowMinutes);
            if (store.FailedAttemptsOf(key).Count(at => at > cutoff) >= _options.MaxFailedAttempts)
            {
                return new BindResult(BindOutcome.TooManyAttempts);
            }

            var digits = Normalize(code);
            var found = digits.Length == CodeLength ? store.FindCode(Hash(digits)) : null;
            var outcome = found?.Check(now) ?? BindOutcome.UnknownCode;
            if (outcome == BindOutcome.Bound && !PersonExists(found!))
            {
                outcome = BindOutcome.UnknownCode;
            }

            if (outcome != BindOutcome.Bound)
            {
                store.AddFailedAttempt(key, now, cutoff, countyCutoff);
                county++;
                logger.LogInformation("Bind refused for {User}: {Outcome}", Redact.Id(key), outcome);
                var pauseBegan = county == _options.CountyMaxFailedAttempts;
                if (pauseBegan)
                {
                    logger.LogWarning(
                        "{Count} wrong bind codes county-wide within {Minutes} minutes: someone may be guessing codes. Binding is paused for everyone until they age out.",
                        county,
                        _options.CountyFailedAttemptWindowMinutes);
                }

                return new BindResult(outcome, PauseBegan: pauseBegan);
            }

            if (!store.Bind(found!.Id, new Binding(channelId, userId, found.Role, found.PersonId, now)))
            {
                // Another process used the code between the check above and now.
                logger.LogInformation("Bind refused for {User}: {Outcome}", Redact.Id(key), BindOutcome.AlreadyUsed);
                return new BindResult(BindOutcome.AlreadyUsed);
            }

            logger.LogInformation("{User} bound as a {Role} ({Person})", Redact.Id(key), found!.Role, Redact.Id(found.PersonId));
            return new BindResult(BindOutcome.Bound, resolver.Resolve(channelId, userId));
        }
    }

    /// <summary>Forgets the binding of this chat identity; the user is a resident again.</summary>
    public bool Unbind(string channelId, string userId) => store.Remove(channelId, userId);

    private string Hash(string code) =>
        Convert.ToHexStringLower(Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), store.CodeSalt(), HashIterations, HashAlgorithmName.SHA256, 32));

    private bool PersonExists(BindCode code) =>
        code.Role == Role.Cadre ? roster.FindCadre(code.PersonId) is not null : roster.FindStaff(code.PersonId) is not null;

    private static string Normalize(string? code) =>
        new((code ?? "").Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c).Where(char.IsAsciiDigit).ToArray());
}
