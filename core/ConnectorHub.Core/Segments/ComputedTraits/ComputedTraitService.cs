using System.Data.Common;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Dapper;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Segments.ComputedTraits;

/// <summary>Computed traits: create, change, delete, list, and recompute their values set-based.</summary>
public sealed class ComputedTraitService(HubDatabase database, TimeProvider time, IOptions<SegmentOptions> options)
{
    private const int LockClass = 0x43545254; // "CTRT": the advisory lock namespace of computed trait refreshes

    private string SelectColumns => "id AS Id, name AS Name, description AS Description, " + (database.Provider == StorageProvider.Postgres ? "definition::text" : "definition")
        + " AS Definition, last_computed_at AS LastComputedAt, created_at AS CreatedAt, updated_at AS UpdatedAt";

    /// <summary>All computed traits by name.</summary>
    public async Task<IReadOnlyList<ComputedTraitView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {SelectColumns} FROM computed_traits ORDER BY name", cancellationToken: cancellationToken))).Select(r => r.View()).ToArray();
    }

    /// <summary>One computed trait.</summary>
    public async Task<ComputedTraitView> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {SelectColumns} FROM computed_traits WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.View() ?? throw NotFoundException.For("computed trait", id);
    }

    /// <summary>Creates a computed trait and computes its values.</summary>
    public async Task<ComputedTraitView> CreateAsync(ComputedTraitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var now = Now();
        long id;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await EnsureUniqueAsync(connection, request.Name, null, cancellationToken);
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"INSERT INTO computed_traits (name, description, definition, created_at, updated_at) VALUES (@Name, @Description, {Json("@definition")}, @now, @now) RETURNING id",
                new { request.Name, request.Description, definition = request.Definition.GetRawText(), now = StoredTime.Write(database.Provider, now) }, cancellationToken: cancellationToken));
        }

        await RefreshAsync(id, cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Changes a computed trait and recomputes its values.</summary>
    public async Task<ComputedTraitView> UpdateAsync(long id, ComputedTraitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await EnsureUniqueAsync(connection, request.Name, id, cancellationToken);
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE computed_traits SET name = @Name, description = @Description, definition = {Json("@definition")}, updated_at = @now WHERE id = @id",
                new { id, request.Name, request.Description, definition = request.Definition.GetRawText(), now = StoredTime.Write(database.Provider, Now()) }, cancellationToken: cancellationToken));
            if (changed == 0)
            {
                throw NotFoundException.For("computed trait", id);
            }
        }

        await RefreshAsync(id, cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Deletes a computed trait; refused while a segment's rule uses it.</summary>
    public async Task DeleteAsync(long id, IReadOnlyCollection<string> usedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usedBy);
        if (usedBy.Count > 0)
        {
            throw new HubValidationException("id", $"The computed trait is used by the segment(s) {string.Join(", ", usedBy)}; change their rules first.");
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition("DELETE FROM computed_traits WHERE id = @id", new { id }, cancellationToken: cancellationToken)) == 0)
        {
            throw NotFoundException.For("computed trait", id);
        }
    }

    /// <summary>Recomputes the values of the computed trait <paramref name="id"/> for every profile, in one transaction.</summary>
    public async Task RefreshAsync(long id, CancellationToken cancellationToken)
    {
        var trait = await GetAsync(id, cancellationToken);
        var (sql, parameters) = ComputedTraitSql.Refresh(database.Provider, id, ComputedTraitDefinition.Parse(trait.Definition), Now());
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // SQLite: BEGIN IMMEDIATE serializes writers. PostgreSQL: without the lock, two refreshes (two segments using
        // the trait) could both delete the old values and then both insert the new ones.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.Provider == StorageProvider.Postgres)
        {
            await TransactionLock.TakeAsync(connection, transaction, LockClass, unchecked((int)id), options.Value.StalledRefreshTimeout, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, commandTimeout: 600, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Validate(ComputedTraitRequest request)
    {
        if (request.Name is not { Length: > 0 and <= 200 })
        {
            throw new HubValidationException("name", "Give the computed trait a name of 1 to 200 characters.");
        }

        ComputedTraitDefinition.Parse(request.Definition);
    }

    private static async Task EnsureUniqueAsync(DbConnection connection, string name, long? id, CancellationToken cancellationToken)
    {
        var other = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition("SELECT id FROM computed_traits WHERE name = @name", new { name }, cancellationToken: cancellationToken));
        if (other is { } found && found != id)
        {
            throw new HubValidationException("name", $"A computed trait named '{name}' already exists (id {found}); choose another name.");
        }
    }

    private string Json(string parameter) => database.Provider == StorageProvider.Postgres ? parameter + "::jsonb" : parameter;

    // Milliseconds: what SQLite keeps, so both stores see the same times.
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    private sealed class Row
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? Description { get; set; }

        public string Definition { get; set; } = "{}";

        public object? LastComputedAt { get; set; }

        public object CreatedAt { get; set; } = 0L;

        public object UpdatedAt { get; set; } = 0L;

        public ComputedTraitView View() => new(Id, Name, Description, ProfileService.Parse(Definition), StoredTime.ReadNullable(LastComputedAt), StoredTime.Read(CreatedAt), StoredTime.Read(UpdatedAt));
    }
}
