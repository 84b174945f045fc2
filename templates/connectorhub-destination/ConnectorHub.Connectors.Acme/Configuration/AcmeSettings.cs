using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Acme.Configuration;

/// <summary>The connection's settings, read and checked once per call (a class, not a record, so the key never prints).</summary>
internal sealed class AcmeSettings
{
    public const string ApiKeySetting = "api_key";
    public const string BaseUrlSetting = "base_url";
    public const string DefaultBaseUrl = "https://api.acme.example/";

    private AcmeSettings(string apiKey, Uri baseAddress)
    {
        ApiKey = apiKey;
        BaseAddress = baseAddress;
    }

    public string ApiKey { get; }

    public Uri BaseAddress { get; }

    /// <summary>Reads the settings; throws a <see cref="ConfigurationException"/> naming the setting that is wrong.</summary>
    public static AcmeSettings From(ConnectorConfig config)
    {
        var apiKey = config.GetRequiredString(ApiKeySetting);
        var baseUrl = config.GetUri(BaseUrlSetting, new Uri(DefaultBaseUrl))!;

        // A trailing slash keeps relative request paths under the base path.
        var baseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new AcmeSettings(apiKey, baseAddress);
    }
}
