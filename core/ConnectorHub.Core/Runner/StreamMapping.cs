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

/// <summary>A mapped record, or the reason it was set aside.</summary>
/// <param name="Data">The mapped record; null when rejected.</param>
/// <param name="Error">Why it was rejected.</param>
/// <param name="Location">Which mapping rule and field failed.</param>
public readonly record struct MappedRecord(JsonObject? Data, string? Error = null, string? Location = null)
{
    /// <summary>A rejection.</summary>
    public static MappedRecord Rejected(string error, string? location = null) => new(null, error, location);
}

/// <summary>Sends records as read: the default when a sync has no mapping.</summary>
internal sealed class PassThroughMapperFactory : IStreamMapperFactory
{
    private static readonly IStreamMapper Instance = new PassThrough();

    public IStreamMapper Create(Sync sync, SyncStream stream, LoadedPlugin source) => Instance;

    private sealed class PassThrough : IStreamMapper
    {
        public MappedRecord Map(JsonObject record) => new(record);
    }
}
