using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Connectors.MetaAds.Configuration;

/// <summary>The Meta Ads source's configuration spec, read from the embedded <c>config.schema.json</c>.</summary>
internal static class MetaAdsSpec
{
    private const string ResourceName = "ConnectorHub.Connectors.MetaAds.config.schema.json";

    private static readonly Lazy<string> SchemaText = new(() =>
    {
        using var stream = typeof(MetaAdsSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the Meta Ads connector assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static ConnectorSpec Create() => new()
    {
        ConfigSchema = JsonNode.Parse(SchemaText.Value)!.AsObject(),
        DocumentationUrl = new Uri("https://developers.facebook.com/docs/marketing-api/insights"),
    };
}
