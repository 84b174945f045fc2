using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Meta.Graph;

namespace ConnectorHub.Sandbox.Meta.CustomAudiences;

/// <summary>
/// <c>POST</c> (add) and <c>DELETE</c> (remove) <c>/v{NN}.0/{audience_id}/users</c>: checks the token, the
/// payload, the session when there is one (it is optional) and each row, applies the valid rows and answers
/// <c>{audience_id, session_id, num_received, num_invalid_entries, invalid_entry_samples}</c>.
/// </summary>
internal sealed class UsersEndpoint(MetaCustomAudiencesEmulator emulator)
{
    public async Task HandleAsync(HttpContext context, string version, string audienceId, bool remove)
    {
        var parameters = await emulator.AuthorizeAsync(context, version);
        if (parameters is null)
        {
            return;
        }

        // Graph also takes a removal as POST with method=DELETE.
        remove |= string.Equals(parameters.GetString("method"), "DELETE", StringComparison.OrdinalIgnoreCase);
        if (emulator.FindAudience(audienceId) is not { } audience)
        {
            await GraphError.UnknownObject(context.Request.Method, audienceId).WriteAsync(context.Response);
            return;
        }

        if (!UsersUpload.TryParse(parameters, emulator.MaxRowsPerRequest, out var upload, out var error))
        {
            await error!.WriteAsync(context.Response);
            return;
        }

        var rows = RowCheck.Check(upload, emulator.IsRejected, emulator.MaxInvalidSamples);
        var now = emulator.Time.GetUtcNow();
        int received;
        var discarded = false;
        lock (audience.Gate)
        {
            if (upload.SessionId is not { } sessionId)
            {
                // No session: the request is applied on its own, as Meta does.
                audience.Apply(rows.Valid, remove, now);
                received = upload.Data.Count;
            }
            else
            {
                var session = audience.Session(sessionId, remove ? "remove" : "add", now);
                discarded = !session.IsOpen(now);
                if (discarded)
                {
                    session.Discard();
                }
                else
                {
                    audience.Apply(rows.Valid, remove, now);
                    session.Record(upload.BatchSeq!.Value, upload.Data.Count, rows.Invalid, upload.LastBatchFlag);
                }

                received = session.NumReceived;
            }
        }

        emulator.Log(new UsersRequestRecord(remove, audienceId, upload.SessionId, upload.BatchSeq, upload.LastBatchFlag, upload.Schema, upload.Data.Count, rows.Invalid, discarded));
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["audience_id"] = audienceId,
            // Without a session Meta answers the id of the one it opened and closed for the request.
            ["session_id"] = (upload.SessionId ?? Random.Shared.NextInt64(1, 1L << 53)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["num_received"] = received,
            ["num_invalid_entries"] = discarded ? 0 : rows.Invalid,
            ["invalid_entry_samples"] = discarded ? new JsonObject() : rows.Samples,
        });
    }
}
