using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Core.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Scheduling;

/// <summary>
/// At start (after migrations): upgrades a Quartz-era database, then makes Hangfire's recurring jobs match the hub's
/// tables (a sync, segment, activation or model changed while this node was down; a leftover job is removed), and
/// registers the hub's sweeps. One bad schedule is logged and never keeps the hub from starting.
/// </summary>
internal sealed class ScheduleReconciler(
    QuartzUpgrade upgrade,
    IDbContextFactory<HubDbContext> dbFactory,
    SegmentService segments,
    ActivationService activations,
    PredictiveModelService models,
    HubSchedules schedules,
    IOptions<SchedulingOptions> scheduling,
    IOptions<ActivationOptions> activation,
    IOptions<TrackingOptions> tracking,
    ILogger<ScheduleReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await upgrade.UpgradeAsync(cancellationToken);

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var syncs = await db.Set<Sync>().AsNoTracking().ToListAsync(cancellationToken);
            Reconcile(HubJobIds.SyncPrefix, syncs, s => HubJobIds.Sync(s.Id), s => s.Name, schedules.Apply);
        }

        Reconcile(HubJobIds.SegmentPrefix, await segments.ListAsync(cancellationToken), s => HubJobIds.Segment(s.Id), s => s.Name, schedules.Apply);
        Reconcile(HubJobIds.ActivationPrefix, await activations.ListAsync(cancellationToken), a => HubJobIds.Activation(a.Id), a => a.Name, schedules.Apply);
        Reconcile(HubJobIds.ModelPrefix, await models.ListAsync(cancellationToken), m => HubJobIds.Model(m.Id), m => m.Trait, schedules.Apply);

        schedules.Sweep(HubJobIds.Recovery, j => j.RecoverRunsAsync(CancellationToken.None), scheduling.Value.RecoveryInterval);
        schedules.Sweep(HubJobIds.ActivationRetries, j => j.RetryActivationsAsync(CancellationToken.None), activation.Value.RetrySweepInterval);
        schedules.Sweep(HubJobIds.EventRetention, j => j.ApplyRetentionAsync(CancellationToken.None), tracking.Value.RetentionDays > 0 ? tracking.Value.RetentionInterval : null);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Reconcile<T>(string prefix, IReadOnlyList<T> items, Func<T, string> id, Func<T, string> name, Action<T> apply)
    {
        foreach (var item in items)
        {
            try
            {
                apply(item);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                logger.LogError(ex, "The schedule of '{Name}' could not be registered: {Message} Fix its schedule.", name(item), ex.Message);
            }
        }

        var known = items.Select(id).ToHashSet(StringComparer.Ordinal);
        foreach (var leftover in schedules.Registered(prefix).Where(j => !known.Contains(j)))
        {
            schedules.Remove(leftover);
        }
    }
}
