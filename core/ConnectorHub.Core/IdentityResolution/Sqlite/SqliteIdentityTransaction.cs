using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Canonical;
using Microsoft.Data.Sqlite;

namespace ConnectorHub.Core.IdentityResolution.Sqlite;

/// <summary>One resolution batch on SQLite.</summary>
internal sealed class SqliteIdentityTransaction(SqliteConnection connection, SqliteTransaction transaction) : IIdentityTransaction
{
    private const int IdsPerQuery = 500;

    public async Task<Dictionary<Identifier, StoredIdentifier>> LookupAsync(IReadOnlyCollection<Identifier> identifiers, CancellationToken cancellationToken)
    {
        // A prepared point lookup per identifier: in-process SQLite answers each in microseconds, always by the key.
        await using var command = Command("SELECT profile_id, first_seen, last_seen FROM profile_identifiers WHERE value = $value AND type = $type");
        var value = command.Parameters.Add("$value", SqliteType.Text);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var found = new Dictionary<Identifier, StoredIdentifier>();
        foreach (var identifier in identifiers)
        {
            value.Value = identifier.Value;
            type.Value = identifier.Type;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                found[identifier] = new StoredIdentifier(reader.GetInt64(0), SqliteTime.Read(reader.GetInt64(1)), SqliteTime.Read(reader.GetInt64(2)));
            }
        }

        return found;
    }

    public async Task<ProfileLoad> LoadProfilesAsync(IReadOnlyCollection<long> profileIds, int reserve, CancellationToken cancellationToken)
    {
        var profiles = profileIds.ToDictionary(id => id, id => new StoredProfile(id));
        foreach (var chunk in profileIds.Chunk(IdsPerQuery))
        {
            var ids = string.Join(',', chunk);
            await using var command = Command(
                $"SELECT profile_id, type, count(*) FROM profile_identifiers WHERE profile_id IN ({ids}) GROUP BY profile_id, type; " +
                $"SELECT profile_id, name, value, source, observed_at FROM profile_traits WHERE profile_id IN ({ids});");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                profiles[reader.GetInt64(0)].TypeCounts[reader.GetString(1)] = reader.GetInt32(2);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var trait = new TraitValue(reader.GetString(1), reader.GetString(2), reader.GetString(3), SqliteTime.Read(reader.GetInt64(4)));
                profiles[reader.GetInt64(0)].Traits[trait.Name] = trait;
            }
        }

        // The write lock is held since BEGIN IMMEDIATE, so nobody else takes ids from max(id) on.
        await using var max = Command("SELECT coalesce(max(id), 0) FROM profiles");
        var last = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return new ProfileLoad(profiles, new HashSet<int>(), Enumerable.Range(1, reserve).Select(i => last + i).ToArray());
    }

    public Task ApplyAsync(ResolutionOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken) =>
        new SqliteOutcomeWriter(connection, transaction).WriteAsync(outcome, now, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
