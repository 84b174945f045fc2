using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http.OAuth;

namespace ConnectorHub.Connectors.HubSpot.Configuration;

/// <summary>The connection's settings, read and checked once per call.</summary>
internal sealed record HubSpotSettings(bool UsesOAuth, Uri BaseAddress, int PageSize, int MaxPages, IReadOnlyCollection<string> SecretValues)
{
    public const string AuthType = "auth_type";
    public const string PrivateAppToken = "private_app_token";
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string BaseUrl = "base_url";
    public const string PageSizeSetting = "page_size";
    public const string MaxPagesSetting = "max_pages";
    public const string DefaultBaseUrl = "https://api.hubapi.com";

    /// <summary>The search endpoint's largest page.</summary>
    public const int MaxSearchPageSize = 200;

    /// <summary>Records per search page: twice the list page, as search pages may hold 200.</summary>
    public int SearchPageSize => Math.Min(PageSize * 2, MaxSearchPageSize);

    public static HubSpotSettings From(ConnectorConfig config)
    {
        var oauth = config.GetString(AuthType) switch
        {
            null => !config.Has(PrivateAppToken) && config.Has(OAuthTokenManager.RefreshTokenSetting),
            "oauth" => true,
            "private_app" => false,
            var other => throw new ConfigurationException($"The setting '{AuthType}' must be 'private_app' or 'oauth'; got '{other}'."),
        };
        if (oauth)
        {
            config.GetRequiredString(ClientId);
            config.GetRequiredString(ClientSecret);
            config.GetRequiredString(OAuthTokenManager.RefreshTokenSetting);
        }
        else
        {
            config.GetRequiredString(PrivateAppToken);
        }

        var pageSize = config.GetInt32(PageSizeSetting, 100);
        if (pageSize is < 1 or > 100)
        {
            throw new ConfigurationException($"The setting '{PageSizeSetting}' must be between 1 and 100 (HubSpot's list limit); got {pageSize}.");
        }

        var baseUrl = config.GetUri(BaseUrl, new Uri(DefaultBaseUrl))!;
        var secrets = new[] { PrivateAppToken, ClientSecret, OAuthTokenManager.RefreshTokenSetting, OAuthTokenManager.AccessTokenSetting }
            .Select(name => config.GetString(name))
            .OfType<string>()
            .ToArray();
        return new HubSpotSettings(
            oauth,
            new Uri(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl.AbsoluteUri : baseUrl.AbsoluteUri + "/"),
            pageSize,
            Math.Max(1, config.GetInt32(MaxPagesSetting, 200_000)),
            secrets);
    }
}
