using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Benchmarks.Tracking;
using ConnectorHub.TestSupport;
using Npgsql;

// Usage: dotnet run -c Release -- [events=200000] [batch=100] [clients=8] [people=20000]
var settings = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
int Setting(string name, int fallback) => settings.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var (count, batch, clients, people) = (Setting("events", 200_000), Setting("batch", 100), Setting("clients", 8), Setting("people", 20_000));

if (Environment.GetEnvironmentVariable(PostgresServer.ExtraOptionsVariable) is null)
{
    Environment.SetEnvironmentVariable(PostgresServer.ExtraOptionsVariable, "-c shared_buffers=512MB -c max_wal_size=4GB");
}

var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("tracking_bench");
using var folder = new TempDirectory("tracking-bench");
await using var hub = await HubProcess.StartAsync(folder.Path, new Dictionary<string, string>
{
    ["ConnectorHub__Storage__Provider"] = "Postgres",
    ["ConnectorHub__Storage__ConnectionString"] = connectionString,
    ["ConnectorHub__Tracking__RequestsPerSecond"] = "1000000",
    ["ConnectorHub__Tracking__Burst"] = "1000000",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__LogLevel__ConnectorHub.Core.Tracking.Ingestion.TrackingCommitter"] = Environment.GetEnvironmentVariable("TRACKING_BENCH_COMMIT_LOG") ?? "Warning",
});
var writeKey = await BenchHub.CreateWriteKeyAsync(hub.Client);

Console.WriteLine($"Tracking API: {count:N0} events in /v1/batch requests of {batch}, {clients} concurrent clients on loopback, PostgreSQL, 200 = committed.");
var warmUp = TrackingEvents.Generate(clients * batch * 5, people, seed: 1);
await Load.RunAsync(hub.BaseAddress, writeKey, warmUp, batch, clients);
var events = TrackingEvents.Generate(count, people, seed: 2);
var api = await Load.RunAsync(hub.BaseAddress, writeKey, events, batch, clients);

await using (var connection = new NpgsqlConnection(connectionString))
{
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT count(*) FROM events WHERE message_id LIKE 'bench-2-%'", connection);
    var stored = (long)(await command.ExecuteScalarAsync())!;
    if (stored != count)
    {
        throw new InvalidOperationException($"{stored:N0} of {count:N0} events were stored.");
    }
}

var raw = await RawCopy.RunAsync(connectionString, events, batch);
var apiRate = count / api.TotalSeconds;
var rawRate = count / raw.TotalSeconds;
Console.WriteLine();
Console.WriteLine("| events | batch | clients | API (ack after commit) | events/s | raw COPY of the same events | events/s | API / raw |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {count:N0} | {batch} | {clients} | {api.TotalSeconds:0.00} s | {apiRate:N0} | {raw.TotalSeconds:0.00} s | {rawRate:N0} | {apiRate / rawRate:0.00} |"));
if (Environment.GetEnvironmentVariable("TRACKING_BENCH_COMMIT_LOG") is not null)
{
    // Each commit group's size and where its time went, as the hub logged it.
    Console.Error.WriteLine(string.Join(Environment.NewLine, hub.Output.Split('\n').Where(l => l.Contains("Committed", StringComparison.Ordinal)).TakeLast(20)));
}
