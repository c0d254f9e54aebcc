using Microsoft.Extensions.Logging;

namespace OutreachBot.Ledger;

/// <summary>
/// Fills an empty routing table from seeds/ledger/routing.csv (scope,kind,unit). Once staff have edited the table
/// in the database, the file is no longer read: the database is the table, the file only its first version.
/// </summary>
public static class RoutingSeeds
{
    public static int LoadIfEmpty(RoutingTable table, string file, ILogger logger)
    {
        if (table.Count() > 0 || !File.Exists(file))
        {
            return 0;
        }

        var loaded = 0;
        foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l, i + 1)).Skip(1))
        {
            var cells = line.Split(',', StringSplitOptions.TrimEntries);
            if (cells.Length != 3 || cells.Any(c => c.Length == 0))
            {
                logger.LogWarning("{File}:{Line}: a routing rule needs scope,kind,unit; skipped", Path.GetFileName(file), number);
                continue;
            }

            table.Set(cells[0], cells[1], cells[2], "seeds");
            loaded++;
        }

        return loaded;
    }
}
