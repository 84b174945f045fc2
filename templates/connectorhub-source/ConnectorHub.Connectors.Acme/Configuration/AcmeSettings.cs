using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Acme.Configuration;

/// <summary>The connection's settings, read and checked once per call (a class, not a record, so the key never prints).</summary>
internal sealed class AcmeSettings
{
    public const string ApiKeySetting = "api_key";
    public const string BaseUrlSetting = "base_url";
    public const string PageSizeSetting = "page_size";
    public const string MaxPagesSetting = "max_pages";
    public const string DefaultBaseUrl = "https://api.acme.example/";

    /// <summary>The most contacts Acme returns in one page.</summary>
    public const int MaxPageSize = 100;

    private AcmeSettings(string apiKey, Uri baseAddress, int pageSize, int maxPages)
    {
        ApiKey = apiKey;
        BaseAddress = baseAddress;
        PageSize = pageSize;
        MaxPages = maxPages;
    }

    public string ApiKey { get; }

    public Uri BaseAddress { get; }

    public int PageSize { get; }

    /// <summary>The page cap per stream: a guard against an API that pages on forever.</summary>
    public int MaxPages { get; }

    /// <summary>Reads the settings; throws a <see cref="ConfigurationException"/> naming the setting that is wrong.</summary>
    public static AcmeSettings From(ConnectorConfig config)
    {
        var apiKey = config.GetRequiredString(ApiKeySetting);
        var pageSize = config.GetInt32(PageSizeSetting, MaxPageSize);
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ConfigurationException($"The setting '{PageSizeSetting}' must be between 1 and {MaxPageSize} (Acme's page limit); got {pageSize}.");
        }

        var baseUrl = config.GetUri(BaseUrlSetting, new Uri(DefaultBaseUrl))!;

        // A trailing slash keeps relative request paths under the base path.
        var baseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new AcmeSettings(apiKey, baseAddress, pageSize, Math.Max(1, config.GetInt32(MaxPagesSetting, 100_000)));
    }
}
