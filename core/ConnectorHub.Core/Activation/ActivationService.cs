using System.Text.Json.Nodes;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// Creates, changes and deletes activations. Each is checked against its segment, its destination connection and
/// what that destination can do (modes, operations), so a bad one is refused with the field and the fix named.
/// </summary>
public sealed class ActivationService(
    HubDatabase database, IDbContextFactory<HubDbContext> dbFactory, PluginCatalog catalog, IEnumerable<IActivationScheduleListener> schedules, TimeProvider time)
{
    private readonly ActivationStore _store = new(database);
    private static readonly string[] Consents = ["ads", "email", "sms"];

    /// <summary>All activations, by name.</summary>
    public Task<IReadOnlyList<ActivationView>> ListAsync(CancellationToken cancellationToken) => _store.ListAsync(cancellationToken);

    /// <summary>One activation.</summary>
    public Task<ActivationView> GetAsync(long id, CancellationToken cancellationToken) => _store.GetAsync(id, cancellationToken);

    /// <summary>Validates and stores a new activation.</summary>
    public async Task<ActivationView> CreateAsync(ActivationRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var activation = await ValidateAsync(null, request, now, now, cancellationToken);
        var id = await _store.InsertAsync(activation, cancellationToken);
        var created = activation with { Id = id };
        foreach (var schedule in schedules)
        {
            await schedule.SavedAsync(created, cancellationToken);
        }

        return created;
    }

    /// <summary>Validates and stores a change; the delivered state and the ledger are kept, so the next run sends only the diff.</summary>
    public async Task<ActivationView> UpdateAsync(long id, ActivationRequest request, CancellationToken cancellationToken)
    {
        var existing = await _store.GetAsync(id, cancellationToken);
        var activation = await ValidateAsync(id, request, existing.CreatedAt, time.GetUtcNow(), cancellationToken);
        await _store.UpdateAsync(activation, cancellationToken);
        foreach (var schedule in schedules)
        {
            await schedule.SavedAsync(activation, cancellationToken);
        }

        return activation;
    }

    /// <summary>Deletes an activation with its delivered state and ledger. The destination keeps what it holds.</summary>
    public async Task DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await _store.GetAsync(id, cancellationToken);
        await _store.DeleteAsync(id, cancellationToken);
        foreach (var schedule in schedules)
        {
            await schedule.DeletedAsync(id, cancellationToken);
        }
    }

    private async Task<ActivationView> ValidateAsync(long? id, ActivationRequest request, DateTimeOffset createdAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add("name", "A name is required.");
        }
        else if (await _store.NameTakenAsync(name, id, cancellationToken))
        {
            errors.Add("name", $"An activation named '{name}' already exists.");
        }

        if (!await _store.SegmentExistsAsync(request.SegmentId, cancellationToken))
        {
            errors.Add("segmentId", $"No segment with id {request.SegmentId}. Create the segment first, or pick one from /api/segments.");
        }

        await CheckDestinationAsync(request, errors, cancellationToken);
        var mapping = request.Mapping ?? new ActivationMapping();
        MemberMapping.Compile(mapping, errors);
        var consent = request.RequiredConsent?.Trim().ToLowerInvariant() is { Length: > 0 } c && c != "none" ? c : null;
        if (consent is not null && !Consents.Contains(consent))
        {
            errors.Add("requiredConsent", $"'{request.RequiredConsent}' is not a consent. Use ads, email, sms, or none.");
        }

        ActivationSchedule.Check(request.Schedule, request.TimeZone, errors);
        errors.ThrowIfAny();
        return new ActivationView(id ?? 0, name, request.SegmentId, request.DestinationConnectionId, request.Mode, mapping,
            (JsonObject?)request.Settings?.DeepClone() ?? [], consent, NullIfBlank(request.Schedule), NullIfBlank(request.TimeZone), request.Enabled, createdAt, now);
    }

    private async Task CheckDestinationAsync(ActivationRequest request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.DestinationConnectionId, cancellationToken);
        if (connection is null)
        {
            errors.Add("destinationConnectionId", $"No connection with id '{request.DestinationConnectionId}'. Create the destination connection first.");
            return;
        }

        var plugin = catalog.Find(connection.PluginId);
        if (plugin is null || connection.Kind != PluginKind.Destination)
        {
            errors.Add("destinationConnectionId", plugin is null
                ? $"The connection '{connection.Name}' uses the plugin '{connection.PluginId}', which is not installed."
                : $"The connection '{connection.Name}' is a source; an activation needs a destination (Meta Custom Audiences, Mailchimp, ...).");
            return;
        }

        var capabilities = plugin.Destination.GetCapabilities();
        if (!ActivationModes.Supported.Contains(request.Mode))
        {
            errors.Add("mode", $"An activation's mode is one of {string.Join(", ", ActivationModes.Supported)}; '{request.Mode}' is a sync mode.");
        }
        else if (!capabilities.SupportedModes.Contains(request.Mode))
        {
            errors.Add("mode", $"The destination '{connection.Name}' ({plugin.Id}) does not support {request.Mode}. It supports: {string.Join(", ", capabilities.SupportedModes)}.");
        }
        else if (ActivationModes.Operations(request.Mode).Except(capabilities.SupportedOperations).ToArray() is { Length: > 0 } missing)
        {
            errors.Add("mode", $"{request.Mode} sends {string.Join(" and ", missing)} records, which the destination '{connection.Name}' ({plugin.Id}) does not take. Pick another mode.");
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
