using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Access;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Host.Tests.Api;

/// <summary>
/// Every route of the OpenAPI document that takes a body gets incomplete and wrongly typed bodies: it must answer a
/// 4xx that names what is wrong, never a 5xx, and change nothing.
/// </summary>
public sealed class ApiBodyFuzzTests : IDisposable
{
    private static readonly string[] Shapes = ["{}", "null", "[]", "\"text\"", "42", "{\"unknown\":1}", "{", ""];

    private readonly HubFactory _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task EveryRouteWithABody_AnswersBadBodiesWithA4xx_AndChangesNothing()
    {
        var admin = await _hub.CreateClientAsync(HubRole.Admin);
        using var folder = new TempDirectory("fuzz");
        var ids = await CreateOneOfEachAsync(admin, folder);
        var document = await admin.GetJsonAsync("/openapi/v1.json");
        var before = await SnapshotAsync(admin, ids);
        var failures = new List<string>();
        var accepted = new List<string>();
        var tried = 0;

        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (path.StartsWith("/v1/", StringComparison.Ordinal) || operation!["requestBody"] is not { } requestBody)
                {
                    continue; // the tracking API has a fuzz test of its own
                }

                var schema = Resolve(document, requestBody["content"]?["application/json"]?["schema"]);
                foreach (var body in Shapes.Concat(WrongTypes(document, schema)))
                {
                    tried++;
                    var url = Fill(path, ids);
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(url, UriKind.Relative))
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    using var response = await admin.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    var code = (int)response.StatusCode;
                    if (code >= 500)
                    {
                        failures.Add($"{method.ToUpperInvariant()} {url} {body} -> {code} {text}");
                    }
                    else if (code < 400)
                    {
                        accepted.Add($"{method.ToUpperInvariant()} {url} {body} -> {code}");
                    }
                    else if (code == 400 && !text.Contains("\"detail\"", StringComparison.Ordinal))
                    {
                        failures.Add($"{method.ToUpperInvariant()} {url} {body} -> 400 without a problem detail: {text}");
                    }
                }
            }
        }

        Assert.True(tried > 100, $"only {tried} requests were tried");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(accepted.Count == 0, "accepted as valid:\n" + string.Join("\n", accepted));
        Assert.Equal(before, await SnapshotAsync(admin, ids));
    }

    /// <summary>For each property of the body's schema, the body with that property of the wrong type (and enums with an unknown value).</summary>
    private static IEnumerable<string> WrongTypes(JsonNode document, JsonNode? schema)
    {
        foreach (var (name, property) in schema?["properties"]?.AsObject() ?? [])
        {
            var resolved = Resolve(document, property);
            if (resolved?["enum"] is not null)
            {
                yield return new JsonObject { [name] = "NotAValue" }.ToJsonString();
                yield return new JsonObject { [name] = 7 }.ToJsonString();
                continue;
            }

            var types = resolved?["type"] switch
            {
                JsonArray many => many.Select(t => t!.GetValue<string>()).ToArray(),
                JsonValue one => [one.GetValue<string>()],
                _ => [],
            };
            yield return new JsonObject { [name] = types.Contains("string") ? 42 : "text" }.ToJsonString();
            yield return new JsonObject { [name] = new JsonArray(1, 2) }.ToJsonString();
            yield return new JsonObject { [name] = null }.ToJsonString();
        }
    }

    private static JsonNode? Resolve(JsonNode document, JsonNode? schema)
    {
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            return document["components"]!["schemas"]![reference["#/components/schemas/".Length..]];
        }

        return schema?["oneOf"] is JsonArray options ? Resolve(document, options.FirstOrDefault(o => o?["$ref"] is not null) ?? options[0]) : schema;
    }

    private static string Fill(string path, IReadOnlyDictionary<string, string> ids)
    {
        var prefix = path.Split('/')[2];
        return path.Replace("{id}", ids.GetValueOrDefault(prefix, "1"), StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> CreateOneOfEachAsync(HttpClient admin, TempDirectory folder)
    {
        var people = folder.Combine("people.csv");
        await File.WriteAllTextAsync(people, "id,email\n1,ada@example.com\n");
        var connection = await admin.PostOkAsync("/api/connections", new { name = "people", pluginId = "file", config = new { streams = new[] { new { name = "people", path = people } } } });
        var sync = await admin.PostOkAsync("/api/syncs", new { name = "people", sourceConnectionId = connection["id"]!.GetValue<string>(), streams = new[] { new { name = "people", syncMode = "FullRefresh" } } });
        var user = await admin.PostOkAsync("/api/users", new { userName = "mia", password = "a long enough secret", role = "Marketing" });
        var segment = await admin.PostOkAsync("/api/segments", new { name = "gold", definition = new { trait = "plan", op = "equals", value = "gold" } });
        var trait = await admin.PostOkAsync("/api/computed-traits", new { name = "orders", definition = new { kind = "count", @event = "Order Completed" } });
        return new Dictionary<string, string>
        {
            ["connections"] = connection["id"]!.ToString(),
            ["syncs"] = sync["id"]!.ToString(),
            ["users"] = user["id"]!.ToString(),
            ["segments"] = segment["id"]!.ToString(),
            ["computed-traits"] = trait["id"]!.ToString(),
        };
    }

    private static async Task<string> SnapshotAsync(HttpClient admin, IReadOnlyDictionary<string, string> ids)
    {
        var state = new StringBuilder();
        foreach (var path in new[] { "/api/users", "/api/tokens", "/api/connections", "/api/syncs", "/api/segments", "/api/computed-traits", "/api/activations", "/api/tracking/sources" })
        {
            state.AppendLine(path).AppendLine((await admin.GetJsonAsync(path)).ToJsonString());
        }

        foreach (var (kind, id) in ids.Where(p => p.Key != "users")) // users have no GET by id; the list covers them
        {
            using var response = await admin.GetAsync(new Uri($"/api/{kind}/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            state.AppendLine(await response.Content.ReadAsStringAsync());
        }

        return state.ToString();
    }
}
