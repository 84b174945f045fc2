using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ConnectorHub.Benchmarks.Segments;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Segments.ComputedTraits;
using ConnectorHub.Core.Segments.Refresh;
using ConnectorHub.Core.Storage;
using ConnectorHub.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Usage: dotnet run -c Release -- [profiles=1000000] [events=10000000] [rounds=5]
var settings = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
int Setting(string name, int fallback) => settings.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var (profiles, events, rounds) = (Setting("profiles", 1_000_000), Setting("events", 10_000_000), Setting("rounds", 5));
if (Environment.GetEnvironmentVariable(PostgresServer.ExtraOptionsVariable) is null)
{
    Environment.SetEnvironmentVariable(PostgresServer.ExtraOptionsVariable, "-c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min -c maintenance_work_mem=512MB");
}

var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
var clock = new BenchClock(now);
await using var database = new HubDatabase(StorageProvider.Postgres, await (await PostgresServer.GetAsync()).CreateDatabaseAsync("bench"));
await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
await SegmentData.LoadAsync(database, profiles, events, now);

const string Rule = """{"all":[{"trait":"plan","op":"equals","value":"gold"},{"event":"Order Completed","count":{"atLeast":2},"within":{"days":30}}]}""";
const string HandWritten = """
    SELECT t.profile_id AS id FROM profile_traits t JOIN profiles p ON p.id = t.profile_id AND p.merged_into IS NULL
    WHERE t.name = 'plan' AND t.search_value = 'gold'
      AND t.profile_id IN (SELECT e.profile_id FROM events e
                           WHERE e.name = 'Order Completed' AND e.event_time BETWEEN @since AND @now
                           GROUP BY e.profile_id HAVING count(*) >= 2)
    """;
using var rule = JsonDocument.Parse(Rule);
var segments = new SegmentService(database, clock, []);
var queries = new SegmentQueries(database, clock);
var segmentOptions = Microsoft.Extensions.Options.Options.Create(new SegmentOptions());
var refresher = new SegmentRefresher(database, clock, new ComputedTraitService(database, clock, segmentOptions), [], segmentOptions, NullLogger<SegmentRefresher>.Instance);
var segment = await segments.CreateAsync(new SegmentRequest { Name = "gold buyers", Definition = rule.RootElement.Clone(), Schedule = null }, CancellationToken.None);
var first = await refresher.RefreshAsync(segment.Id, CancellationToken.None);
Console.WriteLine($"Segment {Rule}: {first.MemberCount:N0} members after the first refresh.");

// The hand-written side does what a refresh must at least do: evaluate the rule into a temp table in a transaction.
async Task<(double Ms, long Count)> HandWrittenAsync(bool materialize)
{
    var started = Stopwatch.GetTimestamp();
    await using var connection = (NpgsqlConnection)await database.OpenConnectionAsync(CancellationToken.None);
    await using var transaction = await connection.BeginTransactionAsync();
    var parameters = new { since = now.AddDays(-30), now };
    long count;
    if (materialize)
    {
        await connection.ExecuteAsync($"CREATE TEMP TABLE hand_ids ON COMMIT DROP AS {HandWritten}", parameters, transaction, commandTimeout: 0);
        count = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM hand_ids", transaction: transaction);
    }
    else
    {
        count = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM ({HandWritten}) h", parameters, transaction, commandTimeout: 0);
    }

    await transaction.CommitAsync();
    return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, count);
}

var (refreshMs, handMs, previewMs, handCountMs) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
for (var round = 0; round < rounds; round++)
{
    // Alternate which side goes first, so neither always profits from the other's warm cache.
    var order = round % 2 == 0 ? new[] { 0, 1 } : [1, 0];
    foreach (var side in order)
    {
        if (side == 0)
        {
            var started = Stopwatch.GetTimestamp();
            var refreshed = await refresher.RefreshAsync(segment.Id, CancellationToken.None);
            refreshMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var preview = await queries.PreviewAsync(rule.RootElement, CancellationToken.None);
            previewMs.Add(preview.ElapsedMilliseconds);
            if (preview.Count != refreshed.MemberCount)
            {
                throw new InvalidOperationException($"The preview counted {preview.Count}, the refresh {refreshed.MemberCount}.");
            }
        }
        else
        {
            var (ms, count) = await HandWrittenAsync(materialize: true);
            handMs.Add(ms);
            handCountMs.Add((await HandWrittenAsync(materialize: false)).Ms);
            if (count != first.MemberCount)
            {
                throw new InvalidOperationException($"The hand-written query found {count}, the segment {first.MemberCount}.");
            }
        }
    }
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
Console.WriteLine();
Console.WriteLine("| profiles | events | members | refresh (median) | hand-written into temp table | refresh / hand | count preview | hand-written count | preview / hand |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {profiles:N0} | {events:N0} | {first.MemberCount:N0} | {Median(refreshMs):F0} ms | {Median(handMs):F0} ms | {Median(refreshMs) / Median(handMs):F2}x | {Median(previewMs):F0} ms | {Median(handCountMs):F0} ms | {Median(previewMs) / Median(handCountMs):F2}x |"));

/// <summary>The benchmark's fixed clock: windows are relative to the load's "now".</summary>
internal sealed class BenchClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
