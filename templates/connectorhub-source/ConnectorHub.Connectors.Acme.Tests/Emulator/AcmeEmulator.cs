using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConnectorHub.Connectors.Acme.Tests.Emulator;

/// <summary>
/// A fake of the Acme API, hosted by <see cref="EmulatorHost"/> on 127.0.0.1: <c>GET /v1/contacts</c> with a bearer
/// API key, ordered by <c>updated_at</c> then <c>id</c>, filtered by <c>updated_since</c> (at or after), paged by
/// an opaque <c>cursor</c>. Contacts are made from their number on each request (<see cref="AcmeContacts"/>), so a
/// stream of 50,000 costs no memory. Errors have Acme's shape: <c>{"error": code, "message": text}</c>.
/// </summary>
public sealed class AcmeEmulator(int contacts) : IEmulator
{
    /// <summary>The one API key the emulator accepts.</summary>
    public const string ApiKey = "acme_test_3f9d2c7a41b8e605";

    private const int MaxLimit = 100;

    /// <inheritdoc />
    public string Name => "acme";

    /// <summary>How paging misbehaves, to prove the connector's guards; none by default.</summary>
    public PagingMisbehaviour Paging { get; set; }

    /// <summary>The number of a contact served with an <c>updated_at</c> no one can read, to prove it is set aside; none by default.</summary>
    public int? UnreadableUpdatedAt { get; set; }

    /// <inheritdoc />
    public void Map(WebApplication app) => app.MapGet("/v1/contacts", ListContactsAsync);

    private async Task ListContactsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
        {
            await WriteAsync(context, 401, Error("invalid_api_key", "The API key is missing or not valid."));
            return;
        }

        var limit = int.TryParse(query["limit"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? Math.Clamp(asked, 1, MaxLimit) : MaxLimit;
        DateTimeOffset? since = null;
        if (query.ContainsKey("updated_since"))
        {
            if (!DateTimeOffset.TryParse(query["updated_since"].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                await WriteAsync(context, 400, Error("invalid_parameter", "updated_since must be an ISO 8601 date-time."));
                return;
            }

            since = parsed;
        }

        var cursor = query.ContainsKey("cursor") ? query["cursor"].ToString() : null;
        if (!TryReadCursor(cursor, out var offset))
        {
            await WriteAsync(context, 400, Error("invalid_cursor", "The cursor is not one this API issued."));
            return;
        }

        // Contacts are numbered in (updated_at, id) order, so a filter on updated_at is a range of numbers.
        var first = since is { } from ? AcmeContacts.FirstUpdatedAtOrAfter(from, contacts) : 0;
        var start = first + offset;
        var end = Math.Min(start + limit, contacts);
        var data = new JsonArray();
        for (var number = start; number < end; number++)
        {
            var contact = AcmeContacts.At(number);
            if (number == UnreadableUpdatedAt)
            {
                contact["updated_at"] = "yesterday";
            }

            data.Add(contact);
        }

        string? next = end < contacts ? Cursor(offset + limit) : null;
        next = Paging switch
        {
            PagingMisbehaviour.RepeatCursor when cursor is not null => cursor,
            PagingMisbehaviour.EndlessEmptyPages => Cursor(offset + limit),
            _ => next,
        };
        await WriteAsync(context, 200, new JsonObject { ["data"] = data, ["next_cursor"] = next });
    }

    private static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset.ToString(CultureInfo.InvariantCulture)}"));

    private static bool TryReadCursor(string? cursor, out int offset)
    {
        offset = 0;
        if (cursor is null)
        {
            return true;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan("offset:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = code, ["message"] = message };

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
