namespace ConnectorHub.Core.Activation;

/// <summary>Where an activation run is.</summary>
public enum DeliveryStatus
{
    /// <summary>Sending.</summary>
    Running,

    /// <summary>Every change was offered to the destination (some records may have been rejected: see the counts).</summary>
    Succeeded,

    /// <summary>The run stopped early (configuration, destination down); what was not recorded is sent by the next run.</summary>
    Failed,
}
