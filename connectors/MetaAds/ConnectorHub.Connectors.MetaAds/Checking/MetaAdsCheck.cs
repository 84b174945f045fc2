using ConnectorHub.Connectors.MetaAds.Accounts;
using ConnectorHub.Connectors.MetaAds.Configuration;
using ConnectorHub.Connectors.MetaAds.Graph;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.MetaAds.Checking;

/// <summary>Checks a connection: the token works and every configured ad account is visible to it.</summary>
internal static class MetaAdsCheck
{
    public static async Task<CheckResult> RunAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        try
        {
            var settings = MetaAdsSettings.From(context.Config);
            using var api = new GraphApi(context, settings);
            var accounts = await new AccountScope(api, settings).AccountsAsync("ad_accounts", cancellationToken);
            return accounts.Count == 0
                ? CheckResult.Failure("The access token sees no ad accounts. Give the system user access to the ad accounts in Business Settings, or set 'ad_account_ids'.")
                : CheckResult.Success($"Connected to Meta; reading {accounts.Count} ad account(s): {string.Join(", ", accounts.Select(a => $"act_{a.Id}"))}.");
        }
        catch (ConnectorException ex)
        {
            return CheckResult.Failure(ex.Message);
        }
    }
}
