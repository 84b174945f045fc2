using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Storage.Schema;
using ConnectorHub.Integration.Tests.Support;

namespace ConnectorHub.Integration.Tests.Storage;

/// <summary>
/// The schema is described three times: PostgreSQL's migrations, SQLite's migrations and the EF Core model. These
/// tests read what the migrations really built on both stores and fail when the descriptions disagree on a table, a
/// column, its type class, its nullability, a primary key or an index.
/// </summary>
public sealed class SchemaAgreementTests
{
    /// <summary>
    /// Differences by design. PostgreSQL partitions events by month, and a unique index on a partitioned table must
    /// hold the partition key: there, events have no primary key, message ids are deduplicated in event_message_ids
    /// and retention drops whole partitions. SQLite keeps events in one table with a rowid key, a unique index on
    /// (source, message_id) and an event_time index for retention.
    /// </summary>
    private static readonly string[] ByDesign =
    [
        "table event_message_ids: in PostgreSQL, not in SQLite",
        "table events: primary key () in PostgreSQL, (id) in SQLite",
        "table events: index (event_time) in SQLite, not in PostgreSQL",
        "table events: index unique (source, message_id) in SQLite, not in PostgreSQL",
    ];

    [Fact]
    public async Task PostgresAndSqlite_AgreeOnEveryTableColumnTypeNullabilityAndIndex_AfterMigration()
    {
        var postgres = await MigratedSchemaAsync(StorageProvider.Postgres);
        var sqlite = await MigratedSchemaAsync(StorageProvider.Sqlite);

        var differences = SchemaComparison.Differences(postgres, sqlite, TypeClasses.InSqlite).Except(ByDesign).ToArray();

        Assert.True(differences.Length == 0, "The stores disagree:\n" + string.Join("\n", differences));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task EfModel_AgreesWithTheMigratedSchema_OnEveryTableItMaps(StorageProvider provider)
    {
        var model = EfModelSchemaReader.Read(provider);
        var store = await MigratedSchemaAsync(provider);

        var differences = SchemaComparison.Differences(model, store, type => type, onlyTablesOfExpected: true);

        Assert.True(differences.Count == 0, "The EF model and the migrated schema disagree:\n" + string.Join("\n", differences));
    }

    [Fact]
    public async Task Check_ReportsATableAColumnATypeANullabilityAndAnIndex_ThatDriftedOnOneStore()
    {
        var sqlite = await MigratedSchemaAsync(StorageProvider.Sqlite);
        var drifted = await MigratedSchemaAsync(StorageProvider.Postgres, """
            CREATE TABLE notes (id bigint PRIMARY KEY);
            ALTER TABLE connections ADD COLUMN note text NULL;
            ALTER TABLE runs ALTER COLUMN node TYPE bigint USING NULL;
            ALTER TABLE runs ALTER COLUMN error_message SET NOT NULL;
            DROP INDEX ix_runs_status;
            """);

        var againstSqlite = SchemaComparison.Differences(drifted, sqlite, TypeClasses.InSqlite).Except(ByDesign);
        var againstModel = SchemaComparison.Differences(EfModelSchemaReader.Read(StorageProvider.Postgres), drifted, type => type, onlyTablesOfExpected: true);

        Assert.Equal(
            [
                "column connections.note: in PostgreSQL, not in SQLite",
                "column runs.error_message: NOT NULL in PostgreSQL, NULL in SQLite",
                "column runs.node: int8 (Integer) in PostgreSQL, TEXT (Text) in SQLite",
                "table notes: in PostgreSQL, not in SQLite",
                "table runs: index (status) in SQLite, not in PostgreSQL",
            ],
            againstSqlite.Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                "column connections.note: in PostgreSQL, not in the EF model on Postgres",
                "column runs.error_message: NULL in the EF model on Postgres, NOT NULL in PostgreSQL",
                "column runs.node: text (Text) in the EF model on Postgres, int8 (Integer) in PostgreSQL",
                "table runs: index (status) in the EF model on Postgres, not in PostgreSQL",
            ],
            againstModel.Order(StringComparer.Ordinal));
    }

    private static async Task<StoreSchema> MigratedSchemaAsync(StorageProvider provider, string? drift = null)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var connection = await store.Database.OpenConnectionAsync(CancellationToken.None);
        if (drift is not null)
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, drift);
        }

        var schema = provider == StorageProvider.Postgres
            ? await PostgresSchemaReader.ReadAsync(connection, "PostgreSQL")
            : await SqliteSchemaReader.ReadAsync(connection, "SQLite");

        // DbUp's journal is DbUp's own table, created by DbUp alike on both stores; it is no part of the hub's schema.
        return schema with { Tables = schema.Tables.Where(t => t.Key != SchemaMigrator.JournalTable).ToDictionary() };
    }
}
