using System.Linq.Expressions;
using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Syncs;
using Hangfire;
using Hangfire.Storage;

namespace ConnectorHub.Core.Scheduling;

/// <summary>
/// Keeps Hangfire's recurring jobs in step with the hub's tables, which stay the source of truth for what is
/// scheduled: a recurring job per enabled, scheduled sync, per scheduled segment, per scheduled, enabled activation and
/// per scheduled predictive model, set on every change and reconciled at start (<see cref="ScheduleReconciler"/>).
/// </summary>
public sealed class HubSchedules(IRecurringJobManager recurring, JobStorage storage)
    : ISyncChangeListener, ISegmentScheduleListener, IActivationScheduleListener, IModelScheduleListener
{
    /// <summary>Registers (or removes) the schedule of <paramref name="sync"/>.</summary>
    public void Apply(Sync sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var id = sync.Id;
        Set<SyncJobs>(HubJobIds.Sync(id), j => j.FireAsync(id, null, CancellationToken.None), sync.Enabled ? sync.ScheduleCron : null, sync.ScheduleTimeZone);
    }

    /// <summary>Registers (or removes) the refresh schedule of <paramref name="segment"/>.</summary>
    public void Apply(SegmentView segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var id = segment.Id;
        Set<HubJobs>(HubJobIds.Segment(id), j => j.RefreshSegmentAsync(id, CancellationToken.None), segment.Schedule, segment.TimeZone);
    }

    /// <summary>Registers (or removes) the own schedule of <paramref name="activation"/>.</summary>
    public void Apply(ActivationView activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var id = activation.Id;
        Set<HubJobs>(HubJobIds.Activation(id), j => j.RunActivationAsync(id, ActivationTrigger.Schedule, CancellationToken.None), activation.Enabled ? activation.Schedule : null, activation.TimeZone);
    }

    /// <summary>Registers (or removes) the training schedule of <paramref name="model"/>.</summary>
    public void Apply(ModelView model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var id = model.Id;
        Set<HubJobs>(HubJobIds.Model(id), j => j.TrainModelAsync(id, ModelRunTrigger.Schedule, CancellationToken.None), model.Schedule, model.TimeZone);
    }

    /// <summary>Registers a sweep of the hub's own to run every <paramref name="interval"/> (none when null).</summary>
    public void Sweep(string id, Expression<Func<HubJobs, Task>> job, TimeSpan? interval) =>
        Set(id, job, interval is { } every ? CronSchedule.Every(every) : null, null);

    /// <summary>The ids of the recurring jobs whose id starts with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<string> Registered(string prefix)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Select(j => j.Id).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
    }

    /// <summary>Removes the recurring job <paramref name="id"/>, if there is one.</summary>
    public void Remove(string id) => recurring.RemoveIfExists(id);

    Task ISyncChangeListener.SavedAsync(Sync sync, CancellationToken cancellationToken) => Done(() => Apply(sync));

    Task ISyncChangeListener.DeletedAsync(Guid syncId, CancellationToken cancellationToken) => Done(() => Remove(HubJobIds.Sync(syncId)));

    Task ISegmentScheduleListener.SavedAsync(SegmentView segment, CancellationToken cancellationToken) => Done(() => Apply(segment));

    Task ISegmentScheduleListener.DeletedAsync(long segmentId, CancellationToken cancellationToken) => Done(() => Remove(HubJobIds.Segment(segmentId)));

    Task IActivationScheduleListener.SavedAsync(ActivationView activation, CancellationToken cancellationToken) => Done(() => Apply(activation));

    Task IActivationScheduleListener.DeletedAsync(long activationId, CancellationToken cancellationToken) => Done(() => Remove(HubJobIds.Activation(activationId)));

    Task IModelScheduleListener.SavedAsync(ModelView model, CancellationToken cancellationToken) => Done(() => Apply(model));

    Task IModelScheduleListener.DeletedAsync(long modelId, CancellationToken cancellationToken) => Done(() => Remove(HubJobIds.Model(modelId)));

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private void Set<T>(string id, Expression<Func<T, Task>> job, string? cron, string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            recurring.RemoveIfExists(id);
            return;
        }

        // A schedule missed while every node was down fires once when one is back (Relaxed), then resumes.
        recurring.AddOrUpdate(id, job, cron.Trim(), new RecurringJobOptions
        {
            TimeZone = timeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone),
            MisfireHandling = MisfireHandlingMode.Relaxed,
        });
    }
}
