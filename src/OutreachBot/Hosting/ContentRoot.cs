namespace OutreachBot.Hosting;

/// <summary>
/// The folder holding appsettings.json, dialogs/ and seeds/: the repository root when run from a clone
/// (found by walking up from the working directory, as `dotnet run --project` starts in the project folder),
/// else the application folder, where the build copies them.
/// </summary>
public static class ContentRoot
{
    public const string EnvironmentVariable = "OUTREACHBOT_ROOT";

    public static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (IsRoot(folder.FullName))
            {
                return folder.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    private static bool IsRoot(string folder) =>
        File.Exists(Path.Combine(folder, "appsettings.json")) && Directory.Exists(Path.Combine(folder, "dialogs"));
}
