using System.Data.Common;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Core.Predictions.Scoring;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Dapper;

namespace ConnectorHub.Core.Predictions.Models;

/// <summary>Predictive models: create, change, delete and list them; read their runs and their profiles' scores.</summary>
public sealed class PredictiveModelService(HubDatabase database, TimeProvider time, IEnumerable<IModelScheduleListener> schedules)
{
    private string SelectModels => "SELECT m.id AS Id, m.trait AS Trait, m.kind AS Kind, m.description AS Description, " + Text("m.settings") + " AS Settings, "
        + "m.schedule AS Schedule, m.time_zone AS TimeZone, m.published_run_id AS PublishedRunId, r.version AS PublishedVersion, m.created_at AS CreatedAt, m.updated_at AS UpdatedAt "
        + "FROM predictive_models m LEFT JOIN predictive_model_runs r ON r.id = m.published_run_id";

    private string SelectRuns => "SELECT id AS Id, model_id AS ModelId, trigger AS Trigger, status AS Status, node AS Node, version AS Version, as_of AS AsOf, "
        + Text("settings") + " AS Settings, " + Text("report") + " AS Report, reason AS Reason, scored AS Scored, started_at AS StartedAt, finished_at AS FinishedAt "
        + "FROM predictive_model_runs";

    /// <summary>All models by trait.</summary>
    public async Task<IReadOnlyList<ModelView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ModelRow>(Command($"{SelectModels} ORDER BY m.trait", null, cancellationToken))).Select(r => r.View()).ToArray();
    }

    /// <summary>One model.</summary>
    public async Task<ModelView> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ModelRow>(Command($"{SelectModels} WHERE m.id = @id", new { id }, cancellationToken));
        return row?.View() ?? throw NotFoundException.For("model", id);
    }

    /// <summary>Creates a model (trained on its schedule or on demand, not at once).</summary>
    public async Task<ModelView> CreateAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        long id;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            var traits = await TraitsAsync(connection, cancellationToken);
            ModelValidation.Check(request, traits.Append(request.Trait).ToHashSet(StringComparer.Ordinal));
            if (traits.Contains(request.Trait, StringComparer.Ordinal))
            {
                throw new HubValidationException("trait", $"A model already writes the trait '{request.Trait}'; choose another name.");
            }

            id = await connection.ExecuteScalarAsync<long>(Command(
                $"""
                INSERT INTO predictive_models (trait, kind, description, settings, schedule, time_zone, created_at, updated_at)
                VALUES (@Trait, @kind, @Description, {Json("@settings")}, @Schedule, @TimeZone, @now, @now) RETURNING id
                """,
                new { request.Trait, kind = request.Kind.ToString(), request.Description, settings = PredictionJson.Write(request.Settings ?? new ModelSettings()), request.Schedule, request.TimeZone, now = Now() },
                cancellationToken));
        }

        return await SavedAsync(id, cancellationToken);
    }

    /// <summary>Changes a model's description, settings and schedule; the next run trains with them. Its trait and kind stay.</summary>
    public async Task<ModelView> UpdateAsync(long id, ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await GetAsync(id, cancellationToken);
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            ModelValidation.Check(request, (await TraitsAsync(connection, cancellationToken)).ToHashSet(StringComparer.Ordinal));
            var errors = new ValidationErrors();
            if (!string.Equals(request.Trait, current.Trait, StringComparison.Ordinal))
            {
                errors.Add("trait", $"The model writes '{current.Trait}'; a trait cannot be renamed (segments use it). Create another model for another trait.");
            }

            if (request.Kind != current.Kind)
            {
                errors.Add("kind", $"The model predicts {current.Kind}; its kind cannot change. Create another model.");
            }

            errors.ThrowIfAny();
            await connection.ExecuteAsync(Command(
                $"UPDATE predictive_models SET description = @Description, settings = {Json("@settings")}, schedule = @Schedule, time_zone = @TimeZone, updated_at = @now WHERE id = @id",
                new { id, request.Description, settings = PredictionJson.Write(request.Settings ?? new ModelSettings()), request.Schedule, request.TimeZone, now = Now() },
                cancellationToken));
        }

        return await SavedAsync(id, cancellationToken);
    }

    /// <summary>Deletes a model with its runs, its scores and its trait on every profile.</summary>
    public async Task DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var model = await GetAsync(id, cancellationToken);
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var prefix = ScoreTarget.SourcePrefix(model.Trait);
            await connection.ExecuteAsync(Command(
                "DELETE FROM profile_traits WHERE name = @trait AND substr(source, 1, @length) = @prefix",
                new { trait = model.Trait, prefix, length = prefix.Length }, cancellationToken, transaction));
            await connection.ExecuteAsync(Command("DELETE FROM predictive_models WHERE id = @id", new { id }, cancellationToken, transaction));
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var listener in schedules)
        {
            await listener.DeletedAsync(id, cancellationToken);
        }
    }

    /// <summary>A model's runs, newest first.</summary>
    public async Task<IReadOnlyList<ModelRunView>> RunsAsync(long modelId, int limit, int offset, CancellationToken cancellationToken)
    {
        ProfileService.CheckPage(limit, offset);
        await GetAsync(modelId, cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<RunRow>(Command($"{SelectRuns} WHERE model_id = @modelId ORDER BY id DESC LIMIT @limit OFFSET @offset", new { modelId, limit, offset }, cancellationToken)))
            .Select(r => r.View()).ToArray();
    }

    /// <summary>The latest run of each model, by model id.</summary>
    public async Task<IReadOnlyDictionary<long, ModelRunView>> LatestRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<RunRow>(Command($"{SelectRuns} WHERE id IN (SELECT max(id) FROM predictive_model_runs GROUP BY model_id)", null, cancellationToken)))
            .Select(r => r.View()).ToDictionary(r => r.ModelId);
    }

    /// <summary>One run.</summary>
    public async Task<ModelRunView> GetRunAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(Command($"{SelectRuns} WHERE id = @runId", new { runId }, cancellationToken));
        return row?.View() ?? throw NotFoundException.For("model run", runId);
    }

    /// <summary>A model's scores, highest first, with their explanations.</summary>
    public async Task<IReadOnlyList<ProfileScoreView>> ScoresAsync(long modelId, int limit, int offset, CancellationToken cancellationToken)
    {
        ProfileService.CheckPage(limit, offset);
        await GetAsync(modelId, cancellationToken);
        return await ScoreRowsAsync("s.model_id = @modelId ORDER BY s.score DESC, s.profile_id LIMIT @limit OFFSET @offset", new { modelId, limit, offset }, cancellationToken);
    }

    /// <summary>Every model's score of one profile, by trait.</summary>
    public Task<IReadOnlyList<ProfileScoreView>> ScoresOfProfileAsync(long profileId, CancellationToken cancellationToken) =>
        ScoreRowsAsync("s.profile_id = @profileId ORDER BY m.trait", new { profileId }, cancellationToken);

    private async Task<IReadOnlyList<ProfileScoreView>> ScoreRowsAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScoreRowView>(Command(
            $"""
            SELECT s.model_id AS ModelId, m.trait AS Trait, m.kind AS Kind, s.profile_id AS ProfileId, s.score AS Score, s.run_id AS RunId, r.version AS Version,
                s.scored_at AS ScoredAt, {Text("s.explanation")} AS Explanation
            FROM predictive_scores s JOIN predictive_models m ON m.id = s.model_id LEFT JOIN predictive_model_runs r ON r.id = s.run_id
            WHERE {where}
            """, parameters, cancellationToken));
        return rows.Select(r => r.View()).ToArray();
    }

    private async Task<ModelView> SavedAsync(long id, CancellationToken cancellationToken)
    {
        var saved = await GetAsync(id, cancellationToken);
        foreach (var listener in schedules)
        {
            await listener.SavedAsync(saved, cancellationToken);
        }

        return saved;
    }

    private static async Task<string[]> TraitsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(Command("SELECT trait FROM predictive_models", null, cancellationToken))).ToArray();

    private object Now() => StoredTime.Write(database.Provider, DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()));

    private string Json(string parameter) => database.Provider == StorageProvider.Postgres ? parameter + "::jsonb" : parameter;

    private string Text(string column) => database.Provider == StorageProvider.Postgres ? column + "::text" : column;

    private static CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private sealed class ModelRow
    {
        public long Id { get; set; }

        public string Trait { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;

        public string? Description { get; set; }

        public string Settings { get; set; } = "{}";

        public string? Schedule { get; set; }

        public string? TimeZone { get; set; }

        public long? PublishedRunId { get; set; }

        public long? PublishedVersion { get; set; }

        public object CreatedAt { get; set; } = 0L;

        public object UpdatedAt { get; set; } = 0L;

        public ModelView View() => new(Id, Trait, Enum.Parse<PredictionKind>(Kind), Description, PredictionJson.Read<ModelSettings>(Settings), Schedule, TimeZone,
            PublishedRunId, PublishedVersion is { } v ? (int)v : null, StoredTime.Read(CreatedAt), StoredTime.Read(UpdatedAt));
    }

    private sealed class RunRow
    {
        public long Id { get; set; }

        public long ModelId { get; set; }

        public string Trigger { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public string Node { get; set; } = string.Empty;

        public long? Version { get; set; }

        public object AsOf { get; set; } = 0L;

        public string Settings { get; set; } = "{}";

        public string? Report { get; set; }

        public string? Reason { get; set; }

        public long Scored { get; set; }

        public object StartedAt { get; set; } = 0L;

        public object? FinishedAt { get; set; }

        public ModelRunView View() => new(Id, ModelId, Enum.Parse<ModelRunTrigger>(Trigger), Enum.Parse<ModelRunStatus>(Status), Node, Version is { } v ? (int)v : null,
            StoredTime.Read(AsOf), PredictionJson.Read<ModelSettings>(Settings), Report is null ? null : PredictionJson.Read<RunReport>(Report), Reason, Scored,
            StoredTime.Read(StartedAt), StoredTime.ReadNullable(FinishedAt));
    }

    private sealed class ScoreRowView
    {
        public long ModelId { get; set; }

        public string Trait { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;

        public long ProfileId { get; set; }

        public double Score { get; set; }

        public long RunId { get; set; }

        public long? Version { get; set; }

        public object ScoredAt { get; set; } = 0L;

        public string Explanation { get; set; } = "[]";

        public ProfileScoreView View() => new(ModelId, Trait, Enum.Parse<PredictionKind>(Kind), ProfileId, Score, RunId, Version is { } v ? (int)v : null,
            StoredTime.Read(ScoredAt), PredictionJson.Read<FeatureContribution[]>(Explanation));
    }
}

/// <summary>A profile's score by one model, explained.</summary>
/// <param name="ModelId">The model.</param>
/// <param name="Trait">The trait the score is written to.</param>
/// <param name="Kind">What the model predicts.</param>
/// <param name="ProfileId">The profile.</param>
/// <param name="Score">The churn probability, or the predicted spend.</param>
/// <param name="RunId">The run that scored it.</param>
/// <param name="Version">That run's version.</param>
/// <param name="ScoredAt">When it was scored.</param>
/// <param name="Explanation">The features that moved it most, strongest first.</param>
public sealed record ProfileScoreView(
    long ModelId, string Trait, PredictionKind Kind, long ProfileId, double Score, long RunId, int? Version, DateTimeOffset ScoredAt, IReadOnlyList<FeatureContribution> Explanation);
