using System.Text.Json.Nodes;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Syncs;

namespace ConnectorHub.Core.Runner;

/// <summary>Turns a source record into what the sink receives, or says why it cannot.</summary>
public interface IStreamMapper
{
    /// <summary>Maps one record.</summary>
    MappedRecord Map(JsonObject record);
}

/// <summary>Creates the mapper of one stream of a sync.</summary>
public interface IStreamMapperFactory
{
    /// <summary>The mapper for <paramref name="stream"/> of <paramref name="sync"/>, read from <paramref name="source"/>.</summary>
    IStreamMapper Create(Sync sync, SyncStream stream, LoadedPlugin source);
}

/// <summary>A mapped record, a record the mapping skips on purpose, or the reason it was set aside.</summary>
/// <param name="Data">The mapped record; null when skipped or rejected.</param>
/// <param name="Error">Why it was rejected.</param>
/// <param name="Location">Which mapping rule and field failed.</param>
public readonly record struct MappedRecord(JsonObject? Data, string? Error = null, string? Location = null)
{
    /// <summary>A rejection.</summary>
    public static MappedRecord Rejected(string error, string? location = null) => new(null, error, location);

    /// <summary>A record the mapping's conditions leave out (not an error).</summary>
    public static MappedRecord Skipped { get; } = new(null, null, null);

    /// <summary>Whether the mapping left the record out on purpose.</summary>
    public bool IsSkipped => Data is null && Error is null;
}
