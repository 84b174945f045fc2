namespace ConnectorHub.Sdk.Streams.Incremental;

/// <summary>A slice of time a request reads: from <paramref name="Start"/> (inclusive) to <paramref name="End"/> (exclusive).</summary>
public readonly record struct DateRange(DateTimeOffset Start, DateTimeOffset End);
