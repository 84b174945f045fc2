using ConnectorHub.Connectors.Meta.Graph;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Graph;

/// <summary>Meta's Graph failures (<see cref="GraphFailures"/>, shared with Meta Ads), in this destination's words.</summary>
internal static class GraphFailureClassifier
{
    private static readonly GraphFailures Failures = new(new GraphWording(
        "ads_management",
        ", and accept the Custom Audience terms in Ads Manager if Meta asks",
        "Check the sync's 'audience_id' and the connection's 'ad_account_id', and that the token's user has access to them."));

    public static HttpFailure? Classify(HttpResponseMessage response, string body) => Failures.Classify(response, body);
}
