using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Meta.Graph;

namespace ConnectorHub.Sandbox.Meta.CustomAudiences;

/// <summary>
/// The <c>payload</c> and <c>session</c> parameters of a <c>/{audience_id}/users</c> request, checked. The session is
/// optional, as in Meta's API: a request without one stands alone (Meta's own examples send none).
/// </summary>
internal sealed record UsersUpload(IReadOnlyList<string> Schema, bool SingleKey, JsonArray Data, long? SessionId, int? BatchSeq, bool LastBatchFlag)
{
    public static bool TryParse(GraphParameters parameters, int maxRows, out UsersUpload upload, out GraphError? error)
    {
        upload = null!;
        try
        {
            if (parameters.GetJson("payload") is not JsonObject payload)
            {
                error = GraphError.InvalidParameter("The parameter payload is required and must be a JSON object with schema and data.");
                return false;
            }

            var (schema, single) = payload["schema"] switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => ([v.GetValue<string>()], true),
                JsonArray a when a.Count > 0 && a.All(k => k is JsonValue kv && kv.GetValueKind() == JsonValueKind.String) => (a.Select(k => k!.GetValue<string>()).ToArray(), false),
                _ => (Array.Empty<string>(), false),
            };
            if (schema.Length == 0)
            {
                error = GraphError.InvalidParameter("payload.schema must be a key name or a non-empty array of key names.");
                return false;
            }

            if (schema.FirstOrDefault(k => !MatchKeys.IsKnown(k)) is { } unknown)
            {
                error = GraphError.InvalidParameter($"Invalid schema key '{unknown}' in payload.schema.");
                return false;
            }

            if (payload["data"] is not JsonArray data)
            {
                error = GraphError.InvalidParameter("payload.data must be an array.");
                return false;
            }

            if (data.Count > maxRows)
            {
                error = GraphError.InvalidParameter($"payload.data has {data.Count} entries; at most {maxRows} users can be sent per request. Split the upload into batches of one session.");
                return false;
            }

            var sessionParameter = parameters.GetJson("session");
            if (sessionParameter is null)
            {
                upload = new UsersUpload(schema, single, data, null, null, false);
                error = null;
                return true;
            }

            if (sessionParameter is not JsonObject session)
            {
                error = GraphError.InvalidParameter("The parameter session must be a JSON object: {session_id, batch_seq, last_batch_flag}.");
                return false;
            }

            var sessionId = Number(session["session_id"]);
            var batchSeq = Number(session["batch_seq"]);
            if (sessionId is not > 0 || batchSeq is not (>= 1 and <= int.MaxValue))
            {
                error = GraphError.InvalidParameter("session.session_id must be a positive 64-bit integer and session.batch_seq an integer starting at 1.");
                return false;
            }

            var last = session["last_batch_flag"] is JsonValue flag && flag.GetValueKind() is JsonValueKind.True;
            upload = new UsersUpload(schema, single, data, sessionId.Value, (int)batchSeq.Value, last);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = GraphError.InvalidParameter($"payload and session must be JSON: {ex.Message}");
            return false;
        }
    }

    private static long? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long n) => n,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && long.TryParse(v.GetValue<string>(), out var n) => n,
        _ => null,
    };
}
