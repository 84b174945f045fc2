using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Acme.Writing;

/// <summary>Reads Acme's per-contact answers (<c>created</c>, <c>updated</c>, <c>invalid</c> with a message) into record results.</summary>
internal static class UpsertResults
{
    public static void Apply(IReadOnlyList<PendingContact> request, IReadOnlyList<JsonObject> answers, RecordResult?[] results)
    {
        var byKey = request.ToDictionary(c => c.Key, StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            if (answer["external_id"]?.ToString() is not { } key || !byKey.TryGetValue(key, out var contact))
            {
                continue;
            }

            results[contact.Index] = answer["status"]?.ToString() switch
            {
                "created" or "updated" => RecordResult.Accepted(key),
                "invalid" => RecordResult.Rejected(key, $"Acme refused the contact: {answer["message"]?.ToString() ?? "no reason given"}"),
                var status => RecordResult.Retry(key, $"Acme answered '{status}' for this contact; the hub retries it later."),
            };
        }
    }
}
