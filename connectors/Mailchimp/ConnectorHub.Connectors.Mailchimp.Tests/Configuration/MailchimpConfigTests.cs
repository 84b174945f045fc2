using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Mailchimp.Configuration;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Mailchimp.Tests.Configuration;

public sealed class MailchimpConfigTests
{
    [Fact]
    public void From_ParsesTheDataCenterFromTheKeySuffix_IntoTheBaseUrl()
    {
        var config = MailchimpConfig.From(Config(new() { ["api_key"] = "0123456789abcdef0123456789abcdef-us14" }));

        Assert.Equal("us14", config.DataCenter);
        Assert.Equal(new Uri("https://us14.api.mailchimp.com/"), config.BaseUrl);
        Assert.Equal(3, config.MaxConnections);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/3.0")]
    [InlineData("http://127.0.0.1:5000/3.0/")]
    [InlineData("http://127.0.0.1:5000")]
    public void From_AcceptsABaseUrlOverride_WithOrWithoutTheVersion(string baseUrl) =>
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), MailchimpConfig.From(Config(new() { ["api_key"] = "abc-us1", ["base_url"] = baseUrl })).BaseUrl);

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789abcdef-")]
    [InlineData("0123456789abcdef-14")]
    public void From_RefusesAKeyWithoutDataCenter_NamingTheSetting(string key)
    {
        var ex = Assert.Throws<ConfigurationException>(() => MailchimpConfig.From(Config(new() { ["api_key"] = key })));

        Assert.Contains("'api_key'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_RefusesMoreThanTenConnections() =>
        Assert.Throws<ConfigurationException>(() => MailchimpConfig.From(Config(new() { ["api_key"] = "abc-us1", ["max_connections"] = 11 })));

    [Fact]
    public void Settings_DefaultToSubscribedKeepArchive()
    {
        var settings = ListSettings.From(new WriteRequest { Stream = "p", Settings = new JsonObject { ["list_id"] = "a1b2c3d4e5" } });

        Assert.Equal(("subscribed", false, RemoveAction.Archive), (settings.StatusIfNew, settings.UpdateExistingStatus, settings.RemoveAction));
        Assert.Null(settings.MergeFields);
    }

    [Theory]
    [InlineData("{}", "'list_id'")]
    [InlineData("{\"list_id\":\"x\",\"status_if_new\":\"cleaned\"}", "'status_if_new'")]
    [InlineData("{\"list_id\":\"x\",\"remove_action\":\"untag\"}", "'tags'")]
    [InlineData("{\"list_id\":\"x\",\"merge_fields\":{\"plan\":3}}", "'merge_fields.plan'")]
    public void Settings_NameTheSettingThatIsWrong(string json, string named)
    {
        var request = new WriteRequest { Stream = "p", Settings = JsonNode.Parse(json)!.AsObject() };

        var ex = Assert.Throws<ConfigurationException>(() => ListSettings.From(request));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    private static ConnectorConfig Config(JsonObject values) => new(values);
}
