using ConnectorHub.Core.Activation;

namespace ConnectorHub.Host.Dashboard.Segments;

/// <summary>An activation as lists show it: where it sends, and how its last delivery went.</summary>
public sealed record ActivationRow(ActivationView Activation, string DestinationName, DeliveryView? LastDelivery)
{
    public static async Task<IReadOnlyList<ActivationRow>> ForAsync(
        IEnumerable<ActivationView> activations, IReadOnlyDictionary<Guid, string> connectionNames, DeliveryQueries ledger, CancellationToken cancellationToken)
    {
        var rows = new List<ActivationRow>();
        foreach (var activation in activations)
        {
            var runs = await ledger.RunsAsync(activation.Id, 1, cancellationToken);
            var last = runs.Count > 0 ? runs[0] : null;
            rows.Add(new ActivationRow(activation, connectionNames.GetValueOrDefault(activation.DestinationConnectionId, "(deleted)"), last));
        }

        return rows;
    }
}
