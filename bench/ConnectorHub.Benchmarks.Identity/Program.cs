using ConnectorHub.Benchmarks.Identity;
using ConnectorHub.Benchmarks.Measurement;
using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.IdentityResolution.Postgres;
using ConnectorHub.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

// Usage: dotnet run -c Release -- [people=1000000] [eventsPerPerson=3] [fragments=10000] [rounds=7] [reobserve=0.3] [merge=0.05]
// Rounds of fragments resolved into a store of `people` profiles (with events and orders), against a raw COPY of the
// rows resolution inserts, into the same tables, alternating round by round on a durable PostgreSQL.
var arguments = new BenchArguments(args);
var (people, eventsPerPerson, count, rounds) = (arguments.Count("people", 1_000_000), arguments.Count("eventsPerPerson", 3), arguments.Count("fragments", 10_000), arguments.Count("rounds", 7));
var (reobserve, merge) = (arguments.Fraction("reobserve", 0.3), arguments.Fraction("merge", 0.05));

Console.WriteLine($"Start: {MachineLoad.Describe()}");
var connectionString = await BenchPostgres.CreateDatabaseAsync("identity_bench", "-c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min -c maintenance_work_mem=512MB");
Console.WriteLine(await BenchPostgres.DescribeAsync(connectionString));
await using var database = new HubDatabase(StorageProvider.Postgres, connectionString);
await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
await IdentityWorld.LoadAsync(connectionString, people, eventsPerPerson);

// The hub's defaults (batches of 25,000, two at once): a round of up to 25,000 fragments is one transaction.
var resolver = new IdentityResolver(new PostgresIdentityStore(database), new IdentityRules(Options.Create(new IdentityOptions())), TimeProvider.System, NullLogger<IdentityResolver>.Instance);
await using var dataSource = NpgsqlDataSource.Create(connectionString);
var postgres = await CpuSource.PostgresAsync(connectionString);
var resolveMeter = new CpuMeter(CpuSource.ThisProcess("hub (resolver)"), postgres);
var copyMeter = new CpuMeter(CpuSource.ThisProcess("COPY client"), postgres);

async Task CopyAsync(RoundFragments data)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await BinaryCopy.Profiles.WriteAsync(connection, data.RawProfiles());
    await BinaryCopy.Identifiers.WriteAsync(connection, data.RawIdentifiers());
    await BinaryCopy.Traits.WriteAsync(connection, data.RawTraits());
    await transaction.CommitAsync();
}

Console.WriteLine($"Identity resolution: rounds of {count:N0} fragments (3 identifiers each; {reobserve:P0} re-observe a person, {merge:P0} join two people of the world, the rest are new) into {people:N0} profiles.");
var warmUp = RoundFragments.Generate(0, count, people, reobserve, merge); // a full round, not measured: JIT and caches
await resolver.ResolveAsync(warmUp.Fragments, CancellationToken.None);
await CopyAsync(warmUp);
await BenchPostgres.ResetStatementsAsync(connectionString);

var paired = new PairedRounds("resolve", "raw COPY", "fragments");
var (merges, reobserved) = (warmUp.Merges, warmUp.Reobserved);
for (var round = 1; round <= rounds; round++)
{
    var data = RoundFragments.Generate(round, count, people, reobserve, merge);
    (merges, reobserved) = (merges + data.Merges, reobserved + data.Reobserved);
    StepCost? resolve = null, copy = null;
    foreach (var side in round % 2 == 1 ? new[] { 0, 1 } : [1, 0])
    {
        if (side == 0)
        {
            resolve = await resolveMeter.MeasureAsync(() => resolver.ResolveAsync(data.Fragments, CancellationToken.None));
        }
        else
        {
            copy = await copyMeter.MeasureAsync(() => CopyAsync(data));
        }
    }

    paired.Add(resolve!, count, copy!, count);
}

// The baseline inserted what resolution inserted (or the comparison would flatter one side); and the merges happened.
await using (var check = dataSource.CreateCommand(People.Invariant($"""
    SELECT (SELECT count(*) FROM profile_identifiers WHERE value LIKE 'raw-%'),
           (SELECT count(*) FROM profile_identifiers WHERE value NOT LIKE 'raw-%') - {people * 3L},
           (SELECT count(*) FROM profiles WHERE id >= 1000000000),
           (SELECT count(*) FROM profiles WHERE id > {people} AND id < 1000000000),
           (SELECT count(*) FROM profile_merges),
           (SELECT count(*) FROM events WHERE profile_id <> user_id::bigint),
           (SELECT count(*) FROM orders WHERE profile_id <> substr(order_id, 2)::bigint)
    """)))
await using (var reader = await check.ExecuteReaderAsync())
{
    await reader.ReadAsync();
    var (rawIdentifiers, identifiers, rawProfiles, profiles) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    if (rawIdentifiers != identifiers || rawProfiles != profiles)
    {
        throw new InvalidOperationException($"Resolution inserted {profiles:N0} profiles and {identifiers:N0} identifiers, the baseline {rawProfiles:N0} and {rawIdentifiers:N0}.");
    }

    Console.WriteLine();
    Console.WriteLine($"End: {MachineLoad.Describe()}");
    Console.WriteLine($"Both sides inserted {profiles:N0} profiles and {identifiers:N0} identifiers (warm-up included); {reobserved:N0} fragments re-observed a person, {merges:N0} joined two: {reader.GetInt64(4):N0} merges recorded, which moved {reader.GetInt64(5):N0} events and {reader.GetInt64(6):N0} orders to their survivors.");
}

Console.WriteLine();
Console.WriteLine(paired.Table());
if (await BenchPostgres.TopStatementsAsync(connectionString) is { } top)
{
    Console.WriteLine();
    Console.WriteLine("Where PostgreSQL's time went (pg_stat_statements, every measured round of both sides):");
    Console.WriteLine();
    Console.WriteLine(top);
}
