using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Segments;

namespace ConnectorHub.Host.Dashboard.Segments;

/// <summary>The list of segments: size, last refresh, schedule and how many activations follow each.</summary>
public sealed class IndexModel(SegmentService segments, ActivationService activations) : DashboardPage
{
    public IReadOnlyList<SegmentView> Segments { get; private set; } = [];

    public ILookup<long, ActivationView> Activations { get; private set; } = Array.Empty<ActivationView>().ToLookup(a => a.SegmentId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Segments = await segments.ListAsync(cancellationToken);
        Activations = (await activations.ListAsync(cancellationToken)).ToLookup(a => a.SegmentId);
    }
}
