using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Activation;

/// <summary>What an activation is, as created or changed through the API.</summary>
public sealed record ActivationRequest
{
    /// <summary>A unique name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The segment whose members are sent.</summary>
    public long SegmentId { get; init; }

    /// <summary>The destination connection they are sent to.</summary>
    public Guid DestinationConnectionId { get; init; }

    /// <summary>AddRemove (default), Mirror or Upsert; the destination must support it.</summary>
    public DestinationSyncMode Mode { get; init; } = DestinationSyncMode.AddRemove;

    /// <summary>Which identifiers and traits become which member fields; null keeps the defaults.</summary>
    public ActivationMapping? Mapping { get; init; }

    /// <summary>The destination's settings for the write (Meta: <c>audience_id</c>; Mailchimp: <c>list_id</c>, ...).</summary>
    public JsonObject? Settings { get; init; }

    /// <summary>
    /// The consent a profile must not have refused to be sent: <c>ads</c> (default), <c>email</c> or <c>sms</c>;
    /// <c>none</c> sends everyone (the destination may still honour the consent the member carries).
    /// </summary>
    public string? RequiredConsent { get; init; } = "ads";

    /// <summary>Cron expression for runs of its own (besides segment refreshes and run-now); null for none.</summary>
    public string? Schedule { get; init; }

    /// <summary>The schedule's time zone (IANA id); UTC when null.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Whether refreshes, the schedule and retries run it. Run-now works either way.</summary>
    public bool Enabled { get; init; } = true;
}
