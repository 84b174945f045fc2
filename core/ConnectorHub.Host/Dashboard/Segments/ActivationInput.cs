using System.Text.Json.Nodes;
using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Host.Dashboard.Segments;

/// <summary>The "activate this segment" form: where to, how, and the destination's settings as JSON.</summary>
public sealed class ActivationInput
{
    public string Name { get; set; } = string.Empty;

    public Guid? DestinationConnectionId { get; set; }

    public DestinationSyncMode Mode { get; set; } = DestinationSyncMode.AddRemove;

    /// <summary>The destination's settings, such as its audience or list id, as a JSON object.</summary>
    public string? Settings { get; set; }

    /// <summary>The consent a profile must not have refused to be sent ("ads", "email", "sms"), or empty for none.</summary>
    public string? RequiredConsent { get; set; } = "ads";

    public static IReadOnlyList<DestinationSyncMode> Modes { get; } = [DestinationSyncMode.AddRemove, DestinationSyncMode.Mirror, DestinationSyncMode.Upsert];

    public ActivationRequest ToRequest(long segmentId)
    {
        JsonObject settings;
        try
        {
            settings = string.IsNullOrWhiteSpace(Settings) ? [] : JsonNode.Parse(Settings) as JsonObject
                ?? throw new HubValidationException("settings", "Settings must be a JSON object such as { \"audience_id\": \"...\" }.");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new HubValidationException("settings", $"Settings are not valid JSON: {ex.Message}");
        }

        return new ActivationRequest
        {
            Name = Name,
            SegmentId = segmentId,
            DestinationConnectionId = DestinationConnectionId ?? Guid.Empty,
            Mode = Mode,
            Settings = settings,
            RequiredConsent = string.IsNullOrWhiteSpace(RequiredConsent) ? null : RequiredConsent.Trim(),
        };
    }
}
