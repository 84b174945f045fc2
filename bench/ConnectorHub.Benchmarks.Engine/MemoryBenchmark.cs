using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Benchmarks.Measurement;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Benchmarks.Engine;

/// <summary>
/// Peak resident memory of one big sync inside the hub itself: the real host (<c>ConnectorHub.Host</c>, Release, its
/// own GC settings: server GC) as a child process with the benchmark plugins, set up and run through the REST API;
/// the peak is the kernel's high-water mark of the process (<c>VmHWM</c> in <c>/proc/&lt;pid&gt;/status</c>).
/// </summary>
internal static class MemoryBenchmark
{
    public static async Task<int> RunAsync(int records, string store)
    {
        Console.WriteLine($"Start: {MachineLoad.Describe()}");
        var postgres = store == "Postgres" ? await BenchPostgres.CreateDatabaseAsync("engine_memory", "-c shared_buffers=256MB") : null;
        using var folder = new TempDirectory("engine-memory");
        var environment = new Dictionary<string, string>
        {
            ["ConnectorHub__Plugins__Directory"] = BenchHub.PluginsDirectory,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (postgres is not null)
        {
            Console.WriteLine(await BenchPostgres.DescribeAsync(postgres));
            environment["ConnectorHub__Storage__Provider"] = "Postgres";
            environment["ConnectorHub__Storage__ConnectionString"] = postgres;
        }

        await using var hub = await HubProcess.StartAsync(folder.Path, environment);
        Console.WriteLine($"Hub process {hub.ProcessId}: {HubProcess.HostAssembly}, {GcMode()}, store {store}.");
        var syncId = await SetUpAsync(hub.Client, records);
        var before = Status(hub.ProcessId, "VmHWM");
        CpuSource[] database = postgres is null ? [] : [await CpuSource.PostgresAsync(postgres)];
        var meter = new CpuMeter([CpuSource.Process("hub", hub.ProcessId), .. database]);
        JsonNode? run = null;
        var largest = 0.0;
        var cost = await meter.MeasureAsync(async () =>
        {
            var queued = await PostAsync(hub.Client, $"/api/syncs/{syncId}/runs", new { });
            var runId = queued["id"]!.GetValue<Guid>();
            await Eventually.HoldsAsync(async () =>
            {
                largest = Math.Max(largest, Status(hub.ProcessId, "VmRSS"));
                run = await hub.Client.GetFromJsonAsync<JsonNode>($"/api/runs/{runId}");
                return run!["status"]!.ToString() is "Succeeded" or "Failed" or "Cancelled" or "Interrupted";
            }, TimeSpan.FromMinutes(30), "the sync run ends");
        });
        var written = run!["streams"]![0]!["recordsWritten"]!.GetValue<long>();
        if (run["status"]!.ToString() != "Succeeded" || written != records)
        {
            throw new InvalidOperationException($"The run ended {run["status"]} with {written:N0} records written: {run["error"]}");
        }

        var peak = Status(hub.ProcessId, "VmHWM");
        Console.WriteLine($"End: {MachineLoad.Describe()}");
        // What the resident set is made of after the run: anonymous memory (GC heap, native allocations, stacks) and
        // mapped files (assemblies, native libraries), which a process of the same code shares with the page cache.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"After the run: RSS {Status(hub.ProcessId, "VmRSS"):0} MB = anonymous {Status(hub.ProcessId, "RssAnon"):0} MB + files {Status(hub.ProcessId, "RssFile"):0} MB + shared {Status(hub.ProcessId, "RssShmem"):0} MB."));
        Console.WriteLine();
        Console.WriteLine("| store | records | run | records/s | hub CPU µs/record | PostgreSQL CPU µs/record | peak RSS before the run | largest RSS seen while it ran | peak RSS (VmHWM) of the hub process |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var pg = cost.SecondsOf("PostgreSQL") is { } seconds ? (seconds / records * 1e6).ToString("0.00", CultureInfo.InvariantCulture) : "-";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {store} | {records:N0} | {cost.Wall.TotalSeconds:0.0} s | {records / cost.Wall.TotalSeconds:N0} | {cost.SecondsOf("hub") / records * 1e6:0.00} | {pg} | {before:0} MB | {largest:0} MB | **{peak:0} MB** |"));
        return 0;
    }

    private static async Task<Guid> SetUpAsync(HttpClient client, int records)
    {
        var setup = await PostAsync(client, "/api/setup", new { userName = "bench", password = "bench-password-1234", apiTokenName = "bench" });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", setup["apiToken"]!.GetValue<string>());
        var source = await PostAsync(client, "/api/connections", new { name = "generator", pluginId = "generator", config = new { count = records, state_every = 1000 } });
        var target = await PostAsync(client, "/api/connections", new { name = "discard", pluginId = "discard", config = new { } });
        var sync = await PostAsync(client, "/api/syncs", new
        {
            name = "bench",
            sourceConnectionId = source["id"]!.GetValue<Guid>(),
            destinationConnectionId = target["id"]!.GetValue<Guid>(),
            streams = new[] { new { name = "contacts", mapping = BenchHub.Mapping } },
        });
        return sync["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>A memory figure of the process in MB, from <c>/proc/&lt;pid&gt;/status</c> (<c>VmHWM</c> is the peak resident set).</summary>
    private static double Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string GcMode()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(HubProcess.HostAssembly, ".runtimeconfig.json")));
        var server = config?["runtimeOptions"]?["configProperties"]?["System.GC.Server"]?.GetValue<bool>() ?? false;
        var mode = server ? "server GC (System.GC.Server in its runtimeconfig.json)" : "workstation GC";
        var overrides = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase) || k.Equals("DOTNET_gcServer", StringComparison.OrdinalIgnoreCase))
            .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}").ToArray();
        return overrides.Length == 0 ? mode : $"{mode}, overridden by {string.Join(", ", overrides)}";
    }
}
