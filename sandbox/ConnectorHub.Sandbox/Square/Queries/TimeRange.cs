using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square.Queries;

/// <summary>Square's TimeRange <c>{start_at, end_at}</c>, both inclusive and optional.</summary>
internal sealed record TimeRange(DateTimeOffset? StartAt, DateTimeOffset? EndAt)
{
    public bool Contains(DateTimeOffset time) => (StartAt is null || time >= StartAt) && (EndAt is null || time <= EndAt);

    /// <summary>Reads the range at <paramref name="field"/>; returns the error when a bound is not RFC 3339 or the range is inverted.</summary>
    public static (TimeRange? Range, SquareError? Error) Read(JsonNode? node, string field)
    {
        if (node is null)
        {
            return (null, null);
        }

        if (node is not JsonObject range)
        {
            return (null, SquareError.InvalidRequest("EXPECTED_OBJECT", $"Expected an object for `{field}`.", field));
        }

        var (start, startError) = Bound(range, "start_at", field);
        var (end, endError) = Bound(range, "end_at", field);
        if ((startError ?? endError) is { } error)
        {
            return (null, error);
        }

        return start > end
            ? (null, SquareError.InvalidRequest("INVALID_TIME_RANGE", $"The start of `{field}` must be before its end.", field))
            : (new TimeRange(start, end), null);
    }

    private static (DateTimeOffset? Time, SquareError? Error) Bound(JsonObject range, string name, string field)
    {
        if (range[name] is null)
        {
            return (null, null);
        }

        var text = range[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        return SquareTime.Parse(text) is { } time
            ? (time, null)
            : (null, SquareError.InvalidRequest("INVALID_TIME", $"Invalid RFC 3339 timestamp for `{field}.{name}`: {range[name]?.ToJsonString()}.", $"{field}.{name}"));
    }
}
