using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConnectorHub.Connectors.Acme.Tests.Emulator;

/// <summary>
/// A fake of the Acme API, hosted by <see cref="EmulatorHost"/> on 127.0.0.1, with a bearer API key:
/// <c>GET /v1/account</c>, and <c>POST /v1/contacts/batch</c>, which upserts up to 100 contacts by
/// <c>external_id</c> (413 past that) and answers one result per contact: <c>created</c>, <c>updated</c>, or
/// <c>invalid</c> with a message (an email without an @). Errors have Acme's shape: <c>{"error": code, "message": text}</c>.
/// </summary>
public sealed class AcmeEmulator : IEmulator
{
    /// <summary>The one API key the emulator accepts.</summary>
    public const string ApiKey = "acme_test_3f9d2c7a41b8e605";

    /// <summary>The most contacts one upsert request may carry.</summary>
    public const int MaxContactsPerRequest = 100;

    /// <inheritdoc />
    public string Name => "acme";

    /// <summary>The contacts stored, by external id.</summary>
    public ConcurrentDictionary<string, JsonObject> Contacts { get; } = new(StringComparer.Ordinal);

    /// <summary>How many contacts each upsert request carried, in order (refused ones included).</summary>
    public ConcurrentQueue<int> ReceivedBatchSizes { get; } = new();

    /// <inheritdoc />
    public void Map(WebApplication app)
    {
        app.MapGet("/v1/account", context => Authorized(context, () => WriteAsync(context, 200, new JsonObject { ["id"] = "acct_1", ["name"] = "Acme test account" })));
        app.MapPost("/v1/contacts/batch", context => Authorized(context, () => UpsertAsync(context)));
    }

    private async Task UpsertAsync(HttpContext context)
    {
        JsonArray? contacts;
        try
        {
            contacts = (await JsonNode.ParseAsync(context.Request.Body))?["contacts"] as JsonArray;
        }
        catch (JsonException)
        {
            contacts = null;
        }

        if (contacts is null)
        {
            await WriteAsync(context, 400, Error("invalid_body", "The body must be {\"contacts\": [...]}."));
            return;
        }

        ReceivedBatchSizes.Enqueue(contacts.Count);
        if (contacts.Count > MaxContactsPerRequest)
        {
            await WriteAsync(context, 413, Error("too_many_contacts", $"At most {MaxContactsPerRequest} contacts per request."));
            return;
        }

        var results = new JsonArray();
        foreach (var contact in contacts.OfType<JsonObject>())
        {
            results.Add(Upsert(contact));
        }

        await WriteAsync(context, 200, new JsonObject { ["results"] = results });
    }

    private JsonObject Upsert(JsonObject contact)
    {
        var id = contact["external_id"]?.ToString();
        var email = contact["email"]?.ToString();
        if (string.IsNullOrEmpty(id) || email is null || !email.Contains('@', StringComparison.Ordinal))
        {
            var why = string.IsNullOrEmpty(id) ? "external_id is required" : $"'{email}' is not a valid email address";
            return new JsonObject { ["external_id"] = id, ["status"] = "invalid", ["message"] = why };
        }

        var created = Contacts.TryAdd(id, (JsonObject)contact.DeepClone());
        if (!created)
        {
            Contacts[id] = (JsonObject)contact.DeepClone();
        }

        return new JsonObject { ["external_id"] = id, ["status"] = created ? "created" : "updated" };
    }

    private static async Task Authorized(HttpContext context, Func<Task> next)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
        {
            await WriteAsync(context, 401, Error("invalid_api_key", "The API key is missing or not valid."));
            return;
        }

        await next();
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = code, ["message"] = message };

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
