namespace ConnectorHub.Host.Demo;

/// <summary>What the demo workspace's steps made or found, for the steps after them.</summary>
internal sealed class DemoState(DemoEmulators emulators)
{
    public DemoEmulators Emulators { get; } = emulators;

    /// <summary>Connection ids by their demo name (see <see cref="DemoConnections"/>).</summary>
    public Dictionary<string, Guid> Connections { get; } = new(StringComparer.Ordinal);

    /// <summary>Sync ids by their demo name.</summary>
    public Dictionary<string, Guid> Syncs { get; } = new(StringComparer.Ordinal);

    /// <summary>Syncs this start created (they run once at once; on later starts their schedules take over).</summary>
    public List<Guid> NewSyncs { get; } = [];

    /// <summary>The demo user's password, set at this start.</summary>
    public string? Password { get; set; }

    /// <summary>The demo segment, once found or created.</summary>
    public long? SegmentId { get; set; }
}
