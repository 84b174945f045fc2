namespace ConnectorHub.Core.Tracking.Messages;

/// <summary>Segment's call types.</summary>
public static class MessageTypes
{
    /// <summary>Who a user is, with traits.</summary>
    public const string Identify = "identify";

    /// <summary>Something a user did.</summary>
    public const string Track = "track";

    /// <summary>A web page view.</summary>
    public const string Page = "page";

    /// <summary>A mobile screen view.</summary>
    public const string Screen = "screen";

    /// <summary>A user's link to a group (account).</summary>
    public const string Group = "group";

    /// <summary>Two ids of one user.</summary>
    public const string Alias = "alias";

    /// <summary>Every type.</summary>
    public static IReadOnlyList<string> All { get; } = [Identify, Track, Page, Screen, Group, Alias];
}
