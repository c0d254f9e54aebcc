using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Roster;
using OutreachBot.Storage;
using OutreachBot.Storage.LiteDb;

namespace OutreachBot.Identity;

/// <summary>
/// Binds chat identities to cadres and staff with one-time codes. Every chat user is a resident until they bind;
/// an administrator creates the code on the command line, the person types it into the chat.
/// </summary>
public sealed class IdentityService(
    IRosterStore roster,
    BindingStore store,
    IIdentityResolver resolver,
    TimeProvider clock,
    IOptions<IdentityOptions> options,
    ILogger<IdentityService> logger)
{
    public const int CodeLength = 8;

    /// <summary>The wrong codes of everyone, kept beside each user's own; a chat identity's key always holds a '|'.</summary>
    private const string CountyKey = "county";

    private readonly IdentityOptions _options = options.Value;

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
        lock (store.Gate)
        {
            while (true)
            {
                var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                var hash = store.Hash(code);
                if (store.Codes.FindById(hash) is null)
                {
                    store.Codes.Insert(new BindCode(hash, role, personId, now, expires));
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
        lock (store.Gate)
        {
            // Refused attempts are not counted, so a pause ends when its wrong codes age out of the window.
            var county = store.Attempts.FindById(CountyKey) ?? new BindingStore.FailedAttempts { Id = CountyKey };
            county.At.RemoveAll(at => at <= now.AddMinutes(-_options.CountyFailedAttemptWindowMinutes));
            if (county.At.Count >= _options.CountyMaxFailedAttempts)
            {
                logger.LogInformation("Bind refused for {User}: binding is paused county-wide", Redact.Id(key));
                return new BindResult(BindOutcome.Paused);
            }

            var attempts = store.Attempts.FindById(key) ?? new BindingStore.FailedAttempts { Id = key };
            attempts.At.RemoveAll(at => at <= now.AddMinutes(-_options.FailedAttemptWindowMinutes));
            if (attempts.At.Count >= _options.MaxFailedAttempts)
            {
                return new BindResult(BindOutcome.TooManyAttempts);
            }

            var digits = Normalize(code);
            var found = digits.Length == CodeLength ? store.Codes.FindById(store.Hash(digits)) : null;
            var outcome = found?.Check(now) ?? BindOutcome.UnknownCode;
            if (outcome == BindOutcome.Bound && !PersonExists(found!))
            {
                outcome = BindOutcome.UnknownCode;
            }

            if (outcome != BindOutcome.Bound)
            {
                attempts.At.Add(now);
                store.Attempts.Upsert(attempts);
                county.At.Add(now);
                store.Attempts.Upsert(county);
                logger.LogInformation("Bind refused for {User}: {Outcome}", Redact.Id(key), outcome);
                var pauseBegan = county.At.Count == _options.CountyMaxFailedAttempts;
                if (pauseBegan)
                {
                    logger.LogWarning(
                        "{Count} wrong bind codes county-wide within {Minutes} minutes: someone may be guessing codes. Binding is paused for everyone until they age out.",
                        county.At.Count,
                        _options.CountyFailedAttemptWindowMinutes);
                }

                return new BindResult(outcome, PauseBegan: pauseBegan);
            }

            Save(found!, key, channelId, userId, now);
            logger.LogInformation("{User} bound as a {Role} ({Person})", Redact.Id(key), found!.Role, Redact.Id(found.PersonId));
            return new BindResult(BindOutcome.Bound, resolver.Resolve(channelId, userId));
        }
    }

    /// <summary>Forgets the binding of this chat identity; the user is a resident again.</summary>
    public bool Unbind(string channelId, string userId) => store.Remove(channelId, userId);

    private void Save(BindCode code, string key, string channelId, string userId, DateTimeOffset now)
    {
        var database = store.Database;
        var own = database.BeginTrans();
        try
        {
            code.MarkUsed(now, key);
            store.Codes.Update(code);
            store.Bindings.Upsert(new Binding(channelId, userId, code.Role, code.PersonId, now));
            store.Attempts.Delete(key);
            if (own)
            {
                database.Commit();
                database.Flush();
            }
        }
        catch
        {
            if (own)
            {
                database.Rollback();
            }

            throw;
        }
    }

    private bool PersonExists(BindCode code) =>
        code.Role == Role.Cadre ? roster.FindCadre(code.PersonId) is not null : roster.FindStaff(code.PersonId) is not null;

    private static string Normalize(string? code) =>
        new((code ?? "").Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c).Where(char.IsAsciiDigit).ToArray());
}
