namespace ConnectorHub.Connectors.Square.State;

/// <summary>
/// The state of one Square stream: the <c>updated_at</c> cursor the next incremental pass starts from (inclusive,
/// since Square's ranges are), the ids already read at exactly that time (so the inclusive boundary yields no
/// duplicates), and the pass under way, if a run stopped in the middle of one.
/// </summary>
internal sealed class SquareStreamState
{
    /// <summary>The state layout this code writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The greatest <c>updated_at</c> read by the last completed pass.</summary>
    public DateTimeOffset? Cursor { get; set; }

    /// <summary>Ids of the records read with <c>updated_at</c> equal to <see cref="Cursor"/>.</summary>
    public HashSet<string> IdsAtCursor { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The pass under way, or null between passes.</summary>
    public PassProgress? Pass { get; set; }

    /// <summary>Whether a record at <paramref name="updatedAt"/> was already read by an earlier pass.</summary>
    public bool AlreadyRead(string id, DateTimeOffset updatedAt) => updatedAt == Cursor && IdsAtCursor.Contains(id);

    /// <summary>Ends the pass: the cursor moves to the greatest <c>updated_at</c> it saw.</summary>
    public void CompletePass()
    {
        if (Pass is { Max: { } max } pass)
        {
            if (max == Cursor)
            {
                IdsAtCursor.UnionWith(pass.IdsAtMax);
            }
            else if (Cursor is null || max > Cursor)
            {
                Cursor = max;
                IdsAtCursor = new HashSet<string>(pass.IdsAtMax, StringComparer.Ordinal);
            }
        }

        Pass = null;
    }
}
