using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Segments.Compilation;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Predictions.Features;

/// <summary>
/// Fixes a run's features before it reads any example: the event names (the admin's, or the most frequent before the
/// training cutoff, so the choice itself learns nothing from later) and how each selected trait reads (a number, a
/// boolean, or text with an indicator per frequent value).
/// </summary>
internal sealed class FeatureChoice(HubDatabase database)
{
    /// <summary>Event names chosen when the settings name none.</summary>
    public const int AutomaticEventNames = 10;

    /// <summary>Indicators for a text trait, at most: its most frequent values.</summary>
    public const int TextTraitValues = 10;

    public async Task<FeatureSet> ChooseAsync(ModelSettings settings, DateTimeOffset trainingCutoff, CancellationToken cancellationToken)
    {
        var windows = settings.EventWindows.Count == 0 ? ModelSettings.DefaultEventWindows : settings.EventWindows;
        var lookback = windows.Max();
        var sql = SqlDialect.For(database.Provider);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var names = settings.Events.Count > 0
            ? settings.Events
            : (await connection.QueryAsync<string>(new CommandDefinition(
                """
                SELECT name FROM events WHERE name IS NOT NULL AND profile_id IS NOT NULL AND event_time >= @from AND event_time < @to
                GROUP BY name ORDER BY count(*) DESC, name LIMIT @limit
                """,
                new { from = sql.Time(trainingCutoff.AddDays(-lookback)), to = sql.Time(trainingCutoff), limit = AutomaticEventNames },
                commandTimeout: 0, cancellationToken: cancellationToken))).ToArray();

        var traits = new List<TraitFeature>();
        foreach (var trait in settings.Traits)
        {
            var stats = await connection.QuerySingleAsync<(long Numbers, long Booleans, long All)>(new CommandDefinition(
                $"""
                SELECT sum(CASE WHEN {sql.Number("value")} IS NOT NULL THEN 1 ELSE 0 END), sum(CASE WHEN search_value IN ('true', 'false') THEN 1 ELSE 0 END), count(*)
                FROM profile_traits WHERE name = @trait
                """, new { trait }, commandTimeout: 0, cancellationToken: cancellationToken));
            if (stats.All == 0 || stats.Numbers + stats.Booleans >= stats.All / 2.0)
            {
                traits.Add(new TraitFeature(trait, null));
                continue;
            }

            var values = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT search_value FROM profile_traits WHERE name = @trait AND search_value IS NOT NULL GROUP BY search_value ORDER BY count(*) DESC, search_value LIMIT @limit",
                new { trait, limit = TextTraitValues }, commandTimeout: 0, cancellationToken: cancellationToken));
            traits.Add(new TraitFeature(trait, values.ToArray()));
        }

        return new FeatureSet(settings.HorizonDays, names, windows, traits);
    }
}
