using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Mailchimp;
using ConnectorHub.Sandbox.Meta.CustomAudiences;
using ConnectorHub.Sandbox.Meta.Insights;
using ConnectorHub.Sandbox.Square;

namespace ConnectorHub.Host.Demo;

/// <summary>
/// The demo's connections: each plugin's real settings with <c>base_url</c> pointing at its emulator on 127.0.0.1
/// (plugins may reach loopback hosts when <c>ConnectorHub:Plugins:AllowLoopbackHosts</c> is true, as in the
/// shipped appsettings.json), and the emulators' sandbox credentials.
/// </summary>
internal static class DemoConnections
{
    public const string HubSpot = "Demo HubSpot";
    public const string Square = "Demo Square";
    public const string MetaAds = "Demo Meta Ads";
    public const string Mailchimp = "Demo Mailchimp";
    public const string MetaCustomAudiences = "Demo Meta Custom Audiences";

    /// <summary>Name, plugin id and settings of every demo connection.</summary>
    public static IReadOnlyList<(string Name, string PluginId, JsonObject Config)> All(DemoEmulators emulators)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        return
        [
            (HubSpot, "hubspot", new JsonObject
            {
                ["auth_type"] = "private_app",
                ["private_app_token"] = emulators.HubSpot.Options.PrivateAppToken,
                ["base_url"] = emulators.HubSpotHost.BaseAddress.ToString(),
                ["page_size"] = 100,
            }),
            (Square, "square", new JsonObject
            {
                ["access_token"] = SquareEmulator.DefaultAccessToken,
                ["base_url"] = emulators.SquareHost.BaseAddress.ToString(),
            }),
            (MetaAds, "meta-ads", new JsonObject
            {
                ["access_token"] = MetaInsightsEmulator.DefaultAccessToken,
                ["base_url"] = emulators.MetaInsightsHost.BaseAddress.ToString(),

                // The emulator's 30 days in synchronous requests: async report runs poll, and would take minutes.
                ["async_threshold_days"] = 60,
            }),
            (Mailchimp, "mailchimp", new JsonObject
            {
                ["api_key"] = MailchimpEmulator.DefaultApiKey,
                ["base_url"] = new Uri(emulators.MailchimpHost.BaseAddress, "3.0").ToString(),
            }),
            (MetaCustomAudiences, "meta-custom-audiences", new JsonObject
            {
                ["access_token"] = MetaCustomAudiencesEmulator.DefaultAccessToken,
                ["ad_account_id"] = "act_" + DemoEmulators.AdAccountId,
                ["base_url"] = emulators.MetaCustomAudiencesHost.BaseAddress.ToString(),
            }),
        ];
    }
}
