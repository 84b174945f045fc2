using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Webhook.Configuration;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Specs;

namespace ConnectorHub.Connectors.Webhook.Tests.Configuration;

public sealed class WebhookSettingsReaderTests
{
    [Fact]
    public void Read_UrlOnly_AppliesDefaults()
    {
        var settings = Read("""{"url":"https://hooks.example.com/connectorhub"}""");

        Assert.Equal(100, settings.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Timeout);
        Assert.Null(settings.SigningSecret);
        Assert.Empty(settings.Headers);
    }

    [Theory]
    [InlineData("""{}""", "'url' is required")]
    [InlineData("""{"url":"hooks.example.com"}""", "must be an absolute URL")]
    [InlineData("""{"url":"ftp://hooks.example.com/"}""", "'url' must be an http or https address")]
    [InlineData("""{"url":"https://user:pw@hooks.example.com/"}""", "put credentials in 'secret_headers'")]
    [InlineData("""{"url":"https://hooks.example.com/","signing_secret":"short"}""", "at least 16 characters")]
    [InlineData("""{"url":"https://hooks.example.com/","batch_size":1001}""", "'batch_size' must be between 1 and 1000; got 1001")]
    [InlineData("""{"url":"https://hooks.example.com/","timeout_seconds":0}""", "'timeout_seconds' must be between 1 and 300")]
    [InlineData("""{"url":"https://hooks.example.com/","headers":{"Idempotency-Key":"x"}}""", "'headers.Idempotency-Key' cannot be set")]
    [InlineData("""{"url":"https://hooks.example.com/","headers":{"Bad Name":"x"}}""", "invalid header name 'Bad Name'")]
    [InlineData("""{"url":"https://hooks.example.com/","headers":{"X-A":"line\nbreak"}}""", "'headers.X-A' must be text of printable ASCII")]
    [InlineData("""{"url":"https://hooks.example.com/","headers":{"X-A":"1"},"secret_headers":{"x-a":"2"}}""", "set in both 'headers' and 'secret_headers'")]
    [InlineData("""{"url":"https://hooks.example.com/","batchsize":10}""", "'batchsize' is not a setting")]
    public void Read_BadSetting_FailsNamingIt(string config, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(config));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_MarksTheSigningSecretAndSecretHeadersAsSecret_SoTheirValuesAreRedacted()
    {
        var spec = new WebhookDestination().GetSpec();
        var config = JsonNode.Parse("""
            {"url":"https://hooks.example.com/","signing_secret":"whsec_0123456789abcdef",
             "headers":{"X-Tenant":"eu-1"},"secret_headers":{"Authorization":"Bearer s3cret-token"}}
            """)!.AsObject();

        Assert.Equal(["signing_secret", "secret_headers"], ConfigSecrets.SecretFields(spec));
        Assert.Equal(["whsec_0123456789abcdef", "Bearer s3cret-token"], ConfigSecrets.SecretValues(spec, config));
        Assert.Equal(ConfigSecrets.Mask, ConfigSecrets.Masked(spec, config)["secret_headers"]!.GetValue<string>());
        Assert.Contains("Bearer s3cret-token", WebhookSettingsReader.Read(new ConnectorConfig(config)).SecretValues);
    }

    private static WebhookSettings Read(string json) => WebhookSettingsReader.Read(new ConnectorConfig(JsonNode.Parse(json)!.AsObject()));
}
