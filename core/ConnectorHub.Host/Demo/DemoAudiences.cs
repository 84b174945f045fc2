using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Segments;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Host.Demo;

/// <summary>
/// The demo's audience: a segment of people with an email who bought at least once (Square's orders), activated to
/// the Meta Custom Audiences and Mailchimp emulators. Its 30-second refresh picks up the first runs' profiles, and
/// each refresh sends what changed.
/// </summary>
internal static class DemoAudiences
{
    public const string SegmentName = "Demo buyers";

    /// <summary>Finds or creates the segment; activations are made again each start (see <see cref="EnsureActivationsAsync"/>).</summary>
    public static async Task EnsureSegmentAsync(DemoState state, IServiceProvider services, CancellationToken cancellationToken)
    {
        var segments = services.GetRequiredService<SegmentService>();
        var existing = (await segments.ListAsync(cancellationToken)).FirstOrDefault(s => s.Name == SegmentName);
        state.SegmentId = existing?.Id ?? (await segments.CreateAsync(new SegmentRequest
        {
            Name = SegmentName,
            Description = "People with an email who bought at least once in a store.",
            Definition = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["all"] = new JsonArray(
                    new JsonObject { ["identifier"] = "email" },
                    new JsonObject { ["orders"] = new JsonObject { ["count"] = new JsonObject { ["atLeast"] = 1 } } }),
            }),
        }, cancellationToken)).Id;
    }

    /// <summary>
    /// The emulators start empty with new audience and list ids at every start, so the activations (and their ledgers,
    /// which would claim the old audiences' members) are made afresh, pointed at the new ids.
    /// </summary>
    public static async Task EnsureActivationsAsync(DemoState state, IServiceProvider services, CancellationToken cancellationToken)
    {
        var activations = services.GetRequiredService<ActivationService>();
        var segmentId = state.SegmentId ?? throw new InvalidOperationException("The demo segment was not created.");
        foreach (var old in (await activations.ListAsync(cancellationToken)).Where(a => a.SegmentId == segmentId))
        {
            await activations.DeleteAsync(old.Id, cancellationToken);
        }

        await activations.CreateAsync(new ActivationRequest
        {
            Name = "Demo buyers on Meta",
            SegmentId = segmentId,
            DestinationConnectionId = state.Connections[DemoConnections.MetaCustomAudiences],
            Mode = DestinationSyncMode.AddRemove,
            Settings = new JsonObject { ["audience_id"] = state.Emulators.MetaAudienceId },
            RequiredConsent = "ads",
        }, cancellationToken);
        await activations.CreateAsync(new ActivationRequest
        {
            Name = "Demo buyers in Mailchimp",
            SegmentId = segmentId,
            DestinationConnectionId = state.Connections[DemoConnections.Mailchimp],
            Mode = DestinationSyncMode.Upsert,
            Settings = new JsonObject { ["list_id"] = state.Emulators.MailchimpListId },
            RequiredConsent = "email",
        }, cancellationToken);
    }
}
