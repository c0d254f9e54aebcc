namespace OutreachBot.Bench.Replay;

public static class Paths
{
    /// <summary>The repository root (the folder holding OutreachBot.sln), found from the working directory up.</summary>
    public static string Repository { get; } = Find();

    /// <summary>The host as run-all.sh builds it.</summary>
    public static string DefaultHostDll => Path.Combine(Repository, "src", "OutreachBot", "bin", "Release", "net10.0", "OutreachBot.dll");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OutreachBot.sln")))
            {
                return folder.FullName;
            }
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OutreachBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run from inside the repository.");
    }

    /// <summary>The repository a host build belongs to (its dialogs/, seeds/ and appsettings.json), else the build's folder.</summary>
    public static string RootOf(string hostDll)
    {
        for (var folder = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(hostDll))!); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(folder.FullName, "dialogs")) && File.Exists(Path.Combine(folder.FullName, "OutreachBot.sln")))
            {
                return folder.FullName;
            }
        }

        return Path.GetDirectoryName(Path.GetFullPath(hostDll))!;
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
