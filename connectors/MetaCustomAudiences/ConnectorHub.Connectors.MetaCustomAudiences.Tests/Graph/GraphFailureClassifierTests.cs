using System.Net;
using ConnectorHub.Connectors.Meta.Graph;
using ConnectorHub.Connectors.MetaCustomAudiences.Graph;
using ConnectorHub.Sandbox.Meta.Graph;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests.Graph;

public sealed class GraphFailureClassifierTests
{
    [Theory]
    [InlineData(17)]
    [InlineData(613)]
    [InlineData(80003)]
    [InlineData(4)]
    public void Throttling_IsRateLimited_WithTheWaitFromTheBusinessUseCaseHeader(int code)
    {
        var (response, body) = Response(new GraphError(code, "(#x) throttled", Subcode: 2446079, IsTransient: true));
        using var _ = response;
        response.Headers.Add(MetaFaults.BusinessUseCaseHeader, MetaFaults.BusinessUseCaseUsage("1234567890", 100, 7));

        var failure = GraphFailureClassifier.Classify(response, body);

        Assert.Equal(ErrorCategory.RateLimited, failure!.Category);
        Assert.Equal(TimeSpan.FromMinutes(7), failure.RetryAfter);
    }

    [Fact]
    public void BusinessUseCaseUsage_TakesTheLongestWaitOfAllUseCases_AndAdAccountReset()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        response.Headers.Add("X-Business-Use-Case-Usage", """{"1":[{"type":"ads_management","estimated_time_to_regain_access":2},{"type":"custom_audience","estimated_time_to_regain_access":9}],"2":[{"type":"custom_audience","estimated_time_to_regain_access":0}]}""");
        response.Headers.Add("X-Ad-Account-Usage", """{"acc_id_util_pct":100,"reset_time_duration":300}""");

        Assert.Equal(TimeSpan.FromMinutes(9), BusinessUseCaseUsage.RegainAccessIn(response));
    }

    [Fact]
    public void BusinessUseCaseUsage_IsNull_WhenNoHeaderSays()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        response.Headers.Add("X-Business-Use-Case-Usage", "not json");

        Assert.Null(BusinessUseCaseUsage.RegainAccessIn(response));
    }

    [Fact]
    public void InvalidToken_IsAConfigurationError_ThatSaysHowToFixIt()
    {
        var (response, body) = Response(GraphError.InvalidToken());
        using var _ = response;

        var failure = GraphFailureClassifier.Classify(response, body)!;

        Assert.Equal(ErrorCategory.Configuration, failure.Category);
        Assert.Contains("access_token", failure.Message, StringComparison.Ordinal);
        Assert.Contains("190", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownObject_IsAConfigurationError_NamingTheSettings()
    {
        var (response, body) = Response(GraphError.UnknownObject("POST", "999"));
        using var _ = response;

        var failure = GraphFailureClassifier.Classify(response, body)!;

        Assert.Equal(ErrorCategory.Configuration, failure.Category);
        Assert.Contains("audience_id", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, null, ErrorCategory.Transient)]
    [InlineData(1234, true, ErrorCategory.Transient)]
    [InlineData(100, null, ErrorCategory.Internal)]
    [InlineData(200, null, ErrorCategory.Configuration)]
    public void OtherCodes_AreClassifiedByCodeAndTransientFlag(int code, bool? transient, ErrorCategory expected)
    {
        var (response, body) = Response(new GraphError(code, "message", IsTransient: transient));
        using var _ = response;

        Assert.Equal(expected, GraphFailureClassifier.Classify(response, body)!.Category);
    }

    [Fact]
    public void ABodyThatIsNotAGraphError_FallsBackToTheDefaultRules()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);

        Assert.Null(GraphFailureClassifier.Classify(response, "<html>bad gateway</html>"));
    }

    private static (HttpResponseMessage Response, string Body) Response(GraphError error)
    {
        var body = error.ToJson();
        return (new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent(body),
            RequestMessage = new HttpRequestMessage(HttpMethod.Post, "https://graph.facebook.com/v21.0/1/users"),
        }, body);
    }
}
