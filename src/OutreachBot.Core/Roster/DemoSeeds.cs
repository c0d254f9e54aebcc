using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OutreachBot.Identity;
using OutreachBot.Roster.Import;
using OutreachBot.Storage;
using Sylvan.Data.Csv;

namespace OutreachBot.Roster;

/// <summary>The <c>Seeds</c> section of appsettings.json.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seeds";

    /// <summary>Load the demo county and its demo identities. Off unless appsettings.json turns it on.</summary>
    public bool Demo { get; set; }

    /// <summary>The seeds folder, relative to the folder holding appsettings.json; the roster is in its roster/ folder.</summary>
    public string Path { get; set; } = "seeds";
}

/// <summary>
/// Loads the demo county (seeds/roster/*.csv) through the ordinary importer, and binds the demo identities of
/// demo-identities.csv on every channel (they count only for callers on this machine: see RosterIdentityResolver). Idempotent: the import adds or updates by id, and is skipped when the files
/// are unchanged since the last load. With the demo off, the demo bindings are removed (the demo roster stays).
/// </summary>
public sealed class DemoSeeds(IRosterStore roster, IBindingStore bindings, ISeedLog seeds, TimeProvider clock, SeedOptions options, string contentRoot, ILogger logger)
{
    public const string IdentitiesFile = "demo-identities.csv";
    private const string RosterSeed = "roster";

    public DemoSeedReport Apply()
    {
        var watch = Stopwatch.StartNew();
        if (!options.Demo)
        {
            var removed = bindings.RemoveDemoBindings();
            if (removed > 0)
            {
                logger.LogInformation("Demo is off: {Count} demo bindings removed", removed);
            }

            return new DemoSeedReport(false, false, 0, watch.Elapsed);
        }

        var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(options.Path, "roster"), contentRoot);
        var fingerprint = Fingerprint(folder);
        var imported = false;
        if (seeds.FingerprintOf(RosterSeed) != fingerprint)
        {
            var result = new RosterImporter(roster, clock).Import(RosterSource.FromFolder(folder));
            if (!result.Succeeded)
            {
                throw new InvalidDataException($"The demo roster in {folder} does not import:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
            }

            seeds.Loaded(RosterSeed, fingerprint, clock.GetUtcNow());
            imported = true;
        }

        var identities = BindIdentities(System.IO.Path.Combine(folder, IdentitiesFile));
        logger.LogWarning("Demo identities are active: on this machine (console chat, anonymous /api/messages from loopback) the user ids demo-cadre and demo-staff count as a cadre and a staff member; elsewhere they are villagers. Set Seeds__Demo=false for real use.");
        logger.LogInformation("Demo county ready in {Elapsed} ms (imported: {Imported}, demo identities: {Identities})", watch.ElapsedMilliseconds, imported, identities);
        return new DemoSeedReport(true, imported, identities, watch.Elapsed);
    }

    private int BindIdentities(string file)
    {
        if (!File.Exists(file))
        {
            return 0;
        }

        using var csv = CsvDataReader.Create(file);
        var count = 0;
        while (csv.Read())
        {
            var userId = csv.GetString(csv.GetOrdinal("user_id"));
            var role = Enum.Parse<Role>(csv.GetString(csv.GetOrdinal("role")), ignoreCase: true);
            var personId = csv.GetString(csv.GetOrdinal("person_id"));
            var known = role == Role.Cadre ? roster.FindCadre(personId) is not null : roster.FindStaff(personId) is not null;
            if (!known)
            {
                throw new InvalidDataException($"{file}: the demo identity {userId} names {personId}, who is not in the demo roster.");
            }

            bindings.Save(new Binding(Binding.AnyChannel, userId, role, personId, clock.GetUtcNow(), demo: true));
            count++;
        }

        return count;
    }

    private static string Fingerprint(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*.*").Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(System.IO.Path.GetFileName(file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

public sealed record DemoSeedReport(bool Demo, bool Imported, int Identities, TimeSpan Elapsed);
