using ConnectorHub.Core.Segments;

namespace ConnectorHub.Integration.Tests.Segments;

/// <summary>Keeps every refresh it hears about; optionally fails after recording, to prove failures are swallowed.</summary>
public sealed class RecordingListener(bool fail = false) : ISegmentRefreshListener
{
    public List<SegmentRefreshed> Heard { get; } = [];

    public Task OnRefreshedAsync(SegmentRefreshed refreshed, CancellationToken cancellationToken)
    {
        lock (Heard)
        {
            Heard.Add(refreshed);
        }

        return fail ? throw new InvalidOperationException("listener down") : Task.CompletedTask;
    }
}
