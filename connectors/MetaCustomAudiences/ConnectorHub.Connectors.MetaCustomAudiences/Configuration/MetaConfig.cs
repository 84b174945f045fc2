using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Configuration;

/// <summary>The connection's settings, checked: errors name the setting and say how to fix it.</summary>
/// <param name="AccessToken">A token with the <c>ads_management</c> permission (secret).</param>
/// <param name="AdAccountId">The ad account id, digits only (the <c>act_</c> prefix is removed).</param>
/// <param name="ApiVersion">The Graph API version, such as <c>v21.0</c>.</param>
/// <param name="BaseUrl">The Graph API root.</param>
internal sealed partial record MetaConfig(string AccessToken, string AdAccountId, string ApiVersion, Uri BaseUrl)
{
    public const string DefaultApiVersion = "v21.0";
    public static readonly Uri DefaultBaseUrl = new("https://graph.facebook.com/");

    public static MetaConfig From(ConnectorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var token = config.GetRequiredString("access_token").Trim();
        var account = config.GetRequiredString("ad_account_id").Trim();
        account = account.StartsWith("act_", StringComparison.Ordinal) ? account[4..] : account;
        if (!Digits().IsMatch(account))
        {
            throw new ConfigurationException($"The setting 'ad_account_id' must be the ad account's number, such as 1234567890 or act_1234567890; got '{account}'.");
        }

        var version = config.GetString("api_version", DefaultApiVersion)!.Trim();
        version = version.StartsWith('v') ? version : "v" + version;
        if (!Version().IsMatch(version))
        {
            throw new ConfigurationException($"The setting 'api_version' must look like {DefaultApiVersion}; got '{version}'.");
        }

        var baseUrl = config.GetUri("base_url", DefaultBaseUrl)!;
        return new MetaConfig(token, account, version, baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"));
    }

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+$")]
    private static partial Regex Version();
}
