using ConnectorHub.Connectors.Mailchimp.Api;
using ConnectorHub.Connectors.Mailchimp.Configuration;
using ConnectorHub.Connectors.Mailchimp.Members;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Mailchimp.Writing;

/// <summary>
/// Removes members as the sync says: archive (<c>DELETE</c>), unsubscribe (<c>PATCH status</c>) or untag (the
/// sync's tags set inactive). Someone who is not in the list is already removed, so a 404 counts as accepted.
/// </summary>
internal sealed class MemberRemoval(MailchimpClient client, ListSettings settings, PerMemberCalls perMember)
{
    public Task<IReadOnlyDictionary<int, RecordResult>> RunAsync(IReadOnlyList<PreparedMember> chunk, CancellationToken cancellationToken) =>
        perMember.RunAsync(chunk, RemoveAsync, OnProblem, cancellationToken);

    private Task RemoveAsync(PreparedMember member, CancellationToken cancellationToken)
    {
        var path = $"lists/{settings.ListId}/members/{member.Hash}";
        return settings.RemoveAction switch
        {
            RemoveAction.Archive => client.SendAsync(HttpMethod.Delete, path, null, cancellationToken),
            RemoveAction.Unsubscribe => client.SendAsync(HttpMethod.Patch, path, new System.Text.Json.Nodes.JsonObject { ["status"] = "unsubscribed" }, cancellationToken),
            _ => client.SendAsync(HttpMethod.Post, $"{path}/tags", MemberBody.TagChange(settings.Tags, active: false), cancellationToken),
        };
    }

    private static RecordResult OnProblem(PreparedMember member, ProblemDetail problem) => problem.Status == 404
        ? RecordResult.Accepted(member.Record.Key)
        : RecordResult.Rejected(member.Record.Key, $"Mailchimp refused the removal: {problem}");
}
