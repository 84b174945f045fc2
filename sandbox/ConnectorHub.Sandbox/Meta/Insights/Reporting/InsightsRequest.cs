using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Meta.Graph;

namespace ConnectorHub.Sandbox.Meta.Insights.Reporting;

/// <summary>
/// An insights request, checked as Graph checks it: <c>level</c>, <c>time_range</c> (or <c>date_preset</c>),
/// <c>time_increment</c> (days or <c>all_days</c>), <c>fields</c>, <c>limit</c>.
/// </summary>
/// <param name="Level"><c>account</c>, <c>campaign</c>, <c>adset</c> or <c>ad</c>.</param>
/// <param name="Since">First day, inclusive.</param>
/// <param name="Until">Last day, inclusive.</param>
/// <param name="IncrementDays">Days per row, or null for one row over the whole range.</param>
/// <param name="Fields">The fields asked for.</param>
public sealed record InsightsRequest(string Level, DateOnly Since, DateOnly Until, int? IncrementDays, IReadOnlyList<string> Fields)
{
    /// <summary>How far back Graph keeps insights.</summary>
    public const int RetentionMonths = 37;

    /// <summary>Reads and checks the request's parameters against <paramref name="today"/>; the Graph error when they are wrong.</summary>
    public static (InsightsRequest? Request, GraphError? Error) Read(GraphParameters parameters, DateOnly today)
    {
        var level = parameters.GetString("level") ?? "account";
        if (!InsightsFields.Levels.Contains(level))
        {
            return Fail($"level must be one of the following values: {string.Join(", ", InsightsFields.Levels)}");
        }

        if (parameters["breakdowns"] is not null)
        {
            return Fail("The sandbox does not emulate breakdowns");
        }

        var fields = (parameters.GetString("fields") ?? string.Join(',', InsightsFields.Default))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Select((f, i) => (f, i)).FirstOrDefault(x => !InsightsFields.Known.Contains(x.f)) is { f: not null } unknown)
        {
            return Fail($"fields[{unknown.i}] must be one of the following values: {string.Join(", ", InsightsFields.Known.Order(StringComparer.Ordinal))}");
        }

        var (range, rangeError) = Range(parameters, today);
        if (rangeError is not null)
        {
            return (null, rangeError);
        }

        var increment = parameters.GetString("time_increment") ?? "all_days";
        int? days = increment == "all_days" ? null : int.TryParse(increment, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 90 ? n : -1;
        return days == -1
            ? Fail("time_increment must be all_days, monthly or an integer between 1 and 90 (the sandbox does not emulate monthly)")
            : (new InsightsRequest(level, range.Since, range.Until, days, fields), null);
    }

    private static ((DateOnly Since, DateOnly Until) Range, GraphError? Error) Range(GraphParameters parameters, DateOnly today)
    {
        (DateOnly Since, DateOnly Until) range;
        if (parameters["time_range"] is not null)
        {
            try
            {
                var json = parameters.GetJson("time_range") as JsonObject;
                range = (Date(json?["since"]), Date(json?["until"]));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                return (default, new GraphError(100, """(#100) Param time_range must be a JSON object like {"since":"YYYY-MM-DD","until":"YYYY-MM-DD"}"""));
            }
        }
        else
        {
            range = (parameters.GetString("date_preset") ?? "last_30d") switch
            {
                "today" => (today, today),
                "yesterday" => (today.AddDays(-1), today.AddDays(-1)),
                "last_7d" => (today.AddDays(-7), today.AddDays(-1)),
                "last_30d" => (today.AddDays(-30), today.AddDays(-1)),
                var preset => (DateOnly.MinValue, DateOnly.MinValue),
            };
            if (range.Since == DateOnly.MinValue)
            {
                return (default, new GraphError(100, "(#100) date_preset must be one of the following values: today, yesterday, last_7d, last_30d (the sandbox emulates these)"));
            }
        }

        if (range.Since > range.Until)
        {
            return (default, new GraphError(100, "(#100) The since date of time_range must be on or before its until date"));
        }

        return range.Since < today.AddMonths(-RetentionMonths)
            ? (default, new GraphError(3018, $"(#3018) The start date of the time range cannot be beyond {RetentionMonths} months from the current date"))
            : (range, null);
    }

    private static DateOnly Date(JsonNode? node) =>
        DateOnly.ParseExact(node?.GetValue<string>() ?? throw new FormatException("missing date"), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (InsightsRequest?, GraphError?) Fail(string message) => (null, GraphError.InvalidParameter(message));
}
