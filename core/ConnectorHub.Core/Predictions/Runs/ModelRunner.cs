using System.Diagnostics;
using System.Globalization;
using ConnectorHub.Core.Leases;
using ConnectorHub.Core.Predictions.Features;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Quality;
using ConnectorHub.Core.Predictions.Scoring;
using ConnectorHub.Core.Predictions.Training;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Predictions.Runs;

/// <summary>
/// One training run of a model, under its lease (<see cref="ModelRunLease"/>): fixes the features, reads a sample of
/// training examples (features before <c>as of − 2N</c>, labels from the N days after) and of validation examples
/// (features before <c>as of − N</c>, labels from the last N days), trains, measures the model against its baseline
/// on the validation window and, only when it passes every check (<see cref="Evaluation"/>), takes the next version,
/// scores every eligible profile as of now in batches and publishes. Every write checks the lease, so a run taken over
/// while its node stalled writes nothing more.
/// </summary>
public sealed class ModelRunner(
    HubDatabase database,
    PredictiveModelService models,
    IOptions<PredictionOptions> options,
    TimeProvider time,
    ILogger<ModelRunner> logger)
{
    private readonly ModelRunStore _store = new(database);
    private readonly FeatureReader _features = new(database);
    private readonly FeatureChoice _choice = new(database);
    private readonly ScoreWriter _writer = new(database.Provider);

    private PredictionOptions Options => options.Value;

    /// <summary>Called after each batch of scores is committed, with the run's id (tests hold a run there to stall its node).</summary>
    internal Func<long, Task>? BatchWritten { get; set; }

    /// <summary>
    /// Runs <paramref name="modelId"/> now and returns the run, or null when another run of the model holds it (on
    /// this node or another). A run that fails records why; it never throws for that.
    /// </summary>
    public async Task<ModelRunView?> RunAsync(long modelId, ModelRunTrigger trigger, CancellationToken cancellationToken)
    {
        var model = await models.GetAsync(modelId, cancellationToken);
        var now = Now();
        if (await _store.StartAsync(modelId, trigger, SyncRunner.NodeName, model.Settings, now, now - Options.StaleAfter, cancellationToken) is not { } runId)
        {
            logger.LogInformation("Model '{Trait}': a run is already going on; this {Trigger} run is skipped.", model.Trait, trigger);
            return null;
        }

        var lease = ModelRunLease.For(database, _store, runId, Options.StaleAfter, time);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using (new LeaseHeartbeat(lease.RenewAsync, async () =>
        {
            lease.Lose();
            await run.CancelAsync();
        }, Options.HeartbeatInterval, time, logger, $"Model run {runId}"))
        {
            try
            {
                await TrainAsync(model, runId, now, lease, run.Token);
            }
            catch (Exception ex) when (lease.IsLost || ex is ModelRunLeaseLostException)
            {
                logger.LogError("Model '{Trait}': run {RunId} lost its lease (it was closed while this node was stalled or cut off for longer than {StaleAfter}) and another run took over; this node stopped it without writing anything more.",
                    model.Trait, runId, Options.StaleAfter);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await _store.FinishAsync(runId, ModelRunStatus.Failed, "Cancelled (the hub is stopping); the published version stands.", Now());
                throw;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Model '{Trait}': run {RunId} failed: {Message}", model.Trait, runId, ex.Message);
                await _store.FinishAsync(runId, ModelRunStatus.Failed, ex.Message, Now());
            }
        }

        return await models.GetRunAsync(runId, CancellationToken.None);
    }

    private async Task TrainAsync(ModelView model, long runId, DateTimeOffset now, Lease lease, CancellationToken cancellationToken)
    {
        var settings = model.Settings;
        var horizon = settings.HorizonDays;
        var split = new TimeSplit(now.AddDays(-2 * horizon), now.AddDays(-horizon), now);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();

        var features = await _choice.ChooseAsync(settings, split.TrainingCutoff, cancellationToken);
        var training = await ExampleSample.DrawAsync(_features.ReadAsync(features, split.TrainingCutoff, split.ValidationCutoff, cancellationToken), Options.MaxExamples, 1, cancellationToken);
        var validation = await ExampleSample.DrawAsync(_features.ReadAsync(features, split.ValidationCutoff, split.AsOf, cancellationToken), Options.MaxExamples, 2, cancellationToken);
        var trainingExamples = training.Examples();
        var validationExamples = validation.Examples();
        seconds["features"] = Lap(ref started);
        if ((Shortage(model.Kind, "training", split.TrainingCutoff, split.ValidationCutoff, trainingExamples)
            ?? Shortage(model.Kind, "validation", split.ValidationCutoff, split.AsOf, validationExamples)) is { } shortage)
        {
            await FinishFencedAsync(runId, lease, ModelRunStatus.NotPublished, shortage, null, cancellationToken);
            logger.LogInformation("Model '{Trait}': run {RunId} not published: {Reason}", model.Trait, runId, shortage);
            return;
        }

        using var tree = TreeModel.Train(model.Kind, features, trainingExamples, settings, seed: 1);
        seconds["training"] = Lap(ref started);
        var baseline = Baseline.Fit(model.Kind, horizon, trainingExamples);
        var predicted = validationExamples.Select(e => tree.Predict(e.Values).Score).ToArray();
        var baselinePredicted = validationExamples.Select(baseline.Predict).ToArray();
        var evaluation = Evaluation.Of(model.Kind, validationExamples, predicted, baselinePredicted);
        seconds["validation"] = Lap(ref started);
        var report = new RunReport(
            split,
            Summary(model.Kind, trainingExamples, training.Seen),
            Summary(model.Kind, validationExamples, validation.Seen),
            features.Names,
            baseline.Description,
            Finite(evaluation.Model),
            Finite(evaluation.Baseline),
            evaluation.Checks,
            evaluation.Reliability,
            evaluation.Lift,
            tree.Importance,
            null,
            seconds);

        if (!evaluation.Publishable)
        {
            var reason = "It does not beat its baseline: " + string.Join(" ", evaluation.Checks.Where(c => !c.Passed).Select(c => $"{Sentence(c.Name)}: no. {c.Detail}")) + " The published version stands.";
            await FinishFencedAsync(runId, lease, ModelRunStatus.NotPublished, reason, report, cancellationToken);
            logger.LogInformation("Model '{Trait}': run {RunId} not published: {Reason}", model.Trait, runId, reason);
            return;
        }

        var version = await BeginScoringAsync(model, runId, report, lease, cancellationToken);
        var target = new ScoreTarget(model.Id, runId, model.Trait, ScoreTarget.SourceOf(model.Trait, version), now);
        var (scored, distribution) = await ScoreAsync(model.Kind, features, tree, target, predicted, lease, cancellationToken);
        seconds["scoring"] = Lap(ref started);
        await PublishAsync(target, report with { Distribution = distribution, Seconds = seconds }, scored, lease, cancellationToken);
        logger.LogInformation("Model '{Trait}': run {RunId} published version {Version} ({Scored} profiles scored).", model.Trait, runId, version, scored);
    }

    /// <summary>Records the report and takes the model's next version, so each score written names it.</summary>
    private async Task<int> BeginScoringAsync(ModelView model, long runId, RunReport report, Lease lease, CancellationToken cancellationToken)
    {
        await lease.EnsureHeldAsync(cancellationToken);
        var (connection, transaction) = await _store.BeginFencedAsync(runId, time.GetUtcNow(), Options.StaleAfter, cancellationToken);
        await using (connection)
        await using (transaction)
        {
            await _store.ReportAsync(connection, transaction, runId, report, 0, cancellationToken);
            var version = await ModelRunStore.AssignVersionAsync(connection, transaction, runId, model.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return version;
        }
    }

    /// <summary>Scores every eligible profile as of the run's time, streaming them and writing a batch at a time.</summary>
    private async Task<(long Scored, ScoreDistribution Distribution)> ScoreAsync(
        PredictionKind kind, FeatureSet features, TreeModel tree, ScoreTarget target, IReadOnlyList<double> validationPredictions, Lease lease, CancellationToken cancellationToken)
    {
        var histogram = ScoreHistogram.For(kind, validationPredictions);
        var batch = new List<ScoreRow>(Options.ScoreBatchSize);
        long scored = 0;
        await foreach (var row in _features.ReadAsync(features, target.ScoredAt, null, cancellationToken))
        {
            var (score, contributions) = tree.Predict(row.Values);
            histogram.Add(score);
            var explanation = FeatureContribution.Top(features.Names, row.Values, contributions, TreeModel.Contributions);
            batch.Add(new ScoreRow(row.ProfileId, score, TraitJson(kind, score), PredictionJson.Write(explanation)));
            if (batch.Count >= Options.ScoreBatchSize)
            {
                scored += await WriteAsync(target, batch, lease, cancellationToken);
            }
        }

        scored += await WriteAsync(target, batch, lease, cancellationToken);
        return (scored, histogram.ToDistribution(kind));
    }

    private async Task<int> WriteAsync(ScoreTarget target, List<ScoreRow> batch, Lease lease, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        for (var attempt = 1; ; attempt++)
        {
            await lease.EnsureHeldAsync(cancellationToken);
            var (connection, transaction) = await _store.BeginFencedAsync(target.RunId, time.GetUtcNow(), Options.StaleAfter, cancellationToken);
            await using (connection)
            await using (transaction)
            {
                try
                {
                    await _writer.WriteAsync(connection, transaction, target, batch, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    break;
                }
                catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected && attempt < 3)
                {
                    // A merge deleting a loser's traits met this batch's upserts in the other order: the batch is whole or absent, so write it again.
                    logger.LogWarning("Model run {RunId}: a batch of scores met a concurrent merge (deadlock); writing it again.", target.RunId);
                }
            }
        }

        var written = batch.Count;
        batch.Clear();
        if (BatchWritten is { } hook)
        {
            await hook(target.RunId);
        }

        return written;
    }

    /// <summary>
    /// In one fenced transaction: drops the scores and trait values of earlier versions (and of profiles merged away
    /// meanwhile), points the model at this run and closes it as Published.
    /// </summary>
    private async Task PublishAsync(ScoreTarget target, RunReport report, long scored, Lease lease, CancellationToken cancellationToken)
    {
        await lease.EnsureHeldAsync(cancellationToken);
        var (connection, transaction) = await _store.BeginFencedAsync(target.RunId, time.GetUtcNow(), Options.StaleAfter, cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var prefix = ScoreTarget.SourcePrefix(target.Trait);
            await Dapper.SqlMapper.ExecuteAsync(connection, ModelRunStore.Command(
                """
                DELETE FROM predictive_scores WHERE model_id = @model AND run_id <> @run;
                DELETE FROM profile_traits WHERE name = @trait AND substr(source, 1, @length) = @prefix AND source <> @source;
                DELETE FROM profile_traits WHERE name = @trait AND source = @source AND profile_id IN (SELECT id FROM profiles WHERE merged_into IS NOT NULL);
                UPDATE predictive_models SET published_run_id = @run WHERE id = @model;
                """,
                new { model = target.ModelId, run = target.RunId, trait = target.Trait, prefix, length = prefix.Length, source = target.Source }, transaction, cancellationToken));
            await _store.ReportAsync(connection, transaction, target.RunId, report, scored, cancellationToken);
            await _store.CloseAsync(connection, transaction, target.RunId, ModelRunStatus.Published, null, time.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task FinishFencedAsync(long runId, Lease lease, ModelRunStatus status, string reason, RunReport? report, CancellationToken cancellationToken)
    {
        await lease.EnsureHeldAsync(cancellationToken);
        var (connection, transaction) = await _store.BeginFencedAsync(runId, time.GetUtcNow(), Options.StaleAfter, cancellationToken);
        await using (connection)
        await using (transaction)
        {
            if (report is not null)
            {
                await _store.ReportAsync(connection, transaction, runId, report, 0, cancellationToken);
            }

            await _store.CloseAsync(connection, transaction, runId, status, reason, time.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Why the examples are too few to learn or to judge from, or null when they are enough.</summary>
    private string? Shortage(PredictionKind kind, string window, DateTimeOffset cutoff, DateTimeOffset end, IReadOnlyList<ProfileFeatures> examples)
    {
        var positive = examples.Count(e => kind == PredictionKind.Churn ? e.Churned : e.FutureSpend > 0);
        var negative = examples.Count - positive;
        if (examples.Count >= Options.MinimumExamples && positive >= Options.MinimumPerOutcome && negative >= Options.MinimumPerOutcome)
        {
            return null;
        }

        var outcome = kind == PredictionKind.Churn ? $"{positive} churned and {negative} ordered again" : $"{positive} spent and {negative} did not";
        return string.Create(CultureInfo.InvariantCulture,
            $"Not enough history: the {window} window (orders before {cutoff:yyyy-MM-dd}, outcomes up to {end:yyyy-MM-dd}) has {examples.Count} customers with past orders, of whom {outcome}; "
            + $"at least {Options.MinimumExamples} customers and {Options.MinimumPerOutcome} of each outcome are needed ({PredictionOptions.Section}:MinimumExamples, MinimumPerOutcome). The published version stands.");
    }

    private static ExampleSummary Summary(PredictionKind kind, IReadOnlyList<ProfileFeatures> examples, long eligible) =>
        new(examples.Count, eligible, examples.Count == 0 ? 0 : kind == PredictionKind.Churn ? examples.Count(e => e.Churned) / (double)examples.Count : examples.Average(e => e.FutureSpend));

    private static QualityMetrics Finite(QualityMetrics metrics) => new(
        metrics.Auc is { } auc ? PredictionJson.Finite(auc) : null,
        metrics.Brier is { } brier ? PredictionJson.Finite(brier) : null,
        metrics.Mae is { } mae ? PredictionJson.Finite(mae) : null,
        metrics.RankCorrelation is { } rank ? PredictionJson.Finite(rank) : null);

    private static string TraitJson(PredictionKind kind, double score) =>
        Math.Round(score, kind == PredictionKind.Churn ? 4 : 2).ToString(kind == PredictionKind.Churn ? "0.####" : "0.##", CultureInfo.InvariantCulture);

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Seconds since <paramref name="started"/> on the machine's clock (how long a step took, whatever the hub's clock says), and starts the next lap.</summary>
    private static double Lap(ref long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        started = Stopwatch.GetTimestamp();
        return Math.Round(elapsed, 3);
    }

    // Milliseconds: what SQLite keeps, so both stores see the same times.
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
}
