using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using Microsoft.EntityFrameworkCore;
using ConnectorHub.Core.Scheduling;

namespace ConnectorHub.Core.Syncs;

/// <summary>Checks a sync request against the connections, the source's discovered streams and the schedule rules.</summary>
internal sealed class SyncValidator(ConnectionService connections, TimeProvider time)
{
    public async Task ValidateAsync(HubDbContext db, Guid? id, SyncRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", "A name is required.");
        }
        else if (await db.Set<Sync>().AnyAsync(s => s.Name == request.Name.Trim() && s.Id != id, cancellationToken))
        {
            errors.Add("name", $"A sync named '{request.Name.Trim()}' already exists.");
        }

        var source = await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.SourceConnectionId, cancellationToken);
        if (source is null || source.Kind != PluginKind.Source)
        {
            errors.Add("sourceConnectionId", source is null ? $"No connection with id '{request.SourceConnectionId}'." : $"The connection '{source.Name}' is a destination, not a source.");
        }

        if (request.DestinationConnectionId is { } destinationId)
        {
            var destination = await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == destinationId, cancellationToken);
            if (destination is null || destination.Kind != PluginKind.Destination)
            {
                errors.Add("destinationConnectionId", destination is null ? $"No connection with id '{destinationId}'." : $"The connection '{destination.Name}' is a source, not a destination.");
            }
        }

        ValidateSchedule(request, errors, time.GetUtcNow());
        if (request.Streams.Count == 0)
        {
            errors.Add("streams", "Select at least one stream.");
        }
        else if (source is { Kind: PluginKind.Source })
        {
            await ValidateStreamsAsync(source, request.Streams, errors, cancellationToken);
        }

        errors.ThrowIfAny();
    }

    private static void ValidateSchedule(SyncRequest request, ValidationErrors errors, DateTimeOffset now)
    {
        TimeZoneInfo? zone = TimeZoneInfo.Utc;
        if (request.ScheduleTimeZone is { } zoneId && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            errors.Add("scheduleTimeZone", $"'{zoneId}' is not a known time zone. Use an IANA name such as 'Europe/London' or 'America/New_York'.");
        }

        if (request.ScheduleCron is not { } cron)
        {
            return;
        }

        if (CronSchedule.TryParse(cron) is not { } expression)
        {
            errors.Add("scheduleCron", CronSchedule.Problem(cron)!);
        }
        else if (zone is not null && request.Enabled)
        {
            if (expression.GetNextOccurrence(now, zone) is null)
            {
                errors.Add("scheduleCron", $"'{cron}' never fires again (its times are all in the past). Choose a schedule with future times, or disable the sync.");
            }
        }
    }

    private async Task ValidateStreamsAsync(Connection source, IReadOnlyList<SyncStream> streams, ValidationErrors errors, CancellationToken cancellationToken)
    {
        IReadOnlyList<StreamDescriptor> discovered;
        try
        {
            discovered = await connections.DiscoverAsync(source.Id, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            errors.Add("streams", $"The streams of '{source.Name}' could not be discovered to check the selection: {ex.Message}");
            return;
        }

        for (var i = 0; i < streams.Count; i++)
        {
            var stream = streams[i];
            var descriptor = discovered.FirstOrDefault(d => d.Name == stream.Name);
            if (streams.Take(i).Any(s => s.Name == stream.Name))
            {
                errors.Add($"streams[{i}].name", $"The stream '{stream.Name}' is selected twice.");
            }
            else if (descriptor is null)
            {
                errors.Add($"streams[{i}].name", $"'{source.Name}' has no stream '{stream.Name}'. It has: {string.Join(", ", discovered.Select(d => d.Name))}.");
            }
            else if (!descriptor.SupportedSyncModes.Contains(stream.SyncMode))
            {
                errors.Add($"streams[{i}].syncMode", $"The stream '{stream.Name}' does not support {stream.SyncMode}; it supports {string.Join(", ", descriptor.SupportedSyncModes)}.");
            }
            else if (stream.SyncMode == SyncMode.Incremental && stream.CursorField.Count == 0 && descriptor.DefaultCursorField.Count == 0)
            {
                errors.Add($"streams[{i}].cursorField", $"The stream '{stream.Name}' has no default cursor: choose the cursor field for incremental reads.");
            }
        }
    }
}
