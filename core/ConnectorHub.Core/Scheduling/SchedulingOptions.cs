namespace ConnectorHub.Core.Scheduling;

/// <summary>The scheduler: Hangfire on the hub's database (section <c>ConnectorHub:Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ConnectorHub:Scheduling";

    /// <summary>
    /// How often this node looks for runs whose node died or stalled, to resume them on a node that lives. A run is
    /// taken over once its heartbeat is older than <c>ConnectorHub:Runner:StaleAfter</c>, so a dead node's run resumes
    /// within StaleAfter plus this interval. A whole number of seconds dividing a minute, or of minutes dividing an
    /// hour. Default 10 s.
    /// </summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often Hangfire looks for due schedules and for jobs waiting in its queue (run-now, activations). Lower
    /// means quicker starts and more small queries. Default 1 s.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Jobs Hangfire runs at once on this node (sync runs, refreshes, deliveries). Default 10.
    /// </summary>
    public int WorkerCount { get; set; } = 10;

    /// <summary>
    /// PostgreSQL: a job taken by a node that stops renewing it (the node died) goes back to the queue after this
    /// long; a live node renews its jobs all the time, so a long run is never started twice. Default 5 min. (Sync
    /// runs do not wait for this: the hub's own recovery resumes them from their checkpoint.)
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// PostgreSQL: a scheduler lock (Hangfire's, around due schedules and each run's start) still held after this long
    /// belongs to a node that died or froze, and is taken from it, so one stalled node cannot hold up the others'
    /// schedules and recovery. Locks are held for milliseconds when nodes work. Default 30 s.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
