namespace ConnectorHub.Core.Segments;

/// <summary>How segment and computed-trait refreshes guard against a stalled node (section <c>ConnectorHub:Segments</c>).</summary>
public sealed class SegmentOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Segments";

    /// <summary>
    /// PostgreSQL: a refresh's transaction left idle this long (its node stalled or froze mid-refresh) is ended by the
    /// server, which frees the refresh's lock for another node and rolls back everything the stalled one wrote, so it
    /// cannot commit when it wakes. Default 60 s; a working refresh is never idle for more than milliseconds.
    /// </summary>
    public TimeSpan StalledRefreshTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
