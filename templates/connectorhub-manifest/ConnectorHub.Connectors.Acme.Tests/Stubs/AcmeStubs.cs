using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace ConnectorHub.Connectors.Acme.Tests.Stubs;

/// <summary>
/// The Acme API as WireMock.Net stubs: <c>GET /v1/contacts</c> with an <c>X-Api-Key</c>, oldest first by
/// <c>updated_at</c> then <c>id</c>, <c>updated_since</c> at or after, an opaque <c>cursor</c>. Contacts are made
/// from their number on each request, so 50,000 cost no memory.
/// </summary>
public sealed class AcmeStubs : IDisposable, IAsyncDisposable
{
    public const string ApiKey = "acme_test_3f9d2c7a41b8e605";

    public AcmeStubs(int contacts)
    {
        Contacts = contacts;
        Api.Server.Given(Request.Create().WithPath("/v1/contacts").UsingGet()).RespondWith(Response.Create().WithCallback(ListContacts));
    }

    /// <summary>The WireMock server and the kit's fault plan.</summary>
    public WireMockApi Api { get; } = WireMockApi.Start();

    public int Contacts { get; }

    /// <summary>How paging misbehaves, to prove the SDK's guards; none by default.</summary>
    public PagingMisbehaviour Paging { get; set; }

    /// <summary>The contact numbered <paramref name="n"/> (from 0): three share each <c>updated_at</c> minute.</summary>
    public static JsonObject Contact(int n) => new()
    {
        ["id"] = $"c_{1000 + n}",
        ["email"] = $"ada.lovelace{n}@example.com",
        ["first_name"] = "Ada",
        ["last_name"] = "Lovelace",
        ["phone"] = $"+1 415 555 {n % 10000:0000}",
        ["created_at"] = Minute(n / 3).AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["updated_at"] = Minute(n / 3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    public void Dispose() => Api.Dispose();

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static DateTime Minute(int n) => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n);

    private ResponseMessage ListContacts(IRequestMessage request)
    {
        var key = request.Headers is { } headers && headers.TryGetValue("X-Api-Key", out var keys) ? keys.FirstOrDefault() : null;
        if (key != ApiKey)
        {
            return Json(401, new JsonObject { ["error"] = "invalid_api_key", ["message"] = "The API key is missing or not valid." });
        }

        var query = request.Query ?? new Dictionary<string, WireMockList<string>>();
        string? Param(string name) => query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
        var limit = Math.Clamp(int.Parse(Param("limit") ?? "100", CultureInfo.InvariantCulture), 1, 100);
        var first = 0;
        if (Param("updated_since") is { } since)
        {
            var minute = (int)(DateTime.Parse(since, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) - Minute(0)).TotalMinutes;
            first = Math.Clamp(minute * 3, 0, Contacts);
        }

        var offset = Param("cursor") is { } cursor ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), CultureInfo.InvariantCulture) : first;
        var count = Math.Clamp(Contacts - offset, 0, limit);
        var next = offset + count;
        string? nextCursor = (Paging, next < Contacts) switch
        {
            (PagingMisbehaviour.RepeatCursor, _) when Param("cursor") is { } asked => asked,
            (PagingMisbehaviour.EndlessEmptyPages, _) => CursorFor(next + 1),
            (_, true) => CursorFor(next),
            _ => null,
        };
        var data = new JsonArray(Enumerable.Range(offset, count).Select(n => (JsonNode)Contact(n)).ToArray());
        return Json(200, new JsonObject { ["data"] = data, ["next_cursor"] = nextCursor });
    }

    private static string CursorFor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

    private static ResponseMessage Json(int status, JsonObject body)
    {
        var response = new ResponseMessage { StatusCode = status, BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 } };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }
}
