using ConnectorHub.Connectors.Webhook.Delivery;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Webhook.Tests.Delivery;

public sealed class ReceiverResultsTests
{
    private static readonly DestinationRecord[] Records = [.. Receiving.WebhookTestBed.Records("a", "b")];

    [Theory]
    [InlineData("")]
    [InlineData("ok")]
    [InlineData("""{"received":2}""")]
    [InlineData("""{"results":"none"}""")]
    public void Read_BodyWithoutResults_AcceptsEveryRecord(string body)
    {
        Assert.All(ReceiverResults.Read(body, Records), r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
    }

    [Fact]
    public void Read_UnknownStatus_AsksForARetryNamingIt()
    {
        var results = ReceiverResults.Read("""{"results":[{"key":"b","status":"maybe"},{"key":"zz","status":"rejected"}]}""", Records);

        Assert.Equal(RecordOutcome.Accepted, results[0].Outcome);
        Assert.Equal(RecordOutcome.Retry, results[1].Outcome);
        Assert.Contains("'maybe'", results[1].Reason, StringComparison.Ordinal);
    }
}
