using System.Data.Common;
using System.Text.Json;
using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Dapper;

namespace ConnectorHub.Core.Profiles;

/// <summary>Reads unified profiles: by id (a merged-away id leads to its survivor), by identifier, by trait, by identifier prefix.</summary>
public sealed class ProfileService(HubDatabase database)
{
    /// <summary>The surviving profile of <paramref name="id"/>: itself, or the profile it was merged into.</summary>
    public async Task<long> SurvivorOfAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(long Id, long? MergedInto)>(Command("SELECT id, merged_into FROM profiles WHERE id = @id", new { id }, cancellationToken))).AsList();
        return rows.Count == 1 ? rows[0].MergedInto ?? rows[0].Id : throw NotFoundException.For("profile", id);
    }

    /// <summary>The profile <paramref name="id"/> with traits, identifiers and history; throws when it was merged away (ask <see cref="SurvivorOfAsync"/>).</summary>
    public async Task<ProfileView> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(long Id, long? MergedInto, object CreatedAt, object UpdatedAt)>(
            Command("SELECT id, merged_into, created_at, updated_at FROM profiles WHERE id = @id", new { id }, cancellationToken))).AsList();
        if (rows.Count == 0)
        {
            throw NotFoundException.For("profile", id);
        }

        var found = rows[0];
        if (found.MergedInto is { } survivor)
        {
            throw new NotFoundException($"The profile {id} was merged into {survivor}.");
        }

        var merged = (await connection.QueryAsync<long>(Command("SELECT id FROM profiles WHERE merged_into = @id ORDER BY id", new { id }, cancellationToken))).ToArray();
        var members = merged.Append(id).ToArray();
        var traits = await connection.QueryAsync<(string Name, string Value, string Source, object ObservedAt)>(
            Command("SELECT name, " + JsonText("value") + ", source, observed_at FROM profile_traits WHERE profile_id = @id ORDER BY name", new { id }, cancellationToken));
        var identifiers = await connection.QueryAsync<(string Type, string Value, string Source, string? RecordKey, object FirstSeen, object LastSeen)>(
            Command("SELECT type, value, source, record_key, first_seen, last_seen FROM profile_identifiers WHERE profile_id = @id ORDER BY type, value", new { id }, cancellationToken));
        var merges = await connection.QueryAsync<(long Survivor, long Merged, string Identifier, string Source, string? RecordKey, object ObservedAt, object At, string? Reason)>(
            Command("SELECT survivor_id, merged_id, identifier_type || ':' || identifier_value, source, record_key, observed_at, merged_at, reason FROM profile_merges WHERE " + In("survivor_id", "members") + " ORDER BY id DESC", new { members }, cancellationToken));
        var drops = await connection.QueryAsync<(string Identifier, string Reason, string Source, string? RecordKey, object ObservedAt, object At)>(
            Command("SELECT identifier_type || ':' || identifier_value, reason, source, record_key, observed_at, dropped_at FROM identifier_drops WHERE " + In("profile_id", "members") + " ORDER BY id DESC", new { members }, cancellationToken));

        var traitViews = traits.ToDictionary(t => t.Name, t => new TraitView(Parse(t.Value), t.Source, StoredTime.Read(t.ObservedAt)), StringComparer.Ordinal);
        return new ProfileView(
            id,
            StoredTime.Read(found.CreatedAt),
            StoredTime.Read(found.UpdatedAt),
            merged,
            traitViews.Where(t => !t.Key.StartsWith(FragmentTraits.ConsentPrefix, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal),
            traitViews.Where(t => t.Key.StartsWith(FragmentTraits.ConsentPrefix, StringComparison.Ordinal))
                .ToDictionary(t => t.Key[FragmentTraits.ConsentPrefix.Length..], t => t.Value, StringComparer.Ordinal),
            identifiers.Select(i => new IdentifierView(i.Type, i.Value, i.Source, i.RecordKey, StoredTime.Read(i.FirstSeen), StoredTime.Read(i.LastSeen))).ToArray(),
            merges.Select(m => new HistoryEntry("merge", StoredTime.Read(m.At), m.Identifier, m.Source, m.RecordKey, StoredTime.Read(m.ObservedAt), m.Survivor, m.Merged, m.Reason))
                .Concat(drops.Select(d => new HistoryEntry("drop", StoredTime.Read(d.At), d.Identifier, d.Source, d.RecordKey, StoredTime.Read(d.ObservedAt), Reason: d.Reason)))
                .OrderByDescending(h => h.At).ToArray());
    }

    /// <summary>The id of the profile holding <paramref name="identifier"/> (<c>type:value</c>, normalized as at ingestion).</summary>
    public async Task<long> LookupAsync(string identifier, CancellationToken cancellationToken)
    {
        var parsed = IdentifierNormalizer.Parse(identifier ?? string.Empty)
            ?? throw new HubValidationException("identifier", "Give the identifier as type:value, for example email:ann@example.com.");
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var id = await connection.QuerySingleOrDefaultAsync<long?>(
            Command("SELECT profile_id FROM profile_identifiers WHERE value = @Value AND type = @Type", new { parsed.Value, parsed.Type }, cancellationToken));
        return id ?? throw new NotFoundException($"No profile has the identifier {parsed}.");
    }

    /// <summary>Profiles whose trait <paramref name="trait"/> equals <paramref name="value"/> (ignoring case), by id.</summary>
    public async Task<IReadOnlyList<ProfileSummary>> SearchByTraitAsync(string trait, string value, int limit, int offset, CancellationToken cancellationToken)
    {
        CheckPage(limit, offset);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(Command(
            "SELECT profile_id FROM profile_traits WHERE name = @trait AND search_value = @value ORDER BY profile_id LIMIT @limit OFFSET @offset",
            new { trait, value = value.ToLowerInvariant(), limit, offset }, cancellationToken));
        return await SummariesAsync(connection, ids.ToArray(), cancellationToken);
    }

    /// <summary>Profiles with an identifier value starting with <paramref name="prefix"/> (as typed, or lower-cased), by id.</summary>
    public async Task<IReadOnlyList<ProfileSummary>> SearchByIdentifierPrefixAsync(string prefix, int limit, int offset, CancellationToken cancellationToken)
    {
        CheckPage(limit, offset);
        var term = prefix.Trim();
        if (term.Length == 0)
        {
            throw new HubValidationException("q", "Give the start of an identifier value to search for.");
        }

        var lower = term.ToLowerInvariant();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(Command(
            """
            SELECT DISTINCT profile_id FROM profile_identifiers
            WHERE (value >= @term AND value < @termEnd) OR (value >= @lower AND value < @lowerEnd)
            ORDER BY profile_id LIMIT @limit OFFSET @offset
            """,
            new { term, termEnd = term + '\uffff', lower, lowerEnd = lower + '\uffff', limit, offset }, cancellationToken));
        return await SummariesAsync(connection, ids.ToArray(), cancellationToken);
    }

    private async Task<IReadOnlyList<ProfileSummary>> SummariesAsync(DbConnection connection, long[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return [];
        }

        var updated = (await connection.QueryAsync<(long Id, object UpdatedAt)>(Command("SELECT id, updated_at FROM profiles WHERE " + In("id", "ids"), new { ids }, cancellationToken)))
            .ToDictionary(p => p.Id, p => StoredTime.Read(p.UpdatedAt));
        var traits = (await connection.QueryAsync<(long Id, string Name, string Value)>(
            Command("SELECT profile_id, name, " + JsonText("value") + " FROM profile_traits WHERE " + In("profile_id", "ids") + " ORDER BY name", new { ids }, cancellationToken))).ToLookup(t => t.Id);
        var identifiers = (await connection.QueryAsync<(long Id, string Type, string Value)>(
            Command("SELECT profile_id, type, value FROM profile_identifiers WHERE " + In("profile_id", "ids") + " ORDER BY type, value", new { ids }, cancellationToken))).ToLookup(i => i.Id);
        return ids.Where(updated.ContainsKey).Select(id => new ProfileSummary(
            id,
            updated[id],
            traits[id].ToDictionary(t => t.Name, t => Parse(t.Value), StringComparer.Ordinal),
            identifiers[id].Select(i => $"{i.Type}:{i.Value}").ToArray())).ToArray();
    }

    /// <summary>A list condition: Dapper expands lists on SQLite, Npgsql takes arrays.</summary>
    internal static string In(StorageProvider provider, string column, string parameter) =>
        provider == StorageProvider.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    private string In(string column, string parameter) => In(database.Provider, column, parameter);

    private string JsonText(string column) => database.Provider == StorageProvider.Postgres ? column + "::text" : column;

    internal static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    internal static void CheckPage(int limit, int offset)
    {
        var errors = new ValidationErrors();
        if (limit is < 1 or > 500)
        {
            errors.Add("limit", "The limit must be between 1 and 500.");
        }

        if (offset < 0)
        {
            errors.Add("offset", "The offset cannot be negative.");
        }

        errors.ThrowIfAny();
    }

    private static CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, cancellationToken: cancellationToken);
}
