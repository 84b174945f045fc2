using ConnectorHub.Sdk.Testing.Emulators;

namespace ConnectorHub.Sandbox.Square.Queries;

/// <summary>
/// The next-page cursor of an answer, honest or (for tests of connectors' guards) broken on purpose as
/// <see cref="PagingMisbehaviour"/> says: the same cursor again, or fresh cursors to empty pages past the end.
/// </summary>
internal static class PageCursors
{
    private const string PastEndMarker = "~past-end~";

    /// <summary>Whether <paramref name="cursor"/> points past the last record (only misbehaving paging issues these).</summary>
    public static bool PastTheEnd(SquareCursor? cursor) => cursor?.LastKey.StartsWith(PastEndMarker, StringComparison.Ordinal) == true;

    public static string? Next(PagingMisbehaviour paging, string? requested, SquareCursor? cursor, string fingerprint, string? lastKey, bool more, DateTimeOffset? pinnedEnd)
    {
        if (paging == PagingMisbehaviour.RepeatCursor && !string.IsNullOrEmpty(requested))
        {
            return requested;
        }

        if (paging == PagingMisbehaviour.EndlessEmptyPages && !more)
        {
            var n = PastTheEnd(cursor) ? int.Parse(cursor!.LastKey[PastEndMarker.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1 : 0;
            return new SquareCursor(fingerprint, PastEndMarker + n.ToString(System.Globalization.CultureInfo.InvariantCulture), pinnedEnd).Encode();
        }

        return more ? new SquareCursor(fingerprint, lastKey!, pinnedEnd).Encode() : null;
    }
}
