using ConnectorHub.Connectors.Acme.Http;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Acme.Checking;

/// <summary>Checks a connection with the cheapest call that proves the key can read contacts: a one-contact page.</summary>
internal static class ConnectionCheck
{
    public static async Task<CheckResult> RunAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var api = AcmeApi.Create(context);
            await api.ListContactsAsync(updatedSince: null, cursor: null, limit: 1, cancellationToken);
            return CheckResult.Success($"Connected to Acme at {api.Settings.BaseAddress}; contacts are readable.");
        }
        catch (ConnectorException ex)
        {
            // An expected failure is a result with the classified message, never an exception.
            return CheckResult.Failure(ex.Message);
        }
    }
}
