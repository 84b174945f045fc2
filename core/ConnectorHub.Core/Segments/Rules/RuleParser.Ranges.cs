using System.Globalization;
using System.Text.Json;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Segments.Rules;

/// <summary>Ranges: count and amount bounds, time windows, days and dates.</summary>
public static partial class RuleParser
{
    private static Bounds? Bounds(JsonElement json, string path, ValidationErrors errors, bool integers)
    {
        const string Shape = "Expected {\"atLeast\":n}, {\"atMost\":n}, both, or {\"exactly\":n}, with non-negative numbers";
        if (json.ValueKind != JsonValueKind.Object || !Only(json, path, errors, "atLeast", "atMost", "exactly"))
        {
            errors.Add(path, Shape + ".");
            return null;
        }

        decimal? Read(string name)
        {
            if (!json.TryGetProperty(name, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number >= 0 && (!integers || number == decimal.Truncate(number)))
            {
                return number;
            }

            errors.Add($"{path}.{name}", integers ? "Expected a whole number, zero or more." : "Expected a number, zero or more.");
            return -1;
        }

        var (atLeast, atMost, exactly) = (Read("atLeast"), Read("atMost"), Read("exactly"));
        if (atLeast < 0 || atMost < 0 || exactly < 0)
        {
            return null;
        }

        if ((exactly is not null && (atLeast is not null || atMost is not null)) || (atLeast is null && atMost is null && exactly is null))
        {
            errors.Add(path, Shape + "; exactly cannot be combined with the others.");
            return null;
        }

        if (atLeast > atMost)
        {
            errors.Add(path, $"atLeast ({atLeast}) is greater than atMost ({atMost}); nothing could match.");
            return null;
        }

        return exactly is { } n ? new Bounds(n, n) : new Bounds(atLeast, atMost);
    }

    private static TimeWindow? Window(JsonElement json, string path, ValidationErrors errors)
    {
        const string Shape = "Expected {\"days\":30} (the last 30 days) or {\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-02-01T00:00:00Z\"} (from included, to excluded; either may be left out)";
        if (json.ValueKind != JsonValueKind.Object || !Only(json, path, errors, "days", "from", "to"))
        {
            errors.Add(path, Shape + ".");
            return null;
        }

        if (json.TryGetProperty("days", out var days))
        {
            if (json.TryGetProperty("from", out _) || json.TryGetProperty("to", out _))
            {
                errors.Add(path, Shape + "; days cannot be combined with from/to.");
                return null;
            }

            return Days(days, path + ".days", errors) is { } n ? new TimeWindow(n, null, null) : null;
        }

        var from = json.TryGetProperty("from", out var f) ? Date(f, path + ".from", errors) : null;
        var to = json.TryGetProperty("to", out var t) ? Date(t, path + ".to", errors) : null;
        if ((f.ValueKind != JsonValueKind.Undefined && from is null) || (t.ValueKind != JsonValueKind.Undefined && to is null))
        {
            return null;
        }

        if (from is null && to is null)
        {
            errors.Add(path, Shape + ".");
            return null;
        }

        if (from >= to)
        {
            errors.Add(path, "from must be before to.");
            return null;
        }

        return new TimeWindow(null, from, to);
    }

    private static int? Days(JsonElement json, string path, ValidationErrors errors)
    {
        if (json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var days) && days is > 0 and <= 36600)
        {
            return days;
        }

        errors.Add(path, "Expected a whole number of days between 1 and 36600.");
        return null;
    }

    private static DateTimeOffset? Date(JsonElement json, string path, ValidationErrors errors)
    {
        if (json.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(json.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date.ToUniversalTime();
        }

        errors.Add(path, "Expected an ISO 8601 date and time, such as 2026-01-31T00:00:00Z.");
        return null;
    }
}
