using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Activation;

/// <summary>One profile to send: what to do, the member data, its fingerprint and which attempt this is.</summary>
internal sealed record MemberChange(long ProfileId, RecordOperation Operation, JsonObject Data, string? PayloadHash, int Attempt)
{
    /// <summary>The destination record key: the profile id.</summary>
    public string Key => ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
