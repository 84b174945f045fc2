using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Models;

/// <summary>
/// One model: what it predicts, its published version, the quality of its latest evaluated run beside its baseline
/// (and why it was not published, when it was not), feature importance, score distribution and run history. Admins
/// train it now and change its settings.
/// </summary>
public sealed class DetailsModel(PredictiveModelService models, IModelTrainingLauncher launcher) : DashboardPage
{
    public const int HistorySize = 20;

    public ModelView Model { get; private set; } = null!;

    /// <summary>The settings form (admins).</summary>
    [BindProperty]
    public ModelInput Input { get; set; } = new();

    /// <summary>Whether the settings form opens (it holds errors).</summary>
    public bool EditOpen { get; private set; }

    public IReadOnlyList<ModelRunView> Runs { get; private set; } = [];

    /// <summary>The newest run, whatever its status.</summary>
    public ModelRunView? Latest => Runs.Count > 0 ? Runs[0] : null;

    /// <summary>The newest run that was measured (published or not): its quality is what the page shows.</summary>
    public ModelRunView? Evaluated => Runs.FirstOrDefault(r => r.Report is not null);

    /// <summary>The run whose scores the trait holds.</summary>
    public ModelRunView? Published { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ModelInput.From(Model);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken cancellationToken)
    {
        if (Refuse(CanAdminister) is { } refused)
        {
            return refused;
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Input.ToRequest(Model, out var problem) is not { } request)
        {
            ModelState.AddModelError("Input.EventWindows", problem!);
            EditOpen = true;
            return Page();
        }

        try
        {
            await models.UpdateAsync(id, request, cancellationToken);
        }
        catch (HubValidationException error)
        {
            AddErrors(error, ModelInput.FieldOf);
            EditOpen = true;
            return Page();
        }

        Flash($"Saved. The next run of '{Model.Trait}' trains with these settings.");
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            Model = await models.GetAsync(id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Runs = await models.RunsAsync(id, HistorySize, 0, cancellationToken);
        Published = Model.PublishedRunId is { } runId ? Runs.FirstOrDefault(r => r.Id == runId) ?? await models.GetRunAsync(runId, cancellationToken) : null;
        return true;
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
