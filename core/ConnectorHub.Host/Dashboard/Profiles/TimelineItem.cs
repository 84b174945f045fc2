using ConnectorHub.Core.Profiles;

namespace ConnectorHub.Host.Dashboard.Profiles;

/// <summary>One line of a profile's timeline: an event or an order.</summary>
/// <param name="At">When it happened (an event's timestamp, an order's placed time).</param>
/// <param name="Event">The event, or null.</param>
/// <param name="Order">The order, or null.</param>
public sealed record TimelineItem(DateTimeOffset At, EventView? Event, OrderView? Order)
{
    /// <summary>The source that reported it.</summary>
    public string Source => Event?.Source ?? Order!.Source;
}
