using ConnectorHub.Sandbox.HubSpot.Objects;

namespace ConnectorHub.Sandbox.HubSpot.Search;

/// <summary>
/// Runs a search over a store: walks the list already in the requested order when it can (id, or last-modified
/// time from the filter's lower bound), counts every match for <c>total</c> and keeps only the requested page.
/// </summary>
internal static class SearchExecutor
{
    public sealed record Result(IReadOnlyList<CrmObject> Page, int Total);

    public static Result Execute(HubSpotObjectStore store, SearchRequest request)
    {
        var type = store.Type;
        return store.Scan((byId, byModified, archived) =>
        {
            if (archived == 0 && IsTimeWindowOnly(type, request))
            {
                // The incremental sync's query: the answer is a slice of the modified-time list, no scan needed.
                var start = FirstAtOrAfter(byModified, request.FilterGroups[0]);
                var page = byModified.Skip(start + request.After).Take(request.Limit).ToArray();
                return new Result(page, byModified.Count - start);
            }

            var matches = new List<CrmObject>(request.Limit);
            var total = 0;
            foreach (var item in Ordered(type, request, byId, byModified))
            {
                if (item.Archived || !Matches(type, request, item))
                {
                    continue;
                }

                if (total >= request.After && matches.Count < request.Limit)
                {
                    matches.Add(item);
                }

                total++;
            }

            return new Result(matches, total);
        });
    }

    /// <summary>One group of GTE/GT filters on the modified property, sorted by it ascending, no free-text query.</summary>
    private static bool IsTimeWindowOnly(CrmObjectType type, SearchRequest request) =>
        string.IsNullOrEmpty(request.Query)
        && request.FilterGroups.Count == 1
        && request.FilterGroups[0].Count > 0
        && request.FilterGroups[0].All(f => f.PropertyName == type.ModifiedProperty && f.Operator is FilterOperator.GTE or FilterOperator.GT && f.LowerBoundOn(type) is not null)
        && request.Sorts is [{ Descending: false } sort] && sort.PropertyName == type.ModifiedProperty;

    private static int FirstAtOrAfter(IReadOnlyList<CrmObject> byModified, IReadOnlyList<SearchFilter> filters)
    {
        int low = 0, high = byModified.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            var item = byModified[mid];
            if (filters.All(f => f.MatchesTime(item.UpdatedAt.ToUnixTimeMilliseconds())))
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    private static IEnumerable<CrmObject> Ordered(CrmObjectType type, SearchRequest request, IReadOnlyList<CrmObject> byId, IReadOnlyList<CrmObject> byModified)
    {
        if (request.Sorts.Count == 0 || (request.Sorts.Count == 1 && request.Sorts[0].PropertyName == CrmObjectType.IdProperty))
        {
            return request.Sorts.Count == 1 && request.Sorts[0].Descending ? byId.Reverse() : byId;
        }

        if (request.Sorts.Count == 1 && request.Sorts[0].PropertyName == type.ModifiedProperty)
        {
            return request.Sorts[0].Descending ? byModified.Reverse() : From(byModified, LowerBound(type, request));
        }

        var comparer = Comparer<CrmObject>.Create((a, b) => CompareBySorts(type, request.Sorts, a, b));
        return byId.Where(item => !item.Archived && Matches(type, request, item)).Order(comparer);
    }

    private static IEnumerable<CrmObject> From(IReadOnlyList<CrmObject> byModified, double? lowerBound)
    {
        var start = 0;
        if (lowerBound is { } bound)
        {
            int low = 0, high = byModified.Count;
            while (low < high)
            {
                var mid = low + ((high - low) / 2);
                if (byModified[mid].UpdatedAt.ToUnixTimeMilliseconds() < bound)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            start = low;
        }

        for (var i = start; i < byModified.Count; i++)
        {
            yield return byModified[i];
        }
    }

    // Only a single group can narrow the walk: with ORed groups a record may match another group below the bound.
    private static double? LowerBound(CrmObjectType type, SearchRequest request) =>
        request.FilterGroups.Count == 1 ? request.FilterGroups[0].Select(f => f.LowerBoundOn(type)).Max() : null;

    private static bool Matches(CrmObjectType type, SearchRequest request, CrmObject item)
    {
        if (!string.IsNullOrEmpty(request.Query) && !type.StoredProperties.Any(p => item.Get(type, p)?.Contains(request.Query, StringComparison.OrdinalIgnoreCase) == true))
        {
            return false;
        }

        if (request.FilterGroups.Count == 0)
        {
            return true;
        }

        // Plain loops: this runs once per stored object per search.
        foreach (var group in request.FilterGroups)
        {
            var all = true;
            foreach (var filter in group)
            {
                if (!filter.Matches(type, item))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static int CompareBySorts(CrmObjectType type, IReadOnlyList<SearchSort> sorts, CrmObject a, CrmObject b)
    {
        foreach (var sort in sorts)
        {
            var (left, right) = (a.Get(type, sort.PropertyName), b.Get(type, sort.PropertyName));
            var cmp = left is null || right is null
                ? (left is null).CompareTo(right is null)
                : SearchValue.Compare(type.KindOf(sort.PropertyName), left, right) ?? 0;
            if (cmp != 0)
            {
                return sort.Descending ? -cmp : cmp;
            }
        }

        return a.Id.CompareTo(b.Id);
    }
}
