using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Mailchimp.Members;

/// <summary>A record ready to write: its place in the batch, its email and subscriber hash, and the member.</summary>
internal sealed record PreparedMember(int Index, DestinationRecord Record, bool Remove, string Email, string Hash, AudienceMember Member);
