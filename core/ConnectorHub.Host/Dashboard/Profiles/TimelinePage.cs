using ConnectorHub.Core.Profiles;

namespace ConnectorHub.Host.Dashboard.Profiles;

/// <summary>
/// A page of a profile's events and orders together, newest first. Events and orders are paged apart by the
/// profiles API; this takes a page of each, keeps the newest <c>size</c> of the two, and remembers where each list
/// stops so the "older" link neither skips nor repeats anything.
/// </summary>
/// <param name="Items">The page, newest first.</param>
/// <param name="OlderEvents">The events cursor of the next page: null when no events are left, empty to start from the newest.</param>
/// <param name="OlderOrders">The orders cursor of the next page: null when no orders are left, empty to start from the newest.</param>
public sealed record TimelinePage(IReadOnlyList<TimelineItem> Items, string? OlderEvents, string? OlderOrders)
{
    /// <summary>The value that marks a list as done in a URL (a missing or empty cursor means "from the newest").</summary>
    public const string Done = "done";

    /// <summary>Whether anything older exists.</summary>
    public bool HasOlder => OlderEvents is not null || OlderOrders is not null;

    /// <summary>Reads the page of <paramref name="profileId"/> starting at the two cursors (<see cref="Done"/> skips a list).</summary>
    public static async Task<TimelinePage> ReadAsync(ProfileTimeline timeline, long profileId, int size, string? eventsBefore, string? ordersBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var events = eventsBefore == Done ? new Page<EventView>([], null) : await timeline.EventsAsync(profileId, size, eventsBefore, cancellationToken);
        var orders = ordersBefore == Done ? new Page<OrderView>([], null) : await timeline.OrdersAsync(profileId, size, ordersBefore, cancellationToken);
        var items = events.Items.Select(e => new TimelineItem(e.Timestamp, e, null))
            .Concat(orders.Items.Select(o => new TimelineItem(o.PlacedAt, null, o)))
            .OrderByDescending(i => i.At)
            .Take(size)
            .ToArray();
        var shownEvents = items.Count(i => i.Event is not null);
        var shownOrders = items.Length - shownEvents;

        // A list shown in full continues from its own cursor; one cut short continues from its last shown item,
        // whose cursor the API gives for a page of exactly that many; one not reached continues where it was.
        var olderEvents = shownEvents == events.Items.Count ? events.Next
            : shownEvents == 0 ? eventsBefore ?? string.Empty
            : (await timeline.EventsAsync(profileId, shownEvents, eventsBefore, cancellationToken)).Next;
        var olderOrders = shownOrders == orders.Items.Count ? orders.Next
            : shownOrders == 0 ? ordersBefore ?? string.Empty
            : (await timeline.OrdersAsync(profileId, shownOrders, ordersBefore, cancellationToken)).Next;
        return new TimelinePage(items, olderEvents, olderOrders);
    }
}
