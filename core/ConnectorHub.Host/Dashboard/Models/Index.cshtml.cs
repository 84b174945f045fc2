using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;

namespace ConnectorHub.Host.Dashboard.Models;

/// <summary>The predictive models: what each predicts, its published version and how its latest run went.</summary>
public sealed class IndexModel(PredictiveModelService models) : DashboardPage
{
    public IReadOnlyList<ModelView> Models { get; private set; } = [];

    public IReadOnlyDictionary<long, ModelRunView> LatestRuns { get; private set; } = new Dictionary<long, ModelRunView>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Models = await models.ListAsync(cancellationToken);
        LatestRuns = await models.LatestRunsAsync(cancellationToken);
    }
}
