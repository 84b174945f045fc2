using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Tracking.Ingestion;

/// <summary>One event of a commit group: the canonical event, the profile it is on, and the call's <c>integrations</c>.</summary>
/// <param name="Event">The event.</param>
/// <param name="ProfileId">Its profile; null when its person had no usable identifier.</param>
/// <param name="Integrations">The call's <c>integrations</c>, kept as sent.</param>
internal sealed record TrackedEvent(CanonicalEvent Event, long? ProfileId, JsonObject? Integrations = null);
