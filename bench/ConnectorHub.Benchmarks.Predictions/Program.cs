using System.Diagnostics;
using System.Globalization;
using ConnectorHub.Benchmarks.Measurement;
using ConnectorHub.Benchmarks.Predictions;
using ConnectorHub.Core.Predictions;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: dotnet run -c Release -- [customers=1000000] [batch=5000] [examples=200000]
// Trains the churn and the value model on a year of a shop and, once each beats its baseline, scores every
// customer, on a durable PostgreSQL. Prints each step's time, the hub's and PostgreSQL's CPU, and the hub process's
// peak resident memory during each run (reset before it).
var arguments = new BenchArguments(args);
var customers = arguments.Count("customers", 1_000_000);
var options = new PredictionOptions { ScoreBatchSize = arguments.Count("batch", 5_000), MaxExamples = arguments.Count("examples", 200_000) };

Console.WriteLine($"Start: {MachineLoad.Describe()}");
var connectionString = await BenchPostgres.CreateDatabaseAsync("predictions_bench", "-c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min -c maintenance_work_mem=512MB");
Console.WriteLine(await BenchPostgres.DescribeAsync(connectionString));
var now = new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);
await using var database = new HubDatabase(StorageProvider.Postgres, connectionString);
await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
var loading = Stopwatch.StartNew();
await ShopData.LoadAsync(connectionString, customers, now);
Console.WriteLine($"Loaded {customers:N0} customers with their orders and events in {loading.Elapsed.TotalSeconds:0} s.");

var clock = new FixedClock(now);
var models = new PredictiveModelService(database, clock, []);
var runner = new ModelRunner(database, models, Microsoft.Extensions.Options.Options.Create(options), clock, NullLogger<ModelRunner>.Instance);
var meter = new CpuMeter(CpuSource.ThisProcess("hub"), await CpuSource.PostgresAsync(connectionString));
Console.WriteLine();
Console.WriteLine("| model | status | wall | features | training | validation | scoring | scored per s | hub CPU | PostgreSQL CPU | peak RSS | quality (baseline) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var model in await models.ListAsync(CancellationToken.None))
{
    GC.Collect();
    PeakMemory.Reset();
    ModelRunView? run = null;
    var cost = await meter.MeasureAsync(async () => run = await runner.RunAsync(model.Id, ModelRunTrigger.Manual, CancellationToken.None));
    var peak = PeakMemory.ReadMegabytes();
    var seconds = run!.Report?.Seconds ?? new Dictionary<string, double>();
    string Step(string name) => seconds.TryGetValue(name, out var s) ? $"{s:0.0} s" : "—";
    var quality = run.Report is { } r
        ? model.Kind == PredictionKind.Churn ? $"AUC {r.Model.Auc:0.000} ({r.BaselineQuality.Auc:0.000})" : $"MAE {r.Model.Mae:0.00} ({r.BaselineQuality.Mae:0.00})"
        : run.Reason;
    var rate = seconds.TryGetValue("scoring", out var scoring) && scoring > 0 ? (run.Scored / scoring).ToString("N0", CultureInfo.InvariantCulture) : "—";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {model.Trait} | {run.Status} v{run.Version} ({run.Scored:N0} scored) | {cost.Wall.TotalSeconds:0.0} s | {Step("features")} | {Step("training")} | {Step("validation")} | {Step("scoring")} | {rate} | {cost.SecondsOf("hub"):0.0} s | {cost.SecondsOf("PostgreSQL"):0.0} s | {peak:N0} MB | {quality} |"));
}

Console.WriteLine();
Console.WriteLine($"End: {MachineLoad.Describe()}");

/// <summary>The benchmark's fixed clock (scores are as of the data's "now").</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The process's peak resident set (VmHWM), reset through <c>/proc/self/clear_refs</c> so each run is measured alone.</summary>
internal static class PeakMemory
{
    public static void Reset() => File.WriteAllText("/proc/self/clear_refs", "5");

    public static long ReadMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
