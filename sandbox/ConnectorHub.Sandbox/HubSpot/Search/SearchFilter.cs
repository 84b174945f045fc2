using ConnectorHub.Sandbox.HubSpot.Objects;

namespace ConnectorHub.Sandbox.HubSpot.Search;

/// <summary>One filter of a search (SDK <c>Filter</c>: propertyName, operator, value, values, highValue).</summary>
internal sealed record SearchFilter(string PropertyName, CrmPropertyKind Kind, FilterOperator Operator, string? Value, string? HighValue, IReadOnlyList<string> Values)
{
    // Numeric forms of the filter's values, parsed once rather than per object compared.
    private readonly double? _value = SearchValue.AsNumber(Kind, Value);
    private readonly double? _highValue = SearchValue.AsNumber(Kind, HighValue);

    private bool IsComparison => Operator is FilterOperator.EQ or FilterOperator.NEQ or FilterOperator.LT or FilterOperator.LTE
        or FilterOperator.GT or FilterOperator.GTE or FilterOperator.BETWEEN;

    /// <summary>What is missing for this operator, or null when the filter is complete.</summary>
    public string? Problem() => Operator switch
    {
        FilterOperator.BETWEEN when Value is null || HighValue is null => $"Filter on '{PropertyName}' with operator BETWEEN needs value and highValue.",
        FilterOperator.IN or FilterOperator.NOT_IN when Values.Count == 0 => $"Filter on '{PropertyName}' with operator {Operator} needs values.",
        _ when (IsComparison || Operator is FilterOperator.CONTAINS_TOKEN or FilterOperator.NOT_CONTAINS_TOKEN) && Value is null =>
            $"Filter on '{PropertyName}' with operator {Operator} needs a value.",
        _ => null,
    };

    public bool Matches(CrmObjectType type, CrmObject item)
    {
        if (Kind != CrmPropertyKind.Text && IsComparison)
        {
            return MatchesNumber(item.NumberOf(type, PropertyName, Kind));
        }

        var actual = item.Get(type, PropertyName);
        return Operator switch
        {
            FilterOperator.EQ => SearchValue.Compare(Kind, actual, Value) == 0,
            FilterOperator.NEQ => SearchValue.Compare(Kind, actual, Value) != 0,
            FilterOperator.LT => SearchValue.Compare(Kind, actual, Value) < 0,
            FilterOperator.LTE => SearchValue.Compare(Kind, actual, Value) <= 0,
            FilterOperator.GT => SearchValue.Compare(Kind, actual, Value) > 0,
            FilterOperator.GTE => SearchValue.Compare(Kind, actual, Value) >= 0,
            FilterOperator.BETWEEN => SearchValue.Compare(Kind, actual, Value) >= 0 && SearchValue.Compare(Kind, actual, HighValue) <= 0,
            FilterOperator.IN => Values.Any(v => SearchValue.Compare(Kind, actual, v) == 0),
            FilterOperator.NOT_IN => !Values.Any(v => SearchValue.Compare(Kind, actual, v) == 0),
            FilterOperator.HAS_PROPERTY => !string.IsNullOrEmpty(actual),
            FilterOperator.NOT_HAS_PROPERTY => string.IsNullOrEmpty(actual),
            FilterOperator.CONTAINS_TOKEN => ContainsToken(actual, Value!),
            FilterOperator.NOT_CONTAINS_TOKEN => !ContainsToken(actual, Value!),
            _ => false,
        };
    }

    /// <summary>The lowest modified time (epoch ms) this filter allows, when it bounds the modified property from below.</summary>
    public double? LowerBoundOn(CrmObjectType type) =>
        PropertyName == type.ModifiedProperty && Operator is FilterOperator.GTE or FilterOperator.GT or FilterOperator.EQ or FilterOperator.BETWEEN ? _value : null;

    /// <summary>Whether a modified time (epoch ms) passes this lower-bound filter.</summary>
    public bool MatchesTime(long modifiedMs) => MatchesNumber(modifiedMs);

    private bool MatchesNumber(double? actual)
    {
        if (actual is not { } x || _value is not { } v)
        {
            return Operator == FilterOperator.NEQ;
        }

        return Operator switch
        {
            FilterOperator.EQ => x == v,
            FilterOperator.NEQ => x != v,
            FilterOperator.LT => x < v,
            FilterOperator.LTE => x <= v,
            FilterOperator.GT => x > v,
            FilterOperator.GTE => x >= v,
            _ => _highValue is { } high && x >= v && x <= high,
        };
    }

    private static bool ContainsToken(string? actual, string token)
    {
        if (actual is null)
        {
            return false;
        }

        // '*' is HubSpot's wildcard: the parts must appear in order.
        var at = 0;
        foreach (var part in token.Split('*', StringSplitOptions.RemoveEmptyEntries))
        {
            var found = actual.IndexOf(part, at, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            at = found + part.Length;
        }

        return true;
    }
}
