using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Schemas;
using ConnectorHub.Sdk.Settings;
using ConnectorHub.Sdk.Specs;

namespace ConnectorHub.Sdk.Tests.Settings;

public sealed class ConnectorSettingsTests
{
    [Fact]
    public void Schema_IsGeneratedFromTheRecord_WithSecretsRangesEnumsDefaultsAndDescriptions()
    {
        var schema = ConnectorSettings.SchemaOf<ShopSettings>();
        var properties = schema["properties"]!.AsObject();

        Assert.Equal(["api_key"], ConfigSecrets.SecretFields(new ConnectorSpec { ConfigSchema = schema }));
        Assert.Contains("api_key", schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(1, properties["page_size"]!["minimum"]!.GetValue<double>());
        Assert.Equal(250, properties["page_size"]!["maximum"]!.GetValue<double>());
        Assert.Equal(50, properties["page_size"]!["default"]!.GetValue<double>());
        Assert.Equal(["live", "test"], properties["mode"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("The shop's secret API key.", properties["api_key"]!["description"]!.GetValue<string>());
        Assert.Equal("API key", properties["api_key"]!["title"]!.GetValue<string>());
        Assert.Equal("uri", properties["base_url"]!["format"]!.GetValue<string>());
        Assert.Empty(JsonSchemaValidator.FromJson(schema).Validate(new JsonObject { ["api_key"] = "sk_1", ["mode"] = "live" }));
    }

    [Fact]
    public void Bind_ReadsTheConfig_WithDefaults()
    {
        var settings = ConnectorSettings.Bind<ShopSettings>(new ConnectorConfig(new JsonObject { ["api_key"] = "sk_1", ["page_size"] = "20" }));

        Assert.Equal(("sk_1", 20, "live"), (settings.ApiKey, settings.PageSize, settings.Mode));
        Assert.Equal(new Uri("https://api.shop.test/"), settings.BaseUrl);
        Assert.Equal(["sk_1"], ConnectorSettings.SecretValues(settings));
    }

    [Fact]
    public void Bind_ReportsEveryProblem_NamingEachSetting()
    {
        var config = new ConnectorConfig(new JsonObject { ["page_size"] = 900, ["mode"] = "staging", ["base_url"] = "/relative" });

        var failure = Assert.Throws<ConfigurationException>(() => ConnectorSettings.Bind<ShopSettings>(config));

        Assert.Contains("The setting 'api_key' is required.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("The setting 'page_size' must be between 1 and 250; got 900.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("The setting 'mode' must be one of 'live', 'test'; got 'staging'.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'base_url' must be an absolute URL", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'webhook_secret' is required when mode is 'test'", Assert.Throws<ConfigurationException>(() => ConnectorSettings.Bind<ShopSettings>(new ConnectorConfig(new JsonObject { ["api_key"] = "k", ["mode"] = "test" }))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_NamesTheSetting_WhoseValueHasTheWrongType()
    {
        var failure = Assert.Throws<ConfigurationException>(() => ConnectorSettings.Bind<ShopSettings>(new ConnectorConfig(new JsonObject { ["api_key"] = "k", ["page_size"] = "many" })));

        Assert.Contains("The setting 'page_size' must be a whole number; got \"many\"", failure.Message, StringComparison.Ordinal);
    }

    public sealed record ShopSettings : IValidatableObject
    {
        [JsonPropertyName("api_key"), Display(Name = "API key"), Required, Secret, Description("The shop's secret API key.")]
        public string? ApiKey { get; init; }

        [JsonPropertyName("page_size"), Range(1, 250), DefaultValue(50)]
        public int PageSize { get; init; } = 50;

        [JsonPropertyName("mode"), AllowedValues("live", "test")]
        public string Mode { get; init; } = "live";

        [JsonPropertyName("webhook_secret")]
        public string? WebhookSigningKeyText { get; init; }

        [JsonPropertyName("base_url")]
        public Uri BaseUrl { get; init; } = new("https://api.shop.test/");

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Mode == "test" && WebhookSigningKeyText is null)
            {
                yield return new ValidationResult("The setting 'webhook_secret' is required when mode is 'test'.");
            }
        }
    }
}
