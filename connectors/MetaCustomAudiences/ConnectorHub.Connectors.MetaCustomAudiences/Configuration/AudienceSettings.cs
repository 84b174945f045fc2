using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Configuration;

/// <summary>A sync's target, from <see cref="WriteRequest.Settings"/>: the custom audience to add to and remove from.</summary>
/// <param name="AudienceId">The customer-file custom audience id.</param>
internal sealed record AudienceSettings(string AudienceId)
{
    public static AudienceSettings From(WriteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Settings["audience_id"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        };
        if (string.IsNullOrEmpty(id) || !id.All(char.IsAsciiDigit))
        {
            throw new ConfigurationException(
                $"The sync setting 'audience_id' is required and must be a customer-file custom audience id (digits), got '{id}'. " +
                "Find it in Meta Ads Manager > Audiences, or create the audience first.");
        }

        return new AudienceSettings(id);
    }
}
