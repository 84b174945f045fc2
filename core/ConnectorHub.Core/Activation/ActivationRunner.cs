using System.Globalization;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Leases;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Destinations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// Runs an activation: under its lease (<see cref="DeliveryLease"/>), streams the diff since the last accepted delivery to the destination plugin
/// in batches within its limit, and records every record's outcome in the ledger as each batch returns.
/// </summary>
public sealed class ActivationRunner(
    HubDatabase database,
    IDbContextFactory<HubDbContext> dbFactory,
    PluginCatalog catalog,
    ConnectorContextFactory contexts,
    IOptions<ActivationOptions> options,
    TimeProvider time,
    ILogger<ActivationRunner> logger)
{
    private readonly ActivationStore _store = new(database);
    private readonly DiffReader _diff = new(database, options.Value);
    private readonly DeliveryLedger _ledger = new(database, options.Value);
    private readonly DeliveryQueries _queries = new(database, options);

    /// <summary>This node's name in the ledger.</summary>
    public static string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Runs <paramref name="activationId"/> now and returns its ledger entry, or null when another run of it holds
    /// the lock (on this node or another). A failing destination fails the run, not the caller.
    /// </summary>
    public async Task<DeliveryView?> RunAsync(long activationId, ActivationTrigger trigger, CancellationToken cancellationToken)
    {
        var activation = await _store.GetAsync(activationId, cancellationToken);
        var now = time.GetUtcNow();
        if (await _ledger.StartAsync(activationId, trigger, Node, now, now - options.Value.StaleAfter, cancellationToken) is not { } deliveryId)
        {
            logger.LogInformation("Activation {ActivationId}: a run is already going on; this {Trigger} run is skipped.", activationId, trigger);
            return null;
        }

        var lease = DeliveryLease.For(database, deliveryId, options.Value.StaleAfter, time);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var heartbeat = new LeaseHeartbeat(lease.RenewAsync, async () =>
        {
            lease.Lose();
            await run.CancelAsync();
        }, options.Value.HeartbeatInterval, time, logger, $"Activation run {deliveryId}");
        var counts = new DeliveryCounts();
        try
        {
            await DeliverAsync(activation, deliveryId, lease, counts, run.Token);
            if (counts.IsEmpty && trigger != ActivationTrigger.Manual)
            {
                // Upsert activations run after every refresh: a run that found nothing is not worth a ledger row.
                await _ledger.DiscardAsync(deliveryId);
                logger.LogDebug("Activation '{Name}': nothing changed since the last delivery.", activation.Name);
                return null;
            }

            await FinishAsync(activation, deliveryId, DeliveryStatus.Succeeded, counts, null);
            logger.LogInformation("Activation '{Name}': {Adds} adds, {Removes} removes, {Updates} updates; {Sent} sent, {Accepted} accepted, {Rejected} rejected, {Retry} to retry, {Deferred} deferred.",
                activation.Name, counts.Adds, counts.Removes, counts.Updates, counts.Sent, counts.Accepted, counts.Rejected, counts.Retry, counts.Deferred);
        }
        catch (Exception ex) when (lease.IsLost || ex is DeliveryLeaseLostException)
        {
            // Taken over while this node was not heard from: the other run owns the activation now. Record nothing.
            logger.LogError("Activation '{Name}': run {DeliveryId} lost its lease (it was closed while this node was stalled or cut off for longer than {StaleAfter}) and another run took over; this node stopped it without sending or recording anything more.",
                activation.Name, deliveryId, options.Value.StaleAfter);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(activation, deliveryId, DeliveryStatus.Failed, counts, "Cancelled (the hub is stopping); the next run sends what was not recorded.");
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Activation '{Name}' failed: {Message}", activation.Name, ex.Message);
            await FinishAsync(activation, deliveryId, DeliveryStatus.Failed, counts, ex.Message);
        }

        return await _queries.RunAsync(deliveryId, CancellationToken.None);
    }

    /// <summary>Whether a run of <paramref name="activationId"/> holds its lease now (on any node).</summary>
    public async Task<bool> IsRunningAsync(long activationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await Dapper.SqlMapper.ExecuteScalarAsync<bool>(connection, ActivationStore.Command(
            "SELECT EXISTS (SELECT 1 FROM activation_deliveries WHERE activation_id = @activationId AND status = @running)",
            new { activationId, running = nameof(DeliveryStatus.Running) }, cancellationToken));
    }

    private async Task FinishAsync(ActivationView activation, long deliveryId, DeliveryStatus status, DeliveryCounts counts, string? error)
    {
        if (!await _ledger.FinishAsync(deliveryId, status, counts, error, time.GetUtcNow()))
        {
            logger.LogError("Activation '{Name}': run {DeliveryId} ended ({Status}) after another run had taken it over; its end is not recorded.", activation.Name, deliveryId, status);
        }
    }

    private async Task DeliverAsync(ActivationView activation, long deliveryId, Lease lease, DeliveryCounts counts, CancellationToken cancellationToken)
    {
        var (destination, context) = await DestinationAsync(activation, cancellationToken);
        var errors = new ValidationErrors();
        var mapping = MemberMapping.Compile(activation.Mapping, errors);
        errors.ThrowIfAny();
        var batchSize = Math.Max(1, Math.Min(options.Value.MaxBatchSize, destination.GetCapabilities().MaxBatchSize));
        await _ledger.ForgetStaleFailuresAsync(activation, cancellationToken);

        IDestinationWriter? writer = null;
        try
        {
            var batch = new List<MemberChange>(Math.Min(batchSize, 1000));
            await foreach (var change in _diff.ReadAsync(activation, mapping, time.GetUtcNow(), counts, cancellationToken))
            {
                batch.Add(change);
                if (batch.Count >= batchSize)
                {
                    writer ??= await OpenAsync(destination, context, activation, cancellationToken);
                    await WriteAsync(writer, lease, activation.Id, deliveryId, batch, counts, cancellationToken);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                writer ??= await OpenAsync(destination, context, activation, cancellationToken);
                await WriteAsync(writer, lease, activation.Id, deliveryId, batch, counts, cancellationToken);
            }

            if (writer is not null)
            {
                // Completing may send a last request (an upload session's closing batch): under the lease too.
                await lease.EnsureHeldAsync(cancellationToken);
                await writer.CompleteAsync(cancellationToken);
            }
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
            }
        }
    }

    private async Task<(IDestinationConnector Destination, Sdk.Connectors.ConnectorContext Context)> DestinationAsync(ActivationView activation, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == activation.DestinationConnectionId, cancellationToken)
            ?? throw new InvalidOperationException($"The destination connection {activation.DestinationConnectionId} of activation '{activation.Name}' was deleted. Point the activation at another connection.");
        var plugin = catalog.Get(connection.PluginId);
        return (plugin.Destination, contexts.Create(connection, plugin));
    }

    private static Task<IDestinationWriter> OpenAsync(IDestinationConnector destination, Sdk.Connectors.ConnectorContext context, ActivationView activation, CancellationToken cancellationToken) =>
        destination.OpenAsync(context, new WriteRequest { Stream = activation.Name, Mode = activation.Mode, Settings = (System.Text.Json.Nodes.JsonObject)activation.Settings.DeepClone() }, cancellationToken);

    private async Task WriteAsync(IDestinationWriter writer, Lease lease, long activationId, long deliveryId, List<MemberChange> batch, DeliveryCounts counts, CancellationToken cancellationToken)
    {
        // Nothing leaves the hub once another run took the activation over.
        await lease.EnsureHeldAsync(cancellationToken);
        var records = batch.Select(c => new DestinationRecord(c.Key, c.Operation, c.Data)).ToArray();
        var result = await writer.WriteAsync(records, cancellationToken);
        var byKey = result.Results.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var outcomes = batch.Select(c => (c, byKey.TryGetValue(c.Key, out var r) ? r : RecordResult.Retry(c.Key, "The destination returned no result for this record."))).ToArray();
        foreach (var (_, r) in outcomes)
        {
            counts.Count(r.Outcome);
        }

        await _ledger.RecordAsync(activationId, deliveryId, outcomes, time.GetUtcNow(), cancellationToken);
        await _ledger.ProgressAsync(deliveryId, counts, cancellationToken);
    }
}
