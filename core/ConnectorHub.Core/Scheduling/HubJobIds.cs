using System.Globalization;

namespace ConnectorHub.Core.Scheduling;

/// <summary>The names of the hub's recurring jobs in Hangfire: one per scheduled sync, segment, activation and model, and the sweeps.</summary>
internal static class HubJobIds
{
    public const string SyncPrefix = "sync:";
    public const string SegmentPrefix = "segment:";
    public const string ActivationPrefix = "activation:";
    public const string ModelPrefix = "model:";
    public const string Recovery = "hub:recover-runs";
    public const string ActivationRetries = "hub:activation-retries";
    public const string EventRetention = "hub:event-retention";

    public static string Sync(Guid syncId) => SyncPrefix + syncId.ToString("N");

    public static string Segment(long segmentId) => SegmentPrefix + segmentId.ToString(CultureInfo.InvariantCulture);

    public static string Activation(long activationId) => ActivationPrefix + activationId.ToString(CultureInfo.InvariantCulture);

    public static string Model(long modelId) => ModelPrefix + modelId.ToString(CultureInfo.InvariantCulture);
}
