using ConnectorHub.Core.Segments.Compilation;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Segments.ComputedTraits;

/// <summary>
/// The set-based statement that recomputes one computed trait for every profile: delete its values, then
/// INSERT ... SELECT one aggregate row per profile with matching events. Values are JSON, searched like traits.
/// </summary>
internal static class ComputedTraitSql
{
    public static (string Sql, DynamicParameters Parameters) Refresh(StorageProvider provider, long id, ComputedTraitDefinition definition, DateTimeOffset now)
    {
        var compiler = new RuleCompiler(provider, now, RuleReferences.None);
        var dialect = SqlDialect.For(provider);
        var filter = compiler.EventFilter(definition.Events);
        var json = definition.Property is { } path ? compiler.EventProperty(path) : "NULL";
        string ToJson(string scalar) => provider == StorageProvider.Postgres ? $"to_jsonb({scalar})" : $"json_quote({scalar})";
        var number = dialect.Number(json);
        var select = definition.Kind switch
        {
            ComputedTraitKind.Count => $"SELECT e.profile_id, {ToJson("count(*)")} AS val FROM events e WHERE {filter} GROUP BY e.profile_id",
            ComputedTraitKind.Sum => $"SELECT e.profile_id, {ToJson($"sum({number})")} AS val FROM events e WHERE {filter} AND {number} IS NOT NULL GROUP BY e.profile_id",
            ComputedTraitKind.Average => $"SELECT e.profile_id, {ToJson($"avg({number})")} AS val FROM events e WHERE {filter} AND {number} IS NOT NULL GROUP BY e.profile_id",
            ComputedTraitKind.First or ComputedTraitKind.Last => $"""
                SELECT profile_id, val FROM (
                    SELECT e.profile_id, {json} AS val,
                        row_number() OVER (PARTITION BY e.profile_id ORDER BY e.event_time {(definition.Kind == ComputedTraitKind.First ? "ASC, e.id ASC" : "DESC, e.id DESC")}) AS rn
                    FROM events e WHERE {filter} AND {json} IS NOT NULL) ranked
                WHERE rn = 1
                """,
            _ => $"""
                SELECT profile_id, val FROM (
                    SELECT e.profile_id, {json} AS val,
                        row_number() OVER (PARTITION BY e.profile_id ORDER BY count(*) DESC, max(e.event_time) DESC) AS rn
                    FROM events e WHERE {filter} AND {json} IS NOT NULL GROUP BY 1, 2) ranked
                WHERE rn = 1
                """,
        };
        var traitId = compiler.Parameter(id);
        var at = compiler.Parameter(dialect.Time(now));
        var sql = $"""
            DELETE FROM computed_trait_values WHERE computed_trait_id = {traitId};
            INSERT INTO computed_trait_values (computed_trait_id, profile_id, value, search_value, computed_at)
            SELECT {traitId}, x.profile_id, x.val, {dialect.Text("x.val")}, {at} FROM ({select}) x;
            UPDATE computed_traits SET last_computed_at = {at} WHERE id = {traitId};
            """;
        return (sql, compiler.Parameters);
    }
}
