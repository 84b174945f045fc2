using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.HubSpot.Objects;

namespace ConnectorHub.Sandbox.HubSpot.Search;

/// <summary>
/// A parsed and validated search body (SDK <c>PublicObjectSearchRequest</c>): filterGroups (ORed groups of ANDed
/// filters), sorts, query, properties, limit and the offset-like <c>after</c>.
/// </summary>
internal sealed record SearchRequest(
    IReadOnlyList<IReadOnlyList<SearchFilter>> FilterGroups,
    IReadOnlyList<SearchSort> Sorts,
    string? Query,
    IReadOnlyList<string> Properties,
    int Limit,
    int After)
{
    private const int DefaultLimit = 10;

    /// <summary>The request, or the validation message HubSpot would answer with a 400.</summary>
    public static (SearchRequest? Request, string? Error) Parse(JsonObject body, CrmObjectType type, HubSpotEmulatorOptions options)
    {
        var groups = new List<IReadOnlyList<SearchFilter>>();
        var groupNodes = body["filterGroups"] as JsonArray ?? [];
        if (groupNodes.Count > options.MaxFilterGroups)
        {
            return (null, $"Too many filter groups: {groupNodes.Count}. A search can have at most {options.MaxFilterGroups} filterGroups.");
        }

        foreach (var groupNode in groupNodes)
        {
            var filterNodes = groupNode?["filters"] as JsonArray ?? [];
            if (filterNodes.Count > options.MaxFiltersPerGroup)
            {
                return (null, $"Too many filters in a filter group: {filterNodes.Count}. A filter group can have at most {options.MaxFiltersPerGroup} filters.");
            }

            var filters = new List<SearchFilter>();
            foreach (var node in filterNodes)
            {
                var (filter, error) = ParseFilter(node as JsonObject, type);
                if (error is not null)
                {
                    return (null, error);
                }

                filters.Add(filter!);
            }

            groups.Add(filters);
        }

        var total = groups.Sum(g => g.Count);
        if (total > options.MaxFiltersTotal)
        {
            return (null, $"Too many filters: {total}. A search can have at most {options.MaxFiltersTotal} filters in all.");
        }

        var (sorts, sortError) = ParseSorts(body["sorts"] as JsonArray ?? [], type);
        if (sortError is not null)
        {
            return (null, sortError);
        }

        var limit = body["limit"] is JsonValue l && l.TryGetValue(out int parsedLimit) ? parsedLimit : DefaultLimit;
        if (limit < 1 || limit > options.MaxSearchLimit)
        {
            return (null, $"limit must be between 1 and {options.MaxSearchLimit}; got {limit}.");
        }

        var afterText = body["after"]?.ToString();
        var after = 0;
        if (!string.IsNullOrEmpty(afterText) && (!int.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
        {
            return (null, $"Invalid paging cursor after='{afterText}'.");
        }

        var properties = (body["properties"] as JsonArray)?.Select(p => p?.ToString() ?? string.Empty).ToArray() ?? [];
        return (new SearchRequest(groups, sorts, body["query"]?.ToString(), properties, limit, after), null);
    }

    private static (SearchFilter? Filter, string? Error) ParseFilter(JsonObject? node, CrmObjectType type)
    {
        var property = node?["propertyName"]?.ToString();
        var op = node?["operator"]?.ToString();
        if (string.IsNullOrEmpty(property) || !type.HasProperty(property))
        {
            return (null, $"There was a problem with the request: filter property '{property}' does not exist on {type.Name}.");
        }

        if (!Enum.TryParse<FilterOperator>(op, ignoreCase: false, out var parsedOperator) || !Enum.IsDefined(parsedOperator) || char.IsDigit(op![0]))
        {
            return (null, $"Unknown filter operator '{op}'. Use one of: {string.Join(", ", Enum.GetNames<FilterOperator>())}.");
        }

        var values = (node!["values"] as JsonArray)?.Select(v => v?.ToString() ?? string.Empty).ToArray() ?? [];
        var filter = new SearchFilter(property, type.KindOf(property), parsedOperator, node["value"]?.ToString(), node["highValue"]?.ToString(), values);
        return filter.Problem() is { } problem ? (null, problem) : (filter, null);
    }

    private static (IReadOnlyList<SearchSort> Sorts, string? Error) ParseSorts(JsonArray nodes, CrmObjectType type)
    {
        var sorts = new List<SearchSort>();
        foreach (var node in nodes)
        {
            // The SDKs send {"propertyName","direction"}; older clients send "prop" or "-prop".
            var sort = node switch
            {
                JsonObject o => new SearchSort(o["propertyName"]?.ToString() ?? string.Empty, string.Equals(o["direction"]?.ToString(), "DESCENDING", StringComparison.OrdinalIgnoreCase)),
                JsonValue v when v.TryGetValue(out string? s) && s.StartsWith('-') => new SearchSort(s[1..], true),
                JsonValue v when v.TryGetValue(out string? s) => new SearchSort(s, false),
                _ => new SearchSort(string.Empty, false),
            };
            if (!type.HasProperty(sort.PropertyName))
            {
                return ([], $"There was a problem with the request: sort property '{sort.PropertyName}' does not exist on {type.Name}.");
            }

            sorts.Add(sort);
        }

        return (sorts, null);
    }
}
