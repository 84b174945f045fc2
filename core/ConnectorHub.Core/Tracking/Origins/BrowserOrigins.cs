using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Tracking.Keys;
using ConnectorHub.Core.Validation;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Tracking.Origins;

/// <summary>
/// The web origins whose pages may send each tracking source events from a browser (CORS). Browsers send the
/// <c>Origin</c> of the page with every cross-site request; the tracking API answers a request of a source only for an
/// origin the source lists. Every node reads the whole (small) table at most every <see cref="CacheFor"/>; a change
/// takes effect at once on the node that made it.
/// </summary>
public sealed class BrowserOrigins(HubDatabase database, TimeProvider time, ILogger<BrowserOrigins> logger) : IDisposable
{
    /// <summary>How long the origins read are reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    /// <summary>The most origins one source lists.</summary>
    public const int MaxPerSource = 50;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>The origins <paramref name="sourceId"/> allows, sorted.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(Guid sourceId, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).BySource.TryGetValue(sourceId, out var origins) ? origins.Order(StringComparer.Ordinal).ToArray() : [];

    /// <summary>Replaces the origins of <paramref name="sourceId"/>; returns them as stored (canonical, sorted).</summary>
    public async Task<IReadOnlyList<string>> SetAsync(Guid sourceId, IEnumerable<string> origins, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origins);
        var errors = new ValidationErrors();
        var parsed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in origins.Where(o => !string.IsNullOrWhiteSpace(o)))
        {
            var (origin, error) = WebOrigin.Parse(text);
            if (error is not null)
            {
                errors.Add("origins", error);
            }
            else
            {
                parsed.Add(origin!);
            }
        }

        if (parsed.Count > MaxPerSource)
        {
            errors.Add("origins", $"A source can list at most {MaxPerSource} origins ({parsed.Count} given); use * to allow every origin.");
        }

        errors.ThrowIfAny();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var source = StoredIds.Write(database.Provider, sourceId);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM tracking_sources WHERE id = @source", new { source }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            throw NotFoundException.For("tracking source", sourceId);
        }

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM tracking_source_origins WHERE source_id = @source", new { source }, transaction, cancellationToken: cancellationToken));
        foreach (var origin in parsed)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO tracking_source_origins (source_id, origin) VALUES (@source, @origin)", new { source, origin }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        _snapshot = null;
        logger.LogInformation("{ChangedBy} set the allowed origins of tracking source {Source} to {Origins}.", changedBy, sourceId, parsed.Count == 0 ? "none" : string.Join(", ", parsed));
        return parsed.ToArray();
    }

    /// <summary>Whether <paramref name="sourceId"/> allows pages of <paramref name="origin"/> (as browsers send it).</summary>
    public async Task<bool> AllowsAsync(Guid sourceId, string origin, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).BySource.TryGetValue(sourceId, out var origins) && (origins.Contains(WebOrigin.Any) || origins.Contains(Canonical(origin)));

    /// <summary>Whether some tracking source allows <paramref name="origin"/> (a preflight names no source).</summary>
    public async Task<bool> AnyAllowsAsync(string origin, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.All.Contains(WebOrigin.Any) || snapshot.All.Contains(Canonical(origin));
    }

    private static string Canonical(string origin) => WebOrigin.Parse(origin).Origin ?? origin;

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_snapshot is { } fresh && fresh.Until > now)
        {
            return fresh;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && loaded.Until > now)
            {
                return loaded;
            }

            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<(object SourceId, string Origin)>(new CommandDefinition(
                "SELECT source_id, origin FROM tracking_source_origins", cancellationToken: cancellationToken));
            var bySource = rows.GroupBy(r => StoredIds.Read(r.SourceId)).ToDictionary(g => g.Key, g => g.Select(r => r.Origin).ToHashSet(StringComparer.Ordinal));
            var snapshot = new Snapshot(bySource, bySource.Values.SelectMany(o => o).ToHashSet(StringComparer.Ordinal), now + CacheFor);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    private sealed record Snapshot(Dictionary<Guid, HashSet<string>> BySource, HashSet<string> All, DateTimeOffset Until);
}
