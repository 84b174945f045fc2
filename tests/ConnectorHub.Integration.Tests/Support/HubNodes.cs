using System.Globalization;
using ConnectorHub.Core.Runs;
using ConnectorHub.Core.Storage;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Integration.Tests.Support;

/// <summary>Starts real hub processes on one database, tuned to notice a dead node within seconds.</summary>
public static class HubNodes
{
    /// <summary>Starts a hub process on the database with the test plugins; <paramref name="settings"/> (environment names) win.</summary>
    public static Task<HubProcess> StartAsync(StorageProvider provider, string connectionString, string workingDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectorHub__Storage__Provider"] = provider.ToString(),
            ["ConnectorHub__Storage__ConnectionString"] = connectionString,
            ["ConnectorHub__Plugins__Directory"] = RepoPaths.TestPlugins,
            ["ConnectorHub__Runner__BatchSize"] = "10",
            ["ConnectorHub__Runner__HeartbeatInterval"] = "00:00:00.500",
            // Heartbeats every 0.5 s; 6 s of silence means dead even on a machine loaded well past its cores.
            ["ConnectorHub__Runner__StaleAfter"] = "00:00:06",
            ["ConnectorHub__Scheduling__RecoveryInterval"] = "00:00:01",
            ["ConnectorHub__Scheduling__LockTimeout"] = "00:00:05",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return HubProcess.StartAsync(workingDirectory, environment);
    }

    /// <summary>Whether <paramref name="run"/> executes on <paramref name="node"/>.</summary>
    public static bool RunsOn(this RunView run, HubProcess node) =>
        run.Node?.EndsWith(":" + node.ProcessId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) == true;
}
