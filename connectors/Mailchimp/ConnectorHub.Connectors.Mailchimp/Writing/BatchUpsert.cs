using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Mailchimp.Api;
using ConnectorHub.Connectors.Mailchimp.Configuration;
using ConnectorHub.Connectors.Mailchimp.Members;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Mailchimp.Writing;

/// <summary>
/// Upserts up to 500 members with one batch subscribe (<c>POST /lists/{id}</c>) and reads each member's result
/// from <c>new_members</c>, <c>updated_members</c> and <c>errors[]</c>.
/// <para>
/// Mailchimp's batch endpoint has no <c>status_if_new</c>: with <c>update_existing</c> it sets every existing
/// member's status too. So by default (<c>existing_member_status: keep</c>) the batch only creates
/// (<c>update_existing: false</c>), and the members it reports as existing are updated one by one with
/// <c>PUT</c> (<c>status_if_new</c>, their status untouched) and their tags added with <c>POST .../tags</c>. With
/// <c>existing_member_status: update</c> one batch with <c>update_existing: true</c> does it all.
/// </para>
/// </summary>
internal sealed class BatchUpsert(MailchimpClient client, ListSettings settings, MemberBody bodies, PerMemberCalls perMember)
{
    private const string ContactExists = "ERROR_CONTACT_EXISTS";

    public async Task<IReadOnlyDictionary<int, RecordResult>> RunAsync(IReadOnlyList<PreparedMember> chunk, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["members"] = new JsonArray(chunk.Select(m => (JsonNode)bodies.ForBatch(m)).ToArray()),
            ["update_existing"] = settings.UpdateExistingStatus,
            ["sync_tags"] = false,
        };
        var response = await client.SendAsync(HttpMethod.Post, $"lists/{settings.ListId}", request, cancellationToken);

        var byHash = chunk.ToDictionary(m => m.Hash, StringComparer.Ordinal);
        var results = new Dictionary<int, RecordResult>();
        var existing = new List<PreparedMember>();
        foreach (var written in Items(response, "new_members").Concat(Items(response, "updated_members")))
        {
            if (Find(byHash, written) is { } member)
            {
                results[member.Index] = RecordResult.Accepted(member.Record.Key);
            }
        }

        foreach (var error in Items(response, "errors"))
        {
            if (Find(byHash, error) is not { } member)
            {
                continue;
            }

            if (!settings.UpdateExistingStatus && Text(error, "error_code") == ContactExists)
            {
                existing.Add(member);
            }
            else
            {
                results[member.Index] = RecordResult.Rejected(member.Record.Key, Reason(error));
            }
        }

        foreach (var (index, result) in await perMember.RunAsync(existing, UpdateExistingAsync, (m, p) => RecordResult.Rejected(m.Record.Key, $"Mailchimp refused the update: {p}"), cancellationToken))
        {
            results[index] = result;
        }

        foreach (var member in chunk.Where(m => !results.ContainsKey(m.Index)))
        {
            results[member.Index] = RecordResult.Retry(member.Record.Key, "Mailchimp's batch answer did not mention this member; the hub retries it later.");
        }

        return results;
    }

    private async Task UpdateExistingAsync(PreparedMember member, CancellationToken cancellationToken)
    {
        var path = $"lists/{settings.ListId}/members/{member.Hash}";
        await client.SendAsync(HttpMethod.Put, path, bodies.ForUpdate(member), cancellationToken);
        if (bodies.Tags(member) is { Count: > 0 } tags)
        {
            await client.SendAsync(HttpMethod.Post, $"{path}/tags", MemberBody.TagChange(tags, active: true), cancellationToken);
        }
    }

    private static IEnumerable<JsonObject> Items(JsonNode? response, string name) => (response?[name] as JsonArray ?? []).OfType<JsonObject>();

    private static PreparedMember? Find(Dictionary<string, PreparedMember> byHash, JsonObject item) =>
        Text(item, "email_address") is { } email ? byHash.GetValueOrDefault(SubscriberHash.Of(email)) : null;

    private static string? Text(JsonObject item, string name) => item[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static string Reason(JsonObject error)
    {
        var message = Text(error, "error") ?? "Mailchimp refused the member.";
        var field = Text(error, "field");
        var detail = Text(error, "field_message");
        var code = Text(error, "error_code");
        var where = string.IsNullOrEmpty(field) || string.IsNullOrEmpty(detail) || detail == message ? string.Empty : $" ({field}: {detail})";
        return $"Mailchimp: {message}{where}{(string.IsNullOrEmpty(code) ? string.Empty : $" [{code}]")}";
    }
}
