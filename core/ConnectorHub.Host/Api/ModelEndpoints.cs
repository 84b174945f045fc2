using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Host.Access;

namespace ConnectorHub.Host.Api;

/// <summary>
/// <c>/api/models</c>: predictive models (docs/predictive-traits.md), their training runs and their scores. Anyone may
/// read; admins create, change, delete and train them.
/// </summary>
internal static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/models").WithTags("Predictive traits").RequireAuthorization(HubPolicies.Read);
        group.MapGet("/", (PredictiveModelService models, CancellationToken ct) => models.ListAsync(ct)).WithSummary("All predictive models with their published version.");
        group.MapGet("/{id}", (long id, PredictiveModelService models, CancellationToken ct) => models.GetAsync(id, ct)).WithSummary("One model.");
        group.MapPost("/", async (ModelRequest request, PredictiveModelService models, CancellationToken ct) =>
            {
                var created = await models.CreateAsync(request, ct);
                return Results.Created($"/api/models/{created.Id}", created);
            })
            .WithSummary("Creates a model (Churn or Value) writing its scores to a trait; it trains on its schedule or when asked.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Admin);
        group.MapPut("/{id}", (long id, ModelRequest request, PredictiveModelService models, CancellationToken ct) => models.UpdateAsync(id, request, ct))
            .WithSummary("Changes a model's description, settings and schedule (not its trait or kind); the next run trains with them.")
            .ProducesValidationProblem()
            .RequireAuthorization(HubPolicies.Admin);
        group.MapDelete("/{id}", async (long id, PredictiveModelService models, CancellationToken ct) =>
            {
                await models.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .WithSummary("Deletes a model with its runs, its scores and its trait on every profile.")
            .RequireAuthorization(HubPolicies.Admin);
        group.MapPost("/{id}/train", async (long id, PredictiveModelService models, IModelTrainingLauncher launcher, CancellationToken ct) =>
            {
                var model = await models.GetAsync(id, ct);
                launcher.Enqueue(model.Id, ModelRunTrigger.Manual);
                return Results.Accepted($"/api/models/{model.Id}/runs", new TrainingQueued(model.Id, $"Training of '{model.Trait}' is queued; its run appears under /api/models/{model.Id}/runs when it starts."));
            })
            .WithSummary("Queues a training run now (skipped if one is already going on); the run is published only if it beats its baseline.")
            .Produces<TrainingQueued>(StatusCodes.Status202Accepted)
            .RequireAuthorization(HubPolicies.Admin);
        group.MapGet("/{id}/runs", (long id, int? limit, int? offset, PredictiveModelService models, CancellationToken ct) => models.RunsAsync(id, limit ?? 20, offset ?? 0, ct))
            .WithSummary("The model's training runs, newest first, each with its quality, baseline, checks and why it was or was not published.")
            .ProducesValidationProblem();
        group.MapGet("/runs/{runId}", (long runId, PredictiveModelService models, CancellationToken ct) => models.GetRunAsync(runId, ct)).WithSummary("One training run.");
        group.MapGet("/{id}/scores", (long id, int? limit, int? offset, PredictiveModelService models, CancellationToken ct) => models.ScoresAsync(id, limit ?? 100, offset ?? 0, ct))
            .WithSummary("The model's current scores, highest first, each explained by the features that moved it most.")
            .ProducesValidationProblem();
        routes.MapGet("/api/profiles/{id:long}/scores", (long id, PredictiveModelService models, CancellationToken ct) => models.ScoresOfProfileAsync(id, ct))
            .WithTags("Predictive traits")
            .WithSummary("Every model's current score of the profile, explained.")
            .RequireAuthorization(HubPolicies.Read);
        return routes;
    }
}

/// <summary>The answer to a training request.</summary>
/// <param name="ModelId">The model.</param>
/// <param name="Message">What happens next.</param>
internal sealed record TrainingQueued(long ModelId, string Message);
