using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Host.Tests.Api;

/// <summary>Small JSON helpers over the hub's REST API.</summary>
internal static class ApiClient
{
    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    public static async Task<JsonNode> PostOkAsync(this HttpClient client, string path, object body)
    {
        var (response, json) = await client.SendAsync(HttpMethod.Post, path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {json}");
        return json!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path) =>
        JsonNode.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative)))!;
}
