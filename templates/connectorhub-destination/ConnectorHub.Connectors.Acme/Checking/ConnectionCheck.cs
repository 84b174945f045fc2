using ConnectorHub.Connectors.Acme.Http;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Acme.Checking;

/// <summary>Checks a connection with the cheapest authenticated call: the account the key belongs to.</summary>
internal static class ConnectionCheck
{
    public static async Task<CheckResult> RunAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var api = AcmeApi.Create(context);
            var account = await api.GetAccountAsync(cancellationToken);
            return CheckResult.Success($"Connected to the Acme account '{account["name"]}' at {api.Settings.BaseAddress}.");
        }
        catch (ConnectorException ex)
        {
            // An expected failure is a result with the classified message, never an exception.
            return CheckResult.Failure(ex.Message);
        }
    }
}
