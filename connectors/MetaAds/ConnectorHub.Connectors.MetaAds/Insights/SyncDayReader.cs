using ConnectorHub.Connectors.Meta.Graph;
using ConnectorHub.Connectors.MetaAds.Graph;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.MetaAds.Insights;

/// <summary>
/// Synchronous insights of one day: <c>GET /act_{id}/insights</c>, page by page. When Meta refuses the request as
/// too much data ("Please reduce the amount of data you're asking for"), it says so, and the caller switches to
/// async report runs.
/// </summary>
internal sealed class SyncDayReader(GraphApi api, string accountId, InsightsQuery query)
{
    /// <summary>A page of the day from <paramref name="after"/>; null when Meta says the request is too large.</summary>
    public async Task<GraphPage?> PageAsync(DateOnly day, string? after, CancellationToken cancellationToken)
    {
        try
        {
            return GraphPage.From(await api.GetAsync($"act_{accountId}/insights", query.For(day, after), cancellationToken));
        }
        catch (ConnectorInternalException ex) when (GraphErrorBody.TryParse(ex.FailedRequest?.ResponseBody)?.IsTooMuchData == true)
        {
            return null;
        }
    }
}
