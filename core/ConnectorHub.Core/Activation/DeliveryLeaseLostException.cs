namespace ConnectorHub.Core.Activation;

/// <summary>
/// Thrown when an activation run finds its ledger row no longer running: its node was not heard from for longer than
/// <see cref="ActivationOptions.StaleAfter"/> and another run took the activation over. It stops at once, sending and
/// recording nothing more.
/// </summary>
public sealed class DeliveryLeaseLostException(long deliveryId)
    : Exception($"Activation run {deliveryId} lost its lease: it was closed while this node was not heard from, and another run took the activation over. It stops without sending or recording anything more.")
{
    /// <summary>The ledger row of the run that lost its lease.</summary>
    public long DeliveryId { get; } = deliveryId;
}
