using ConnectorHub.Core.Tracking;

namespace ConnectorHub.Core.Tests.Tracking;

public sealed class TrackingOptionsValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("https://hub.example.com")]
    [InlineData("http://localhost:5080/cdp")]
    public void PublicUrl_MayBeUnsetOrAnHttpAddress(string? url) =>
        Assert.True(new TrackingOptionsValidator().Validate(null, new TrackingOptions { PublicUrl = url }).Succeeded);

    [Theory]
    [InlineData("hub.example.com")]
    [InlineData("ftp://hub.example.com")]
    [InlineData("https://hub.example.com/?x=1")]
    public void PublicUrl_ThatIsNoHttpAddress_IsNamedAtStart(string url)
    {
        var result = new TrackingOptionsValidator().Validate(null, new TrackingOptions { PublicUrl = url });

        Assert.True(result.Failed);
        Assert.Contains("ConnectorHub:Tracking:PublicUrl", result.FailureMessage, StringComparison.Ordinal);
    }
}
