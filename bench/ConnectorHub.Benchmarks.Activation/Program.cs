using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ConnectorHub.Benchmarks.Activation;
using ConnectorHub.Benchmarks.Measurement;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.CustomAudiences;
using ConnectorHub.TestSupport;

// Usage: dotnet run -c Release -- [rounds=5]
// A tracked identify makes a new person enter a segment; how long until Meta's (emulated) audience holds them, with
// the default settings: the segment refreshes every 30 s and its activation runs after each refresh. The baseline is
// that refresh interval: a change can wait up to one interval before any refresh sees it.
var rounds = args.Select(a => a.Split('=', 2)).Where(p => p is ["rounds", _]).Select(p => int.Parse(p[1], CultureInfo.InvariantCulture)).FirstOrDefault(5);
const string AdAccount = "1234567890";
var refreshInterval = TimeSpan.FromSeconds(30);

Console.WriteLine($"Start: {MachineLoad.Describe()}");
var connectionString = await BenchPostgres.CreateDatabaseAsync("activation_latency", "-c shared_buffers=128MB");
Console.WriteLine(await BenchPostgres.DescribeAsync(connectionString));
var meta = new MetaCustomAudiencesEmulator();
await using var metaHost = await EmulatorHost.StartAsync(meta);
var audience = meta.CreateAudience(AdAccount, "Gold plan");
using var folder = new TempDirectory("activation-latency");
await using var hub = await HubProcess.StartAsync(folder.Path, new Dictionary<string, string>
{
    ["ConnectorHub__Storage__Provider"] = "Postgres",
    ["ConnectorHub__Storage__ConnectionString"] = connectionString,
    ["ConnectorHub__Plugins__Directory"] = RepoPaths.Plugins,
    ["Logging__LogLevel__Default"] = "Warning",
});
var writeKey = await LatencyHub.SetUpAsync(hub.Client, metaHost.BaseAddress, AdAccount, audience.Id);
using var tracker = new HttpClient { BaseAddress = hub.BaseAddress };
var meter = new CpuMeter(CpuSource.Process("hub", hub.ProcessId), await CpuSource.PostgresAsync(connectionString));
tracker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));

Console.WriteLine($"Tracked identify → segment (default refresh, every {refreshInterval.TotalSeconds:0} s) → activation → Meta Custom Audiences emulator; PostgreSQL; {rounds} people, one at a time.");
Console.WriteLine();
Console.WriteLine("| person | identify answered | in Meta's audience after | / refresh interval | hub CPU meanwhile | PostgreSQL CPU meanwhile |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
var latencies = new List<TimeSpan>();
for (var round = 1; round <= rounds; round++)
{
    var email = $"gold-{round}-{Guid.NewGuid():N}@example.com";
    var hashed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email)));
    var acknowledged = TimeSpan.Zero;
    var cost = await meter.MeasureAsync(async () =>
    {
        var clock = Stopwatch.StartNew();
        using var answer = await tracker.PostAsJsonAsync("/v1/identify", new { userId = $"user-{round}-{Guid.NewGuid():N}", traits = new { email, plan = "gold" } });
        answer.EnsureSuccessStatusCode();
        acknowledged = clock.Elapsed;
        await Eventually.HoldsAsync(() => audience.Contains("EMAIL", hashed), TimeSpan.FromSeconds(300), $"person {round} reaches Meta's audience");
    });
    latencies.Add(cost.Wall);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {round} | {acknowledged.TotalMilliseconds:N0} ms | {cost.Wall.TotalSeconds:0.0} s | {cost.Wall / refreshInterval:0.00} | {cost.SecondsOf("hub"):0.00} s | {cost.SecondsOf("PostgreSQL"):0.00} s |"));
}

latencies.Sort();
Console.WriteLine();
Console.WriteLine($"End: {MachineLoad.Describe()}");
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median {latencies[latencies.Count / 2].TotalSeconds:0.0} s, worst {latencies[^1].TotalSeconds:0.0} s (goal: within 60 s); worst / refresh interval {latencies[^1] / refreshInterval:0.00}."));
