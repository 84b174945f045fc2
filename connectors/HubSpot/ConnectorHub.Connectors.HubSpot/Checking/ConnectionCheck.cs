using ConnectorHub.Connectors.HubSpot.Http;
using ConnectorHub.Connectors.HubSpot.Streams;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.HubSpot.Checking;

/// <summary>
/// Checks a connection with one cheap authenticated call per object type (a one-record list page), so a missing
/// scope is named for the type that needs it.
/// </summary>
internal static class ConnectionCheck
{
    public static async Task<CheckResult> RunAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var api = HubSpotApi.Create(context);
            foreach (var stream in CrmStream.All)
            {
                await api.ListAsync(stream, after: null, limit: 1, cancellationToken);
            }

            return CheckResult.Success($"Connected to HubSpot at {api.Settings.BaseAddress}; contacts, companies and deals are readable.");
        }
        catch (ConnectorException ex)
        {
            return CheckResult.Failure(ex.Message);
        }
    }
}
