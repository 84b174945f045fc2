using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Models;

/// <summary>
/// One model: what it predicts, its published version, the quality of its latest evaluated run beside its baseline
/// (and why it was not published, when it was not), feature importance, score distribution and run history. Admins
/// train it now.
/// </summary>
public sealed class DetailsModel(PredictiveModelService models, IModelTrainingLauncher launcher) : DashboardPage
{
    public const int HistorySize = 20;

    public ModelView Model { get; private set; } = null!;

    public IReadOnlyList<ModelRunView> Runs { get; private set; } = [];

    /// <summary>The newest run, whatever its status.</summary>
    public ModelRunView? Latest => Runs.Count > 0 ? Runs[0] : null;

    /// <summary>The newest run that was measured (published or not): its quality is what the page shows.</summary>
    public ModelRunView? Evaluated => Runs.FirstOrDefault(r => r.Report is not null);

    /// <summary>The run whose scores the trait holds.</summary>
    public ModelRunView? Published { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            Model = await models.GetAsync(id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Runs = await models.RunsAsync(id, HistorySize, 0, cancellationToken);
        Published = Model.PublishedRunId is { } runId ? Runs.FirstOrDefault(r => r.Id == runId) ?? await models.GetRunAsync(runId, cancellationToken) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostTrainAsync(long id, CancellationToken cancellationToken)
    {
        if (Refuse(CanAdminister) is { } refused)
        {
            return refused;
        }

        var model = await models.GetAsync(id, cancellationToken);
        launcher.Enqueue(model.Id, ModelRunTrigger.Manual);
        Flash($"Training of '{model.Trait}' is queued. Its run appears below when it starts; it is published only if it beats its baseline.");
        return RedirectToPage(new { id });
    }
}
