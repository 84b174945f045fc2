using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Destinations;
using Dapper;

namespace ConnectorHub.Core.Activation;

/// <summary>Reads and writes the <c>activations</c> table on either store.</summary>
internal sealed class ActivationStore(HubDatabase database)
{
    private const string Columns = "id AS Id, name AS Name, segment_id AS SegmentId, destination_connection_id AS DestinationConnectionId, mode AS Mode, mapping AS Mapping, " +
        "settings AS Settings, required_consent AS RequiredConsent, schedule AS Schedule, time_zone AS TimeZone, enabled AS Enabled, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public StorageProvider Provider => database.Provider;

    public async Task<IReadOnlyList<ActivationView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(Command($"SELECT {Columns} FROM activations ORDER BY name", null, cancellationToken))).Select(View).ToArray();
    }

    public async Task<IReadOnlyList<ActivationView>> ListBySegmentAsync(long segmentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(Command($"SELECT {Columns} FROM activations WHERE segment_id = @segmentId ORDER BY id", new { segmentId }, cancellationToken))).Select(View).ToArray();
    }

    /// <summary>Enabled activations with failed records whose next attempt is due at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<long>> DueForRetryAsync(DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(Command(
            """
            SELECT DISTINCT p.activation_id FROM activation_pending p JOIN activations a ON a.id = p.activation_id
            WHERE a.enabled = @enabled AND p.next_attempt_at <= @now AND p.attempts < @maxAttempts
            """,
            new { enabled = Flag(true), now = StoredTime.Write(Provider, now), maxAttempts }, cancellationToken))).ToArray();
    }

    public async Task<ActivationView> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Command($"SELECT {Columns} FROM activations WHERE id = @id", new { id }, cancellationToken));
        return row is null ? throw NotFoundException.For("activation", id) : View(row);
    }

    public async Task<bool> NameTakenAsync(string name, long? exceptId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(Command("SELECT COUNT(*) FROM activations WHERE name = @name AND id <> @exceptId", new { name, exceptId = exceptId ?? -1 }, cancellationToken)) > 0;
    }

    public async Task<bool> SegmentExistsAsync(long segmentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(Command("SELECT COUNT(*) FROM segments WHERE id = @segmentId", new { segmentId }, cancellationToken)) > 0;
    }

    public async Task<long> InsertAsync(ActivationView a, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(Command(
            """
            INSERT INTO activations (name, segment_id, destination_connection_id, mode, mapping, settings, required_consent, schedule, time_zone, enabled, created_at, updated_at)
            VALUES (@Name, @SegmentId, @Connection, @Mode, @Mapping, @Settings, @RequiredConsent, @Schedule, @TimeZone, @Enabled, @CreatedAt, @UpdatedAt) RETURNING id
            """, Parameters(a), cancellationToken));
    }

    public async Task UpdateAsync(ActivationView a, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            UPDATE activations SET name = @Name, segment_id = @SegmentId, destination_connection_id = @Connection, mode = @Mode, mapping = @Mapping,
                settings = @Settings, required_consent = @RequiredConsent, schedule = @Schedule, time_zone = @TimeZone, enabled = @Enabled, updated_at = @UpdatedAt
            WHERE id = @Id
            """, Parameters(a), cancellationToken));
    }

    public async Task DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command("DELETE FROM activations WHERE id = @id", new { id }, cancellationToken));
    }

    internal object Flag(bool value) => Provider == StorageProvider.Sqlite ? (value ? 1L : 0L) : value;

    private object Parameters(ActivationView a) => new
    {
        a.Id,
        a.Name,
        a.SegmentId,
        Connection = a.DestinationConnectionId.ToString("D"),
        Mode = a.Mode.ToString(),
        Mapping = JsonSerializer.Serialize(a.Mapping, JsonSerializerOptions.Web),
        Settings = a.Settings.ToJsonString(),
        a.RequiredConsent,
        a.Schedule,
        a.TimeZone,
        Enabled = Flag(a.Enabled),
        CreatedAt = StoredTime.Write(Provider, a.CreatedAt),
        UpdatedAt = StoredTime.Write(Provider, a.UpdatedAt),
    };

    private static ActivationView View(Row r) => new(
        r.Id,
        r.Name,
        r.SegmentId,
        Guid.Parse(r.DestinationConnectionId),
        Enum.Parse<DestinationSyncMode>(r.Mode),
        JsonSerializer.Deserialize<ActivationMapping>(r.Mapping, JsonSerializerOptions.Web) ?? new ActivationMapping(),
        JsonNode.Parse(r.Settings)?.AsObject() ?? [],
        r.RequiredConsent,
        r.Schedule,
        r.TimeZone,
        Convert.ToBoolean(r.Enabled, CultureInfo.InvariantCulture),
        StoredTime.Read(r.CreatedAt),
        StoredTime.Read(r.UpdatedAt));

    internal static CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private sealed class Row
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public long SegmentId { get; set; }

        public string DestinationConnectionId { get; set; } = string.Empty;

        public string Mode { get; set; } = string.Empty;

        public string Mapping { get; set; } = "{}";

        public string Settings { get; set; } = "{}";

        public string? RequiredConsent { get; set; }

        public string? Schedule { get; set; }

        public string? TimeZone { get; set; }

        public object Enabled { get; set; } = false;

        public object CreatedAt { get; set; } = 0L;

        public object UpdatedAt { get; set; } = 0L;
    }
}
