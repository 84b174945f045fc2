using System.Data.Common;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ConnectorHub.Core.Predictions.Scoring;

/// <summary>
/// Writes a batch of scores inside a run's fenced transaction: the score rows with their explanations, and the
/// model's trait on each profile (source <c>model:&lt;trait&gt;:v&lt;version&gt;</c>, observed at the scoring time), set-based.
/// </summary>
internal sealed class ScoreWriter(StorageProvider provider)
{
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, ScoreTarget target, IReadOnlyList<ScoreRow> rows, CancellationToken cancellationToken)
    {
        if (provider == StorageProvider.Postgres)
        {
            await WritePostgresAsync(connection, transaction, target, rows, cancellationToken);
        }
        else
        {
            await WriteSqliteAsync((SqliteConnection)connection, (SqliteTransaction)transaction, target, rows, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE predictive_model_runs SET scored = scored + @count WHERE id = @run", new { count = rows.Count, run = target.RunId }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task WritePostgresAsync(DbConnection connection, DbTransaction transaction, ScoreTarget target, IReadOnlyList<ScoreRow> rows, CancellationToken cancellationToken)
    {
        var profiles = rows.Select(r => r.ProfileId).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO predictive_scores (model_id, profile_id, run_id, score, explanation, scored_at)
            SELECT @model, u.profile_id, @run, u.score, u.explanation::jsonb, @at FROM unnest(@profiles, @scores, @explanations) AS u(profile_id, score, explanation)
            ON CONFLICT (model_id, profile_id) DO UPDATE SET run_id = excluded.run_id, score = excluded.score, explanation = excluded.explanation, scored_at = excluded.scored_at;
            INSERT INTO profile_traits (profile_id, name, value, search_value, source, observed_at)
            SELECT u.profile_id, @trait, u.value::jsonb, u.value, @source, @at
            FROM unnest(@profiles, @values) AS u(profile_id, value) JOIN profiles p ON p.id = u.profile_id AND p.merged_into IS NULL
            ON CONFLICT (profile_id, name) DO UPDATE SET value = excluded.value, search_value = excluded.search_value, source = excluded.source, observed_at = excluded.observed_at;
            """,
            new
            {
                model = target.ModelId,
                run = target.RunId,
                at = target.ScoredAt,
                trait = target.Trait,
                source = target.Source,
                profiles,
                scores = rows.Select(r => r.Score).ToArray(),
                explanations = rows.Select(r => r.ExplanationJson).ToArray(),
                values = rows.Select(r => r.TraitJson).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task WriteSqliteAsync(SqliteConnection connection, SqliteTransaction transaction, ScoreTarget target, IReadOnlyList<ScoreRow> rows, CancellationToken cancellationToken)
    {
        var at = SqliteTime.Write(target.ScoredAt);
        await new SqliteBulkInsert(connection, transaction, "predictive_scores", ["model_id", "profile_id", "run_id", "score", "explanation", "scored_at"],
                "ON CONFLICT (model_id, profile_id) DO UPDATE SET run_id = excluded.run_id, score = excluded.score, explanation = excluded.explanation, scored_at = excluded.scored_at")
            .InsertAsync(rows.Select(r => new object?[] { target.ModelId, r.ProfileId, target.RunId, r.Score, r.ExplanationJson, at }), cancellationToken);

        // A profile merged away since its features were read loses the trait again when the run publishes.
        await new SqliteBulkInsert(connection, transaction, "profile_traits", ["profile_id", "name", "value", "search_value", "source", "observed_at"],
                "ON CONFLICT (profile_id, name) DO UPDATE SET value = excluded.value, search_value = excluded.search_value, source = excluded.source, observed_at = excluded.observed_at")
            .InsertAsync(rows.Select(r => new object?[] { r.ProfileId, target.Trait, r.TraitJson, r.TraitJson, target.Source, at }), cancellationToken);
    }
}

/// <summary>Where a run's scores go: its model and trait, its version's source name and the scoring time.</summary>
internal sealed record ScoreTarget(long ModelId, long RunId, string Trait, string Source, DateTimeOffset ScoredAt)
{
    /// <summary>The source name of a model's trait values: <c>model:&lt;trait&gt;:v&lt;version&gt;</c>.</summary>
    public static string SourceOf(string trait, int version) => $"{SourcePrefix(trait)}v{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>What every version's source name of <paramref name="trait"/> starts with.</summary>
    public static string SourcePrefix(string trait) => $"model:{trait}:";
}
