using ConnectorHub.Connectors.Meta.Graph;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.MetaAds.Graph;

/// <summary>Meta's Graph failures (<see cref="GraphFailures"/>, shared with Meta Custom Audiences), in this source's words.</summary>
internal static class GraphFailureClassifier
{
    private static readonly GraphFailures Failures = new(new GraphWording(
        "ads_read",
        string.Empty,
        "Check 'ad_account_ids', and that the token's user has access to those accounts."));

    public static HttpFailure? Classify(HttpResponseMessage response, string body) => Failures.Classify(response, body);
}
