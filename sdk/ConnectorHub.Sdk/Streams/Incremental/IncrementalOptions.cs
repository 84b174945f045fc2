using ConnectorHub.Sdk.Streams.Paging;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams.Incremental;

/// <summary>
/// How a stream reads incrementally: the record's cursor field, how the lower bound goes into the request, and the
/// API's quirks. The stream keeps the state: the highest cursor emitted and the record keys emitted at exactly that
/// value, so a <c>&gt;=</c> request re-asks for the boundary and the records already emitted there are skipped.
/// </summary>
public sealed record IncrementalOptions
{
    /// <summary>The record's cursor field as a path (for example <c>updated_at</c> or <c>properties.lastmodifieddate</c>).</summary>
    public required string CursorField { get; init; }

    /// <summary>How the lower bound is written into the request.</summary>
    public CursorFormat RequestFormat { get; init; } = CursorFormat.Iso8601;

    /// <summary>Where the lower bound goes (for example <c>RequestOption.InQuery("updated_since")</c>); or use <see cref="Request"/>.</summary>
    public RequestOption? StartOption { get; init; }

    /// <summary>
    /// The request incremental reads send, when it is not the full refresh's (a search endpoint); its
    /// <see cref="RequestTemplate.Customize"/> gets the lower bound in <see cref="RequestArguments.Cursor"/>.
    /// </summary>
    public RequestTemplate? Request { get; init; }

    /// <summary>The paginator of <see cref="Request"/>, when it pages otherwise than the full refresh.</summary>
    public IPaginator? Paginator { get; init; }

    /// <summary>How far before the cursor each read starts again, for data that arrives late. Records in the window are emitted again.</summary>
    public TimeSpan Lookback { get; init; }

    /// <summary>The first read's lower bound; null reads everything.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>
    /// Whether the API returns records oldest first. Then a checkpoint after every page holds the cursor; otherwise the
    /// cursor is only checkpointed when the loop ends (a resumed read starts the loop again).
    /// </summary>
    public bool SortedByCursor { get; init; }

    /// <summary>
    /// The most results one query can page through (HubSpot's search stops at 10,000): before the next page would
    /// cross it, the stream starts a new query from its cursor. Needs <see cref="SortedByCursor"/>.
    /// </summary>
    public int? QueryResultCap { get; init; }
}
