using System.Text.Json;
using ConnectorHub.Benchmarks.Measurement;
using ConnectorHub.Benchmarks.Segments;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Segments.ComputedTraits;
using ConnectorHub.Core.Segments.Refresh;
using ConnectorHub.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Usage: dotnet run -c Release -- [profiles=1000000] [events=10000000] [rounds=7] [churn=0.01] [rule=buyers|plan]
// A segment refresh (with ~1% of the members entering and leaving between rounds) and a count preview, against the
// faster of a hand-written query and the product's compiled SQL run bare, round by round on a durable PostgreSQL.
var arguments = new BenchArguments(args);
var (profiles, events, rounds, churnShare) = (arguments.Count("profiles", 1_000_000), arguments.Count("events", 10_000_000), arguments.Count("rounds", 7), arguments.Fraction("churn", 0.01));
var benchRule = BenchRule.Named(arguments.Text("rule", "buyers"));

Console.WriteLine($"Start: {MachineLoad.Describe()}");
var connectionString = await BenchPostgres.CreateDatabaseAsync("segments_bench", "-c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min -c maintenance_work_mem=512MB");
Console.WriteLine(await BenchPostgres.DescribeAsync(connectionString));
var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
var clock = new BenchClock(now);
await using var database = new HubDatabase(StorageProvider.Postgres, connectionString);
await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
await SegmentData.LoadAsync(database, profiles, events, now);
await using var dataSource = NpgsqlDataSource.Create(connectionString);

using var rule = JsonDocument.Parse(benchRule.Json);
var segments = new SegmentService(database, clock, []);
var queries = new SegmentQueries(database, clock);
var segmentOptions = Microsoft.Extensions.Options.Options.Create(new SegmentOptions());
var refresher = new SegmentRefresher(database, clock, new ComputedTraitService(database, clock, segmentOptions), [], segmentOptions, NullLogger<SegmentRefresher>.Instance);
var segment = await segments.CreateAsync(new SegmentRequest { Name = "gold buyers", Definition = rule.RootElement.Clone(), Schedule = null }, CancellationToken.None);
var first = await refresher.RefreshAsync(segment.Id, CancellationToken.None);
BareQuery[] bare = [BareQuery.HandWritten(benchRule, now), BareQuery.Compiled(benchRule.Json, now)];
var churn = await Churn.ReadAsync(dataSource, benchRule, now);
Console.WriteLine($"Segment {benchRule.Json}: {first.MemberCount:N0} members after the first refresh; {churnShare:P0} of them leave and as many enter before each round.");

var postgres = await CpuSource.PostgresAsync(connectionString);
var hubMeter = new CpuMeter(CpuSource.ThisProcess("hub"), postgres);
var clientMeter = new CpuMeter(CpuSource.ThisProcess("client"), postgres);
foreach (var query in bare)
{
    await query.MaterializeAsync(dataSource); // warm both plans and caches alike
    await query.CountAsync(dataSource);
}

await BenchPostgres.ResetStatementsAsync(connectionString);
var refreshRounds = bare.Select(b => new PairedRounds("refresh", b.Name + " into a temp table", "profiles")).ToArray();
var previewRounds = bare.Select(b => new PairedRounds("count preview", b.Name + " count", "profiles")).ToArray();
var changed = 0L;
for (var round = 0; round < rounds; round++)
{
    var moved = await churn.ApplyAsync(dataSource, churnShare);
    StepCost? refreshCost = null, previewCost = null;
    var bareCosts = new (StepCost Materialize, StepCost Count)[bare.Length];
    SegmentRefreshed? refreshed = null;
    long preview = 0;
    var counts = new long[bare.Length];

    // Rotate which side goes first, so none always profits from another's warm cache.
    for (var turn = 0; turn <= bare.Length; turn++)
    {
        var side = (turn + round) % (bare.Length + 1);
        if (side == bare.Length)
        {
            refreshCost = await hubMeter.MeasureAsync(async () => refreshed = await refresher.RefreshAsync(segment.Id, CancellationToken.None));
            previewCost = await hubMeter.MeasureAsync(async () => preview = (await queries.PreviewAsync(rule.RootElement, CancellationToken.None)).Count);
        }
        else
        {
            var materialize = await clientMeter.MeasureAsync(async () => counts[side] = await bare[side].MaterializeAsync(dataSource));
            var count = await clientMeter.MeasureAsync(() => bare[side].CountAsync(dataSource));
            bareCosts[side] = (materialize, count);
        }
    }

    if (refreshed!.Entered != moved || refreshed.Exited != moved || counts.Any(c => c != refreshed.MemberCount) || preview != refreshed.MemberCount)
    {
        throw new InvalidOperationException($"Round {round + 1}: {moved} moved each way, the refresh saw {refreshed.Entered} enter and {refreshed.Exited} leave of {refreshed.MemberCount}; bare counts {string.Join(", ", counts)}, preview {preview}.");
    }

    changed += refreshed.Entered + refreshed.Exited;
    for (var b = 0; b < bare.Length; b++)
    {
        refreshRounds[b].Add(refreshCost!, profiles, bareCosts[b].Materialize, profiles);
        previewRounds[b].Add(previewCost!, profiles, bareCosts[b].Count, profiles);
    }
}

Console.WriteLine();
Console.WriteLine($"End: {MachineLoad.Describe()}; {changed:N0} membership changes over {rounds} refreshes.");
var fastest = Enumerable.Range(0, bare.Length).MinBy(b => refreshRounds[b].BaselineWallMedian);
Console.WriteLine($"The faster bare query (the baseline): {bare[fastest].Name}.");
for (var b = 0; b < bare.Length; b++)
{
    Console.WriteLine();
    Console.WriteLine($"Against {bare[b].Name}{(b == fastest ? " (the baseline)" : string.Empty)}; a round evaluates the rule over {profiles:N0} profiles and {events:N0} events:");
    Console.WriteLine();
    Console.WriteLine(refreshRounds[b].Table());
    Console.WriteLine();
    Console.WriteLine(previewRounds[b].Table());
}

if (await BenchPostgres.TopStatementsAsync(connectionString) is { } top)
{
    Console.WriteLine();
    Console.WriteLine("Where PostgreSQL's time went (pg_stat_statements, every measured round of every side):");
    Console.WriteLine();
    Console.WriteLine(top);
}

/// <summary>The benchmark's fixed clock: windows are relative to the load's "now".</summary>
internal sealed class BenchClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
