using System.Data.Common;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Segments.Rules;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Dapper;
using ConnectorHub.Core.Scheduling;

namespace ConnectorHub.Core.Segments;

/// <summary>Segments: create, change, delete and list, with their rules validated (paths named) and references checked.</summary>
public sealed class SegmentService(HubDatabase database, TimeProvider time, IEnumerable<ISegmentScheduleListener> schedules)
{
    private readonly SegmentDefinitions _definitions = new(database);

    private string SelectColumns => "id AS Id, name AS Name, description AS Description, " + (database.Provider == StorageProvider.Postgres ? "definition::text" : "definition")
        + " AS Definition, schedule AS Schedule, time_zone AS TimeZone, member_count AS MemberCount, last_refreshed_at AS LastRefreshedAt, created_at AS CreatedAt, updated_at AS UpdatedAt";

    /// <summary>All segments by name.</summary>
    public async Task<IReadOnlyList<SegmentView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SegmentRow>(new CommandDefinition($"SELECT {SelectColumns} FROM segments ORDER BY name", cancellationToken: cancellationToken))).Select(r => r.View()).ToArray();
    }

    /// <summary>One segment.</summary>
    public async Task<SegmentView> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SegmentRow>(new CommandDefinition($"SELECT {SelectColumns} FROM segments WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.View() ?? throw NotFoundException.For("segment", id);
    }

    /// <summary>Creates a segment; it has no members until its first refresh.</summary>
    public async Task<SegmentView> CreateAsync(SegmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await ValidateAsync(connection, request, null, cancellationToken);
        var now = StoredTime.Write(database.Provider, time.GetUtcNow());
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"INSERT INTO segments (name, description, definition, schedule, time_zone, created_at, updated_at) VALUES (@Name, @Description, {Json("@definition")}, @Schedule, @TimeZone, @now, @now) RETURNING id",
            new { request.Name, request.Description, definition = request.Definition.GetRawText(), request.Schedule, request.TimeZone, now }, cancellationToken: cancellationToken));
        return await SavedAsync(id, cancellationToken);
    }

    /// <summary>Changes a segment; its memberships follow at the next refresh.</summary>
    public async Task<SegmentView> UpdateAsync(long id, SegmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await ValidateAsync(connection, request, id, cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE segments SET name = @Name, description = @Description, definition = {Json("@definition")}, schedule = @Schedule, time_zone = @TimeZone, updated_at = @now WHERE id = @id",
            new { id, request.Name, request.Description, definition = request.Definition.GetRawText(), request.Schedule, request.TimeZone, now = StoredTime.Write(database.Provider, time.GetUtcNow()) },
            cancellationToken: cancellationToken));
        return changed == 0 ? throw NotFoundException.For("segment", id) : await SavedAsync(id, cancellationToken);
    }

    /// <summary>Deletes a segment with its membership history; refused while another segment's rule refers to it.</summary>
    public async Task DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var references = await _definitions.LoadAsync(connection, cancellationToken);
        var users = references.Segments.Where(s => s.Key != id && RuleWalk.SegmentIds(s.Value).Contains(id)).Select(s => s.Key).ToArray();
        if (users.Length > 0)
        {
            throw new HubValidationException("id", $"The segment(s) {string.Join(", ", users)} refer to this segment; change their rules first.");
        }

        if (await connection.ExecuteAsync(new CommandDefinition("DELETE FROM segments WHERE id = @id", new { id }, cancellationToken: cancellationToken)) == 0)
        {
            throw NotFoundException.For("segment", id);
        }

        foreach (var schedule in schedules)
        {
            await schedule.DeletedAsync(id, cancellationToken);
        }
    }

    /// <summary>The names of the segments whose rules use the computed trait <paramref name="name"/> directly.</summary>
    public async Task<IReadOnlyList<string>> UsersOfComputedTraitAsync(string name, CancellationToken cancellationToken)
    {
        var segments = await ListAsync(cancellationToken);
        return segments.Where(s => RuleWalk.ComputedTraits(RuleParser.Parse(s.Definition)).Contains(name)).Select(s => s.Name).ToArray();
    }

    private async Task<SegmentView> SavedAsync(long id, CancellationToken cancellationToken)
    {
        var segment = await GetAsync(id, cancellationToken);
        foreach (var schedule in schedules)
        {
            await schedule.SavedAsync(segment, cancellationToken);
        }

        return segment;
    }

    private async Task ValidateAsync(DbConnection connection, SegmentRequest request, long? id, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Name is not { Length: > 0 and <= 200 } || string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", "Give the segment a name of 1 to 200 characters.");
        }
        else if (await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition("SELECT id FROM segments WHERE name = @Name", new { request.Name }, cancellationToken: cancellationToken)) is { } other && other != id)
        {
            errors.Add("name", $"A segment named '{request.Name}' already exists (id {other}); choose another name.");
        }

        if (request.Schedule is { } cron && CronSchedule.Problem(cron) is { } problem)
        {
            errors.Add("schedule", $"{problem} The default, {SegmentRequest.DefaultSchedule}, refreshes every 30 seconds; use null to refresh on demand only.");
        }

        if (request.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add("timeZone", $"Unknown time zone '{zone}'; use an IANA id such as Europe/Paris, or leave it out for UTC.");
        }

        errors.ThrowIfAny();
        var rule = RuleParser.Parse(request.Definition);
        SegmentDefinitions.CheckReferences(rule, id, await _definitions.LoadAsync(connection, cancellationToken));
    }

    private string Json(string parameter) => database.Provider == StorageProvider.Postgres ? parameter + "::jsonb" : parameter;
}
