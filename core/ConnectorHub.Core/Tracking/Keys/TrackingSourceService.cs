using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Tracking.Keys;

/// <summary>
/// Tracking sources and their write keys: created by an admin, each key bound to one source, shown once at creation,
/// stored as a SHA-256 hash, revoked (kept in the list, no longer accepted).
/// </summary>
public sealed class TrackingSourceService(HubDatabase database, WriteKeyAuthenticator authenticator, TimeProvider time, ILogger<TrackingSourceService> logger)
{
    private const int MaxNameLength = 100;

    /// <summary>Creates a tracking source.</summary>
    public async Task<TrackingSourceView> CreateSourceAsync(TrackingSourceRequest request, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name?.Trim() ?? string.Empty;
        var errors = new ValidationErrors();
        if (name.Length == 0)
        {
            errors.Add("name", "A name is required: it becomes the source of the events it receives (for example 'website' or 'ios-app').");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("name", $"The name can have at most {MaxNameLength} characters.");
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (!errors.Any && await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM tracking_sources WHERE name = @name", new { name }, cancellationToken: cancellationToken)) > 0)
        {
            errors.Add("name", $"A tracking source named '{name}' already exists.");
        }

        errors.ThrowIfAny();
        var view = new TrackingSourceView(Guid.NewGuid(), name, createdBy, time.GetUtcNow(), 0);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tracking_sources (id, name, created_by, created_at) VALUES (@id, @name, @createdBy, @createdAt)",
            new { id = StoredIds.Write(database.Provider, view.Id), name, createdBy, createdAt = StoredTime.Write(database.Provider, view.CreatedAt) },
            cancellationToken: cancellationToken));
        logger.LogInformation("Tracking source '{Name}' was created by {CreatedBy}.", name, createdBy);
        return view;
    }

    /// <summary>All tracking sources, by name.</summary>
    public async Task<IReadOnlyList<TrackingSourceView>> ListSourcesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceRow>(new CommandDefinition(
            """
            SELECT s.id AS Id, s.name AS Name, s.created_by AS CreatedBy, s.created_at AS CreatedAt,
                   (SELECT count(*) FROM tracking_write_keys k WHERE k.source_id = s.id AND k.revoked_at IS NULL) AS ActiveKeys
            FROM tracking_sources s ORDER BY s.name
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new TrackingSourceView(StoredIds.Read(r.Id), r.Name, r.CreatedBy, StoredTime.Read(r.CreatedAt), (int)r.ActiveKeys)).ToArray();
    }

    /// <summary>Creates a write key for a source; the returned value is the only time anyone sees it.</summary>
    public async Task<CreatedWriteKey> CreateKeyAsync(Guid sourceId, string createdBy, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await EnsureSourceAsync(connection, sourceId, cancellationToken);
        var value = WriteKeySecret.Generate();
        var key = new WriteKeyView(Guid.NewGuid(), sourceId, WriteKeySecret.Mask(value[..WriteKeySecret.DisplayPrefixLength]), createdBy, time.GetUtcNow(), null);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tracking_write_keys (id, source_id, key_hash, prefix, created_by, created_at) VALUES (@id, @sourceId, @hash, @prefix, @createdBy, @createdAt)",
            new
            {
                id = StoredIds.Write(database.Provider, key.Id), sourceId = StoredIds.Write(database.Provider, sourceId), hash = WriteKeySecret.Hash(value),
                prefix = value[..WriteKeySecret.DisplayPrefixLength], createdBy, createdAt = StoredTime.Write(database.Provider, key.CreatedAt),
            }, cancellationToken: cancellationToken));
        logger.LogInformation("Write key {Prefix}... of tracking source {Source} was created by {CreatedBy}.", value[..WriteKeySecret.DisplayPrefixLength], sourceId, createdBy);
        return new CreatedWriteKey(key, value);
    }

    /// <summary>The keys of a source, newest first, masked.</summary>
    public async Task<IReadOnlyList<WriteKeyView>> ListKeysAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await EnsureSourceAsync(connection, sourceId, cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            """
            SELECT id AS Id, source_id AS SourceId, prefix AS Prefix, created_by AS CreatedBy, created_at AS CreatedAt, revoked_at AS RevokedAt
            FROM tracking_write_keys WHERE source_id = @sourceId ORDER BY created_at DESC
            """, new { sourceId = StoredIds.Write(database.Provider, sourceId) }, cancellationToken: cancellationToken));
        return rows.Select(r => new WriteKeyView(StoredIds.Read(r.Id), StoredIds.Read(r.SourceId), WriteKeySecret.Mask(r.Prefix), r.CreatedBy,
            StoredTime.Read(r.CreatedAt), StoredTime.ReadNullable(r.RevokedAt))).ToArray();
    }

    /// <summary>Revokes a key: calls carrying it are refused (401) from now on.</summary>
    public async Task RevokeKeyAsync(Guid sourceId, Guid keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var hash = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT key_hash FROM tracking_write_keys WHERE id = @keyId AND source_id = @sourceId",
            new { keyId = StoredIds.Write(database.Provider, keyId), sourceId = StoredIds.Write(database.Provider, sourceId) }, cancellationToken: cancellationToken))
            ?? throw NotFoundException.For("write key of this tracking source", keyId);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tracking_write_keys SET revoked_at = @now WHERE id = @keyId AND revoked_at IS NULL",
            new { keyId = StoredIds.Write(database.Provider, keyId), now = StoredTime.Write(database.Provider, time.GetUtcNow()) }, cancellationToken: cancellationToken));
        authenticator.Forget(hash);
        logger.LogInformation("Write key {Id} of tracking source {Source} was revoked.", keyId, sourceId);
    }

    /// <summary>Throws <see cref="NotFoundException"/> when there is no tracking source <paramref name="sourceId"/>.</summary>
    public async Task EnsureExistsAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await EnsureSourceAsync(connection, sourceId, cancellationToken);
    }

    private async Task EnsureSourceAsync(System.Data.Common.DbConnection connection, Guid sourceId, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM tracking_sources WHERE id = @id",
                new { id = StoredIds.Write(database.Provider, sourceId) }, cancellationToken: cancellationToken)) == 0)
        {
            throw NotFoundException.For("tracking source", sourceId);
        }
    }

    private sealed class SourceRow
    {
        public object Id { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string CreatedBy { get; init; } = string.Empty;

        public object CreatedAt { get; init; } = 0L;

        public long ActiveKeys { get; init; }
    }

    private sealed class KeyRow
    {
        public object Id { get; init; } = string.Empty;

        public object SourceId { get; init; } = string.Empty;

        public string Prefix { get; init; } = string.Empty;

        public string CreatedBy { get; init; } = string.Empty;

        public object CreatedAt { get; init; } = 0L;

        public object? RevokedAt { get; init; }
    }
}
