using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Settings;

namespace ConnectorHub.Connectors.MetaAds.Configuration;

/// <summary>The Meta Ads source's configuration spec, generated from <see cref="MetaAdsSettings"/>.</summary>
internal static class MetaAdsSpec
{
    public static ConnectorSpec Create() => new()
    {
        ConfigSchema = ConnectorSettings.SchemaOf<MetaAdsSettings>(),
        DocumentationUrl = new Uri("https://developers.facebook.com/docs/marketing-api/insights"),
    };
}
