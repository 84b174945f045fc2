using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ConnectorHub.Core.Leases;
using ConnectorHub.Core.Runs;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Runner;

/// <summary>
/// Moves one run's records: the source reads ahead into a bounded channel (back-pressure), records are mapped and
/// buffered, and each flush writes the buffer to the sink and then commits counts, rejections and the states
/// emitted so far in one transaction. A transient failure discards what is not committed and resumes from the last
/// committed checkpoint; cancellation commits what was read and stops.
/// </summary>
internal sealed class RunExecution(Run run, RunSetup setup, Lease lease, RunProgressStore store, SyncRunnerOptions options, TimeProvider time, ILogger logger)
{
    private const int MaxRawLength = 8192;
    private long _lastFlush;

    /// <summary>Runs to the end; throws when the run fails or is cancelled.</summary>
    public Task ExecuteAsync(CancellationToken cancellationToken) =>
        RunRetryPipelines.Resume(options, time, logger, run.Id).ExecuteAsync(async ct =>
        {
            var states = await store.LoadCheckpointsAsync(run.SyncId, ct);
            await PumpAsync(states, ct);
            await lease.EnsureHeldAsync(ct);
            await setup.Sink.CompleteAsync(ct);

            // A finished full refresh starts over next time; an unfinished one resumes from its checkpoint.
            await store.SucceedAsync(run, setup.Streams.Where(s => s.Stream.SyncMode == SyncMode.FullRefresh).Select(s => s.Stream.Name).ToArray(), CancellationToken.None);
        }, cancellationToken).AsTask();

    private async Task PumpAsync(IReadOnlyDictionary<string, JsonNode> states, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<SourceMessage>(new BoundedChannelOptions(options.ReadAhead) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? readFailure = null;
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in setup.Source.ReadAsync(setup.SourceContext, setup.ReadRequest(states), stopReading.Token))
                {
                    await channel.Writer.WriteAsync(message, stopReading.Token);
                }
            }
            catch (Exception ex) when (!stopReading.IsCancellationRequested)
            {
                readFailure = ex;
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None);

        var batch = new PendingBatch();
        _lastFlush = time.GetTimestamp();
        try
        {
            await foreach (var message in channel.Reader.ReadAllAsync(cancellationToken))
            {
                Accept(message, batch);
                if (ShouldFlush(message, batch))
                {
                    await FlushAsync(batch, cancellationToken);
                }
            }

            await reader;
            if (readFailure is not null)
            {
                throw readFailure is ConnectorException ? readFailure : new ConnectorInternalException($"The source failed: {readFailure.GetType().Name}: {readFailure.Message}", innerException: readFailure);
            }

            await FlushAsync(batch, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !lease.IsLost)
        {
            // Commit what the last checkpoint covers; what was read after it is read again by the next run, so a
            // cancelled run sends no record twice.
            await stopReading.CancelAsync();
            batch.DropAfterLastCheckpoint();
            await FlushAsync(batch, CancellationToken.None);
            throw;
        }
        finally
        {
            await stopReading.CancelAsync();
            await reader;
        }
    }

    /// <summary>
    /// Flush at a checkpoint once the batch is full, so what is written is exactly what the committed state covers
    /// and a resume re-sends nothing; a source that checkpoints rarely is still flushed at twice the batch size.
    /// </summary>
    private bool ShouldFlush(SourceMessage message, PendingBatch batch) =>
        (batch.RecordCount >= options.BatchSize && message is StateMessage)
        || batch.RecordCount >= 2 * options.BatchSize
        || (!batch.IsEmpty && time.GetElapsedTime(_lastFlush) >= options.FlushInterval);

    private void Accept(SourceMessage message, PendingBatch batch)
    {
        switch (message)
        {
            case RecordMessage record:
                AcceptRecord(record, batch);
                break;
            case StateMessage state:
                batch.Checkpoint(state.Stream, state.State);
                break;
            case RecordRejectedMessage rejected:
                batch.CountsOf(rejected.Stream).Read++;
                batch.Reject(Reject(rejected.Stream, RejectionStage.Source, null, rejected.Location, rejected.Reason, rejected.RawData));
                break;
            case LogMessage log:
                logger.Log(log.Level, "Run {RunId} source: {Message}", run.Id, log.Message);
                break;
        }
    }

    private void AcceptRecord(RecordMessage record, PendingBatch batch)
    {
        var counts = batch.CountsOf(record.Stream);
        counts.Read++;
        var plan = setup.Plan(record.Stream);
        if (plan is null)
        {
            batch.Reject(Reject(record.Stream, RejectionStage.Source, null, null, $"The source emitted a record of '{record.Stream}', a stream this sync did not select.", record.Data.ToJsonString()));
            return;
        }

        string key;
        try
        {
            key = RecordKeys.Of(record.Data, plan.PrimaryKey);
        }
        catch (KeyNotFoundException ex)
        {
            batch.Reject(Reject(record.Stream, RejectionStage.Mapping, null, "primary key", ex.Message, record.Data.ToJsonString()));
            return;
        }

        var mapped = plan.Mapper.Map(record.Data);
        if (mapped.IsSkipped)
        {
            return;
        }

        if (mapped.Data is null)
        {
            batch.Reject(Reject(record.Stream, RejectionStage.Mapping, key, mapped.Location, mapped.Error ?? "The mapping produced nothing.", record.Data.ToJsonString()));
            return;
        }

        batch.Add(record.Stream, new DestinationRecord(key, RecordOperation.Upsert, mapped.Data));
    }

    private async Task FlushAsync(PendingBatch batch, CancellationToken cancellationToken)
    {
        if (batch.IsEmpty)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var written = batch.RecordCount;
        foreach (var (stream, records) in batch.Records)
        {
            while (records.Count > 0)
            {
                await WriteAsync(stream, records.Take(setup.Sink.MaxBatchSize).ToArray(), batch, cancellationToken);
            }
        }

        await store.CommitAsync(run, batch, CancellationToken.None);
        logger.LogDebug("Run {RunId}: committed {Records} records and {States} checkpoint(s) in {Elapsed}.",
            run.Id, written, batch.States.Count, Stopwatch.GetElapsedTime(started));
        batch.Clear();
        _lastFlush = time.GetTimestamp();
    }

    /// <summary>
    /// Writes <paramref name="records"/> (the front of the stream's batch), sending again those the destination asks
    /// to retry (<see cref="RunRetryPipelines.RecordRetries"/>). Each answered record leaves the batch at once, so a
    /// flush cut short and done again re-sends none.
    /// </summary>
    private async Task WriteAsync(string stream, IReadOnlyList<DestinationRecord> records, PendingBatch batch, CancellationToken cancellationToken)
    {
        var counts = batch.CountsOf(stream);
        var attempts = 0;
        IReadOnlyList<PendingRetry> pending = records.Select(r => new PendingRetry(r, null)).ToArray();
        var left = await RunRetryPipelines.RecordRetries(options, time).ExecuteAsync(async ct =>
        {
            attempts++;
            var toSend = pending.Select(p => p.Record).ToArray();

            // Nothing leaves the hub once the run was taken over: a stale run must not deliver beside its recovery.
            await lease.EnsureHeldAsync(ct);
            // A write once started is let finish (a cancel takes effect after it): cutting it off would leave records
            // delivered but unanswered, to be sent again.
            var results = InRecordOrder(toSend, await setup.Sink.WriteAsync(stream, toSend, CancellationToken.None));
            var retry = new List<int>();
            for (var i = 0; i < toSend.Length; i++)
            {
                switch (results[i].Outcome)
                {
                    case RecordOutcome.Accepted:
                        counts.Written++;
                        break;
                    case RecordOutcome.Retry:
                        retry.Add(i);
                        break;
                    default:
                        batch.Reject(Reject(stream, RejectionStage.Destination, toSend[i].Key, null, results[i].Reason ?? "Rejected by the destination.", toSend[i].Data.ToJsonString()));
                        break;
                }
            }

            batch.Answered(stream, toSend.Length, retry);
            pending = retry.Select(i => new PendingRetry(toSend[i], results[i].Reason)).ToArray();
            return pending;
        }, cancellationToken);

        foreach (var (record, reason) in left)
        {
            batch.Reject(Reject(stream, RejectionStage.Destination, record.Key, null, $"Still not accepted after {attempts} attempts: {reason}", record.Data.ToJsonString()));
        }

        batch.Answered(stream, left.Count, []);
    }

    /// <summary>
    /// One result per record, in the records' order. Destinations nearly always answer in order, so that is checked
    /// first; otherwise results are matched by key, and a record without a result counts as rejected.
    /// </summary>
    private static IReadOnlyList<RecordResult> InRecordOrder(IReadOnlyList<DestinationRecord> records, IReadOnlyList<RecordResult> results)
    {
        var inOrder = results.Count == records.Count;
        for (var i = 0; inOrder && i < records.Count; i++)
        {
            inOrder = string.Equals(results[i].Key, records[i].Key, StringComparison.Ordinal);
        }

        if (inOrder)
        {
            return results;
        }

        var byKey = new Dictionary<string, RecordResult>(results.Count, StringComparer.Ordinal);
        foreach (var result in results)
        {
            byKey[result.Key] = result;
        }

        return records.Select(r => byKey.GetValueOrDefault(r.Key) ?? RecordResult.Rejected(r.Key, "The destination returned no result for this record.")).ToArray();
    }

    private RejectedRecord Reject(string stream, RejectionStage stage, string? key, string? location, string reason, string? raw) => new()
    {
        RunId = run.Id,
        SyncId = run.SyncId,
        Stream = stream,
        Stage = stage,
        RecordKey = key,
        Location = location,
        Reason = reason,
        RawData = raw is null || raw.Length <= MaxRawLength ? raw : raw[..MaxRawLength],
    };
}
