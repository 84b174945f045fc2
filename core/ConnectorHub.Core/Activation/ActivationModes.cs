using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Activation;

/// <summary>The modes an activation can use, and the record operations each sends.</summary>
internal static class ActivationModes
{
    /// <summary>AddRemove (the audience follows the segment), Mirror (that, plus changed members re-sent), Upsert (profile fields, no removals).</summary>
    public static IReadOnlyList<DestinationSyncMode> Supported { get; } = [DestinationSyncMode.AddRemove, DestinationSyncMode.Mirror, DestinationSyncMode.Upsert];

    /// <summary>The operation for a profile that entered (is not delivered as present).</summary>
    public static RecordOperation Enter(DestinationSyncMode mode) => mode == DestinationSyncMode.Upsert ? RecordOperation.Upsert : RecordOperation.Add;

    /// <summary>Whether a present member whose payload changed is sent again.</summary>
    public static bool ResendsChanges(DestinationSyncMode mode) => mode is DestinationSyncMode.Mirror or DestinationSyncMode.Upsert;

    /// <summary>Whether profiles that left are removed from the destination.</summary>
    public static bool Removes(DestinationSyncMode mode) => mode is DestinationSyncMode.AddRemove or DestinationSyncMode.Mirror;

    /// <summary>Every operation the mode sends, to check against the destination's capabilities.</summary>
    public static IReadOnlyList<RecordOperation> Operations(DestinationSyncMode mode) => mode switch
    {
        DestinationSyncMode.AddRemove => [RecordOperation.Add, RecordOperation.Remove],
        DestinationSyncMode.Mirror => [RecordOperation.Add, RecordOperation.Upsert, RecordOperation.Remove],
        _ => [RecordOperation.Upsert],
    };
}
