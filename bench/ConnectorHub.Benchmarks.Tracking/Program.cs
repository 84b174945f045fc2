using ConnectorHub.Benchmarks.Measurement;
using ConnectorHub.Benchmarks.Tracking;
using ConnectorHub.TestSupport;
using Npgsql;

// Usage: dotnet run -c Release -- [events=40000] [rounds=5] [batch=100] [clients=8] [visitors=20000] [newVisitorEvents=4] [mixes=returning,new]
// The API (/v1/batch, acknowledged after a durable commit) against a raw binary COPY of the same events, alternating
// round by round, on a durable PostgreSQL; for a returning-visitor mix and a new-visitor mix.
var arguments = new BenchArguments(args);
var (count, rounds, batch, clients) = (arguments.Count("events", 40_000), arguments.Count("rounds", 5), arguments.Count("batch", 100), arguments.Count("clients", 8));
var (visitors, newVisitorEvents) = (arguments.Count("visitors", 20_000), arguments.Count("newVisitorEvents", 4));
var mixes = arguments.Text("mixes", "returning,new").Split(',');

Console.WriteLine($"Start: {MachineLoad.Describe()}");
var connectionString = await BenchPostgres.CreateDatabaseAsync("tracking_bench", "-c shared_buffers=512MB -c max_wal_size=4GB");
Console.WriteLine(await BenchPostgres.DescribeAsync(connectionString));
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
await using var dataSource = NpgsqlDataSource.Create(connectionString);
var postgres = await CpuSource.PostgresAsync(connectionString);
var apiMeter = new CpuMeter(CpuSource.Process("hub", hub.ProcessId), postgres, CpuSource.ThisProcess("load generator", countsToCost: false));
var copyMeter = new CpuMeter(CpuSource.ThisProcess("COPY client"), postgres);
Console.WriteLine($"Tracking API: /v1/batch requests of {batch}, {clients} concurrent clients on loopback, 200 = committed; raw COPY in transactions of {RawCopy.RowsPerTransaction:N0} rows.");

// Warm-up: every visitor of the returning pool is seen (8 events each on average: all but ~0.1% of them), and both paths are JIT-compiled.
var warmUp = TrackingEvents.Generate(visitors * 8, 0, visitors, seed: 1);
await Load.SendAsync(hub.BaseAddress, writeKey, Load.Prepare(warmUp, batch), clients);
await RawCopy.RunAsync(dataSource, RawCopy.Prepare(warmUp.Take(20_000).ToArray()));
await BenchPostgres.ResetStatementsAsync(connectionString);

var sent = 0L;
var seed = 100;
var results = new List<(string Mix, PairedRounds Rounds)>();
foreach (var mix in mixes)
{
    Console.WriteLine(mix == "new"
        ? $"New-visitor mix: {count:N0} events a round from {count / newVisitorEvents:N0} visitors never seen before ({newVisitorEvents} events each on average)."
        : $"Returning-visitor mix: {count:N0} events a round from the {visitors:N0} visitors seen in the warm-up.");
    var paired = new PairedRounds("API", "raw COPY", "events");
    for (var round = 0; round < rounds; round++)
    {
        seed++;
        var events = mix == "new"
            ? TrackingEvents.Generate(count, 10_000_000 + (seed * count), count / newVisitorEvents, seed)
            : TrackingEvents.Generate(count, 0, visitors, seed);
        var bodies = Load.Prepare(events, batch);
        var rows = RawCopy.Prepare(events);
        StepCost? api = null, copy = null;
        foreach (var side in round % 2 == 0 ? new[] { 0, 1 } : [1, 0])
        {
            if (side == 0)
            {
                api = await apiMeter.MeasureAsync(() => Load.SendAsync(hub.BaseAddress, writeKey, bodies, clients));
            }
            else
            {
                copy = await copyMeter.MeasureAsync(() => RawCopy.RunAsync(dataSource, rows));
            }
        }

        sent += count;
        paired.Add(api!, count, copy!, count);
    }

    results.Add((mix, paired));
}

await using (var command = dataSource.CreateCommand("SELECT count(*) FROM events WHERE source <> 'raw' AND message_id NOT LIKE 'bench-1-%'"))
{
    var stored = (long)(await command.ExecuteScalarAsync())!;
    if (stored != sent)
    {
        throw new InvalidOperationException($"{stored:N0} of the {sent:N0} events sent through the API were stored.");
    }
}

Console.WriteLine();
Console.WriteLine($"End: {MachineLoad.Describe()}; every one of the {sent:N0} events sent through the API was stored.");
foreach (var (mix, paired) in results)
{
    Console.WriteLine();
    Console.WriteLine($"{(mix == "new" ? "New" : "Returning")}-visitor mix:");
    Console.WriteLine();
    Console.WriteLine(paired.Table());
}

if (await BenchPostgres.TopStatementsAsync(connectionString) is { } top)
{
    Console.WriteLine();
    Console.WriteLine("Where PostgreSQL's time went (pg_stat_statements, every measured round of both sides):");
    Console.WriteLine();
    Console.WriteLine(top);
}

if (Environment.GetEnvironmentVariable("TRACKING_BENCH_COMMIT_LOG") is not null)
{
    // Each commit group's size and where its time went, as the hub logged it.
    Console.Error.WriteLine(string.Join(Environment.NewLine, hub.Output.Split('\n').Where(l => l.Contains("Committed", StringComparison.Ordinal)).TakeLast(20)));
}
