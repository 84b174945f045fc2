using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Api;
using ConnectorHub.Connectors.Square.Configuration;
using ConnectorHub.Connectors.Square.Streams;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Square.Checking;

/// <summary>Checks a connection with <c>GET /v2/locations</c>: the token works and configured locations exist.</summary>
internal static class SquareCheck
{
    public static async Task<CheckResult> RunAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        try
        {
            var settings = SquareSettings.From(context.Config);
            using var api = new SquareApi(context, settings);
            var ids = await new LocationScope(api, settings).IdsAsync(cancellationToken);
            return ids.Count == 0
                ? CheckResult.Failure("The Square account has no locations, so there are no orders or payments to read. Create a location in the Square Dashboard.")
                : CheckResult.Success($"Connected to Square; reading {ids.Count} location(s): {string.Join(", ", ids)}.");
        }
        catch (ConnectorException ex)
        {
            return CheckResult.Failure(ex.Message);
        }
    }
}
