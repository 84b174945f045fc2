using System.Globalization;
using System.Data.Common;
using System.Text.Json;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Activation;

/// <summary>Everything the diff needs about one page of profiles, read in a few set-based queries.</summary>
internal sealed class DiffPage
{
    public Dictionary<long, (string State, string? Hash, string? Payload)> Delivered { get; } = [];

    public Dictionary<long, PendingFailure> Pending { get; } = [];

    public Dictionary<long, ProfileData> Profiles { get; } = [];

    public static async Task<DiffPage> LoadAsync(DbConnection connection, StorageProvider provider, long activationId, long[] ids, bool withProfiles, CancellationToken cancellationToken)
    {
        var page = new DiffPage();
        var inIds = ProfileService.In(provider, "profile_id", "ids");
        var delivered = await connection.QueryAsync<(long ProfileId, string State, string? Hash, string? Payload)>(ActivationStore.Command(
            $"SELECT profile_id, state, payload_hash, payload FROM activation_members WHERE activation_id = @activationId AND {inIds}", new { activationId, ids }, cancellationToken));
        foreach (var d in delivered)
        {
            page.Delivered[d.ProfileId] = (d.State, d.Hash, d.Payload);
        }

        var pending = await connection.QueryAsync<(long ProfileId, string Operation, string? Hash, object Attempts, object NextAttemptAt)>(ActivationStore.Command(
            $"SELECT profile_id, operation, payload_hash, attempts, next_attempt_at FROM activation_pending WHERE activation_id = @activationId AND {inIds}", new { activationId, ids }, cancellationToken));
        foreach (var p in pending)
        {
            page.Pending[p.ProfileId] = new PendingFailure(p.Operation, p.Hash, Convert.ToInt32(p.Attempts, CultureInfo.InvariantCulture), StoredTime.Read(p.NextAttemptAt));
        }

        if (withProfiles)
        {
            await LoadProfilesAsync(page, connection, provider, ids, cancellationToken);
        }

        return page;
    }

    private static async Task LoadProfilesAsync(DiffPage page, DbConnection connection, StorageProvider provider, long[] ids, CancellationToken cancellationToken)
    {
        var inIds = ProfileService.In(provider, "profile_id", "ids");
        var identifiers = (await connection.QueryAsync<(long ProfileId, string Type, string Value)>(ActivationStore.Command(
            $"SELECT profile_id, type, value FROM profile_identifiers WHERE {inIds} ORDER BY profile_id, type, first_seen, value", new { ids }, cancellationToken))).ToLookup(i => i.ProfileId);
        var value = provider == StorageProvider.Postgres ? "value::text" : "value";
        var traits = (await connection.QueryAsync<(long ProfileId, string Name, string Value)>(ActivationStore.Command(
            $"SELECT profile_id, name, {value} FROM profile_traits WHERE {inIds}", new { ids }, cancellationToken))).ToLookup(t => t.ProfileId);
        foreach (var id in ids)
        {
            page.Profiles[id] = new ProfileData(
                id,
                identifiers[id].ToLookup(i => i.Type, i => i.Value, StringComparer.Ordinal),
                traits[id].ToDictionary(t => t.Name, t => ProfileService.Parse(t.Value), StringComparer.Ordinal));
        }
    }
}
