namespace ConnectorHub.Host.Demo;

/// <summary>One idempotent step of setting up the demo workspace: it finds what an earlier start made, or makes it.</summary>
/// <param name="Name">What it sets up, for the log.</param>
/// <param name="RunAsync">Does it, with the services of one scope.</param>
internal sealed record DemoStep(string Name, Func<DemoState, IServiceProvider, CancellationToken, Task> RunAsync);
