using System.Globalization;
using System.Text;
using ConnectorHub.Core.Segments.Compilation;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Predictions.Features;

/// <summary>
/// The one set-based statement that reads every eligible customer's features as of a cutoff (orders, events and
/// traits strictly before it) and, for a labelled cutoff, what they ordered in the window after it. A customer is
/// eligible when their surviving profile had an order before the cutoff; orders and events of merged-away profiles
/// count for the survivor, as in segment rules. Rows come in profile id order, so a sample of them is reproducible.
/// </summary>
internal static class FeatureQuery
{
    private const string Merged = "merged AS (SELECT id, merged_into FROM profiles WHERE merged_into IS NOT NULL)";

    public static (string Sql, DynamicParameters Parameters) For(StorageProvider provider, FeatureSet set, DateTimeOffset cutoff, DateTimeOffset? labelEnd)
    {
        var sql = SqlDialect.For(provider);
        var parameters = new DynamicParameters();
        string Add(string name, object value)
        {
            parameters.Add(name, value);
            return "@" + name;
        }

        string Real(string expression) => provider == StorageProvider.Postgres ? $"CAST({expression} AS double precision)" : $"CAST({expression} AS REAL)";

        var at = Add("cutoff", sql.Time(cutoff));
        var recent = Add("recent", sql.Time(cutoff.AddDays(-set.HorizonDays)));
        var lookback = Add("lookback", sql.Time(cutoff.AddDays(-set.LookbackDays)));
        var windows = set.Windows.Select((w, i) => Add($"w{i}", sql.Time(cutoff.AddDays(-w)))).ToArray();
        var names = set.EventNames.Select((n, i) => Add($"n{i}", n)).ToArray();

        var text = new StringBuilder("WITH ").Append(Merged).AppendLine(",");
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            past AS (
                SELECT COALESCE(m.merged_into, o.profile_id) AS profile_id, count(*) AS orders, {Real("sum(o.total)")} AS spend,
                    min(o.placed_at) AS first_order, max(o.placed_at) AS last_order,
                    sum(CASE WHEN o.placed_at >= {recent} THEN 1 ELSE 0 END) AS recent_orders
                FROM orders o LEFT JOIN merged m ON m.id = o.profile_id
                WHERE o.profile_id IS NOT NULL AND o.placed_at < {at}
                GROUP BY COALESCE(m.merged_into, o.profile_id)),
            """);
        if (labelEnd is { } end)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"""
                future AS (
                    SELECT COALESCE(m.merged_into, o.profile_id) AS profile_id, count(*) AS orders, {Real("sum(o.total)")} AS spend
                    FROM orders o LEFT JOIN merged m ON m.id = o.profile_id
                    WHERE o.profile_id IS NOT NULL AND o.placed_at >= {at} AND o.placed_at < {Add("labelEnd", sql.Time(end))}
                    GROUP BY COALESCE(m.merged_into, o.profile_id)),
                """);
        }

        var counts = windows.Select((w, i) => $"sum(CASE WHEN e.event_time >= {w} THEN 1 ELSE 0 END) AS a{i}")
            .Concat(names.SelectMany((n, j) => windows.Select((w, i) => $"sum(CASE WHEN e.name = {n} AND e.event_time >= {w} THEN 1 ELSE 0 END) AS e{j}_{i}")));
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            activity AS (
                SELECT COALESCE(m.merged_into, e.profile_id) AS profile_id, max(e.event_time) AS last_event{string.Concat(counts.Select(c => ", " + c))}
                FROM events e LEFT JOIN merged m ON m.id = e.profile_id
                WHERE e.profile_id IS NOT NULL AND e.event_time >= {lookback} AND e.event_time < {at}
                GROUP BY COALESCE(m.merged_into, e.profile_id))
            """);

        var columns = new List<string>
        {
            "past.profile_id", "past.orders", "past.spend", "past.first_order", "past.last_order", "past.recent_orders",
            labelEnd is null ? "0" : "f.orders", labelEnd is null ? "0" : "f.spend", "a.last_event",
        };
        columns.AddRange(windows.Select((_, i) => $"a.a{i}"));
        columns.AddRange(names.SelectMany((_, j) => windows.Select((_, i) => $"a.e{j}_{i}")));
        var joins = new StringBuilder();
        for (var t = 0; t < set.Traits.Count; t++)
        {
            var value = $"t{t}.value";
            columns.Add($"{Real(sql.Number(value))}");
            columns.Add(sql.Text(value));
            joins.AppendLine(CultureInfo.InvariantCulture,
                $"LEFT JOIN profile_traits t{t} ON t{t}.profile_id = past.profile_id AND t{t}.name = {Add($"t{t}", set.Traits[t].Trait)} AND t{t}.observed_at < {at}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"SELECT {string.Join(", ", columns)}")
            .AppendLine("FROM past JOIN profiles p ON p.id = past.profile_id AND p.merged_into IS NULL")
            .AppendLine(labelEnd is null ? string.Empty : "LEFT JOIN future f ON f.profile_id = past.profile_id")
            .AppendLine("LEFT JOIN activity a ON a.profile_id = past.profile_id")
            .Append(joins)
            .Append("ORDER BY past.profile_id");
        return (text.ToString(), parameters);
    }
}
