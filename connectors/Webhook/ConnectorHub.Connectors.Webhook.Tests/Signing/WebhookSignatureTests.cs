using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ConnectorHub.Connectors.Webhook.Signing;

namespace ConnectorHub.Connectors.Webhook.Tests.Signing;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_0123456789abcdef";
    private const string Body = """{"stream":"profiles","records":[]}""";
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
    private static readonly long Timestamp = Now.ToUnixTimeSeconds();
    private static readonly string Stamp = Timestamp.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Compute_IsTheHexHmacSha256OfTimestampDotBody()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{Stamp}.{Body}")));

        Assert.Equal($"sha256={expected}", WebhookSignature.Compute(Secret, Timestamp, Body));
    }

    [Fact]
    public void Verify_AuthenticFreshRequest_Passes()
    {
        var signature = WebhookSignature.Compute(Secret, Timestamp, Body);

        Assert.True(WebhookSignature.Verify(Secret, Stamp, Body, signature, Now.AddMinutes(4)));
        Assert.True(WebhookSignature.Verify(Secret, Stamp, Body, $"sha256={new string('0', 64)}, {signature}", Now), "any of several signatures (secret rotation)");
    }

    [Fact]
    public void Verify_TamperedOrForeignOrStaleRequest_Fails()
    {
        var signature = WebhookSignature.Compute(Secret, Timestamp, Body);

        Assert.False(WebhookSignature.Verify(Secret, Stamp, Body.Replace("profiles", "audience", StringComparison.Ordinal), signature, Now), "tampered body");
        Assert.False(WebhookSignature.Verify("another-secret-value", Stamp, Body, signature, Now), "wrong secret");
        Assert.False(WebhookSignature.Verify(Secret, (Timestamp + 1).ToString(CultureInfo.InvariantCulture), Body, signature, Now), "timestamp not the signed one");
        Assert.False(WebhookSignature.Verify(Secret, Stamp, Body, signature, Now.AddMinutes(6)), "replayed after the tolerance");
        Assert.False(WebhookSignature.Verify(Secret, Stamp, Body, signature, Now.AddMinutes(-6)), "from too far in the future");
        Assert.True(WebhookSignature.Verify(Secret, Stamp, Body, signature, Now.AddMinutes(6), TimeSpan.FromMinutes(10)), "a wider tolerance");
    }

    [Theory]
    [InlineData(null, "sha256=00")]
    [InlineData("", "sha256=00")]
    [InlineData("-5", "sha256=00")]
    [InlineData("99999999999999999999", "sha256=00")]
    [InlineData("1768469400", null)]
    [InlineData("1768469400", "")]
    [InlineData("1768469400", "sha1=abc")]
    [InlineData("1768469400", "sha256=not-hex")]
    public void Verify_MalformedHeaders_FailWithoutThrowing(string? timestamp, string? signature)
    {
        Assert.False(WebhookSignature.Verify(Secret, timestamp, Body, signature, Now));
    }
}
