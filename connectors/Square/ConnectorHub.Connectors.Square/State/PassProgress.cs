namespace ConnectorHub.Connectors.Square.State;

/// <summary>
/// A pass under way: the query window it reads (fixed when it began, so Square cursors stay valid), the partitions
/// it walks (location batches), where it stands, and the greatest <c>updated_at</c> it has seen.
/// </summary>
internal sealed class PassProgress
{
    /// <summary>Whether the pass is incremental (reads from the cursor) or a full refresh.</summary>
    public required bool Incremental { get; init; }

    /// <summary>The inclusive lower bound of <c>updated_at</c>, or null to read everything.</summary>
    public DateTimeOffset? WindowStart { get; init; }

    /// <summary>The inclusive upper bound of <c>updated_at</c>.</summary>
    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>The partitions of the pass (for example batches of location ids), in reading order.</summary>
    public required IReadOnlyList<string> Partitions { get; init; }

    /// <summary>The partition being read.</summary>
    public int Partition { get; set; }

    /// <summary>Square's cursor of the next page of the current partition; null at its first page.</summary>
    public string? PageCursor { get; set; }

    /// <summary>The greatest <c>updated_at</c> seen in the pass.</summary>
    public DateTimeOffset? Max { get; set; }

    /// <summary>The ids of the records seen with <c>updated_at</c> equal to <see cref="Max"/>.</summary>
    public HashSet<string> IdsAtMax { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Notes a record seen in the pass.</summary>
    public void See(string id, DateTimeOffset updatedAt)
    {
        if (Max is null || updatedAt > Max)
        {
            Max = updatedAt;
            IdsAtMax.Clear();
        }

        if (updatedAt == Max)
        {
            IdsAtMax.Add(id);
        }
    }
}
