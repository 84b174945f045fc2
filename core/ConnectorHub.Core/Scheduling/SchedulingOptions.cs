namespace ConnectorHub.Core.Scheduling;

/// <summary>The scheduler (section <c>ConnectorHub:Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Scheduling";

    /// <summary>
    /// How often a clustered node (PostgreSQL) records that it is alive; another node takes over its schedule when
    /// it misses check-ins for <see cref="CheckinMisfireThreshold"/>. Default 7.5 s.
    /// </summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>How long past a missed check-in a node is treated as dead. Default 15 s.</summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often this node looks for runs whose node died, to resume them. Default 10 s.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(10);
}
