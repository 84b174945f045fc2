using System.Globalization;
using ConnectorHub.Benchmarks.Identity;
using ConnectorHub.Core.Storage;
using ConnectorHub.TestSupport;

// Usage: dotnet run -c Release -- [fragments=1000000] [people=1000000] [batch=25000] [concurrent=2] [stores=Postgres,Sqlite]
var settings = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
int Setting(string name, int fallback) => settings.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var stores = (settings.GetValueOrDefault("stores") ?? "Postgres,Sqlite").Split(',').Select(Enum.Parse<StorageProvider>).ToArray();
var (count, people, batch, concurrent) = (Setting("fragments", 1_000_000), Setting("people", 1_000_000), Setting("batch", 25_000), Setting("concurrent", 2));

// A server sized for millions of rows, unless the caller chose: the tests' default 64 MB of shared buffers
// would measure page eviction, not resolution.
if (Environment.GetEnvironmentVariable(PostgresServer.ExtraOptionsVariable) is null)
{
    Environment.SetEnvironmentVariable(PostgresServer.ExtraOptionsVariable, "-c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min");
}

var fragments = BenchmarkData.Fragments(count, seed: 2, prefix: "p");
Console.WriteLine($"Identity resolution: {count:N0} fragments, 3 identifiers each, ~30% re-observing a known person; batches of {batch:N0}, {concurrent} at once on PostgreSQL.");
Console.WriteLine();
Console.WriteLine("| store | fragments | batch × at once | profiles | rows written | resolve | fragments/s | raw insert of the same rows | fragments/s | resolve / raw |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var store in stores)
{
    Console.WriteLine(await Scenarios.ThroughputAsync(store, fragments, batch, concurrent));
}

fragments.Clear();
Console.WriteLine();
Console.WriteLine("| store | store size | new fragments | time |");
Console.WriteLine("|---|---|---|---:|");
foreach (var store in stores)
{
    Console.WriteLine(await Scenarios.SmallBatchIntoLargeStoreAsync(store, people));
}
