using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Upload;

/// <summary>A record ready to upload: its place in the batch, whether it removes, and its hashed rows.</summary>
internal sealed record PreparedRecord(int Index, DestinationRecord Record, bool Remove, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);
