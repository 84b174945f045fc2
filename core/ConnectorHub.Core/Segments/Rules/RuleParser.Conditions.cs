using System.Globalization;
using System.Text.Json;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Segments.Rules;

/// <summary>The conditions: traits, events, orders, and their value tests, counts and windows.</summary>
public static partial class RuleParser
{
    private static readonly string[] ValueTestProperties = ["op", "value", "values", "days"];

    private static RuleNode? Trait(JsonElement json, string path, ValidationErrors errors)
    {
        var ok = Only(json, path, errors, [.. ValueTestProperties, "trait"]);
        var name = Name(json.GetProperty("trait"), path + ".trait", errors);
        var test = Test(json, path, errors);
        return ok && name is not null && test is not null ? new TraitRule(name, test) : null;
    }

    private static RuleNode? ComputedTrait(JsonElement json, string path, ValidationErrors errors)
    {
        var ok = Only(json, path, errors, [.. ValueTestProperties, "computedTrait"]);
        var name = Name(json.GetProperty("computedTrait"), path + ".computedTrait", errors);
        var test = Test(json, path, errors);
        return ok && name is not null && test is not null ? new ComputedTraitRule(name, test) : null;
    }

    /// <summary>
    /// Parses an event selection (<c>event</c>, <c>where</c>, <c>within</c>, and <paramref name="extra"/> properties
    /// the caller reads itself), as computed traits take it; collects problems by path.
    /// </summary>
    internal static EventRule? EventSelection(JsonElement json, string path, ValidationErrors errors, params string[] extra)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("event", out _))
        {
            errors.Add(path + ".event", "Expected the name of the event to aggregate.");
            return null;
        }

        return Event(json, path, errors, ["event", "where", "within", .. extra]) as EventRule;
    }

    private static RuleNode? Event(JsonElement json, string path, ValidationErrors errors, string[]? allowed = null)
    {
        var ok = Only(json, path, errors, allowed ?? ["event", "where", "count", "within"]);
        var name = Name(json.GetProperty("event"), path + ".event", errors);
        var filters = new List<PropertyFilter>();
        if (json.TryGetProperty("where", out var where))
        {
            if (where.ValueKind != JsonValueKind.Array)
            {
                errors.Add(path + ".where", "Expected an array of property filters such as {\"property\":\"plan\",\"op\":\"equals\",\"value\":\"gold\"}.");
                ok = false;
            }
            else
            {
                var i = 0;
                foreach (var filter in where.EnumerateArray())
                {
                    var filterPath = $"{path}.where[{i++}]";
                    var parsed = Filter(filter, filterPath, errors);
                    ok &= parsed is not null;
                    if (parsed is not null)
                    {
                        filters.Add(parsed);
                    }
                }
            }
        }

        var count = json.TryGetProperty("count", out var c) ? Bounds(c, path + ".count", errors, integers: true) : Rules.Bounds.AtLeastOne;
        var window = json.TryGetProperty("within", out var w) ? Window(w, path + ".within", errors) : null;
        return ok && name is not null && count is not null && (window is not null || !json.TryGetProperty("within", out _))
            ? new EventRule(name, filters, count, window)
            : null;
    }

    private static RuleNode? Orders(JsonElement json, string path, ValidationErrors errors)
    {
        var orders = json.GetProperty("orders");
        var rulePath = path;
        path += ".orders";
        if (!Only(json, rulePath, errors, "orders") || orders.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "Expected an object such as {\"count\":{\"atLeast\":2},\"spend\":{\"atLeast\":100},\"within\":{\"days\":90}}.");
            return null;
        }

        var ok = Only(orders, path, errors, "count", "spend", "within");
        var count = orders.TryGetProperty("count", out var c) ? Bounds(c, path + ".count", errors, integers: true) : null;
        var spend = orders.TryGetProperty("spend", out var s) ? Bounds(s, path + ".spend", errors, integers: false) : null;
        var window = orders.TryGetProperty("within", out var w) ? Window(w, path + ".within", errors) : null;
        ok &= (c.ValueKind == JsonValueKind.Undefined || count is not null) && (s.ValueKind == JsonValueKind.Undefined || spend is not null)
            && (w.ValueKind == JsonValueKind.Undefined || window is not null);
        return ok ? new OrdersRule(count ?? (spend is null ? Rules.Bounds.AtLeastOne : Rules.Bounds.None), spend ?? Rules.Bounds.None, window) : null;
    }

    private static PropertyFilter? Filter(JsonElement json, string path, ValidationErrors errors)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("property", out var property))
        {
            errors.Add(path, "Expected a property filter such as {\"property\":\"plan\",\"op\":\"equals\",\"value\":\"gold\"}.");
            return null;
        }

        var ok = Only(json, path, errors, [.. ValueTestProperties, "property"]);
        var name = Name(property, path + ".property", errors);
        var segments = name?.Split('.') ?? [];
        if (name is not null && (segments.Any(s => s.Length == 0) || name.Contains('"', StringComparison.Ordinal)))
        {
            errors.Add(path + ".property", "Expected a property name or a dotted path (plan.tier) without empty parts or double quotes.");
            ok = false;
        }

        var test = Test(json, path, errors);
        return ok && name is not null && test is not null ? new PropertyFilter(segments, test) : null;
    }

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
