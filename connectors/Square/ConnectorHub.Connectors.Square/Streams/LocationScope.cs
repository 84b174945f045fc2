using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Api;
using ConnectorHub.Connectors.Square.Configuration;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Square.Streams;

/// <summary>
/// The locations a run reads orders and payments of: the configured <c>location_ids</c>, checked against
/// <c>GET /v2/locations</c>, or every location of the seller. Fetched once per run.
/// </summary>
internal sealed class LocationScope(SquareApi api, SquareSettings settings)
{
    private IReadOnlyList<string>? _ids;

    public async Task<IReadOnlyList<string>> IdsAsync(CancellationToken cancellationToken)
    {
        if (_ids is not null)
        {
            return _ids;
        }

        var answer = await api.GetAsync("v2/locations", cancellationToken);
        var known = (answer["locations"] as JsonArray ?? []).Select(l => l?["id"]?.GetValue<string>()).OfType<string>().ToList();
        if (settings.LocationIds.Count == 0)
        {
            return _ids = known;
        }

        var unknown = settings.LocationIds.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ConfigurationException(
                $"The setting 'location_ids' names locations this Square account does not have: {string.Join(", ", unknown)}. Its locations are: {string.Join(", ", known)}. Fix the list, or leave it empty to read every location.");
        }

        return _ids = settings.LocationIds.Distinct(StringComparer.Ordinal).ToList();
    }
}
