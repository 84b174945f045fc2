using ConnectorHub.Sdk.Streams.Paging;

namespace ConnectorHub.Sdk.Streams.Incremental;

/// <summary>
/// Reads a stream in date ranges (a day of ad insights, a month of orders), checkpointing after each one, so a
/// resumed read starts at the slice it stopped in and an incremental read starts at the last slice it finished.
/// </summary>
public sealed record DateSlicingOptions
{
    /// <summary>The first slice's start when the stream has no state.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>The length of one slice.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How far before the last finished slice an incremental read starts again (late data).</summary>
    public TimeSpan Lookback { get; init; }

    /// <summary>How slice bounds are written into the request.</summary>
    public CursorFormat Format { get; init; } = CursorFormat.Iso8601;

    /// <summary>Where the slice's start goes; null when the request template's callback places it.</summary>
    public RequestOption? StartOption { get; init; }

    /// <summary>Where the slice's end goes (exclusive unless <see cref="InclusiveEnd"/>).</summary>
    public RequestOption? EndOption { get; init; }

    /// <summary>Whether the API's end bound is inclusive (then the end sent is the last day or instant inside the slice).</summary>
    public bool InclusiveEnd { get; init; }
}
