using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Benchmarks.Tracking;

/// <summary>Sets the fresh hub up as an admin would: the first admin with an API token, a tracking source, a write key.</summary>
internal static class BenchHub
{
    public static async Task<string> CreateWriteKeyAsync(HttpClient client)
    {
        var setup = await PostAsync(client, "/api/setup", new { userName = "bench", password = "bench-password-1234", apiTokenName = "bench" });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", setup["apiToken"]!.GetValue<string>());
        var source = await PostAsync(client, "/api/tracking/sources", new { name = "bench" });
        var key = await PostAsync(client, $"/api/tracking/sources/{source["id"]}/write-keys", new { });
        return key["writeKey"]!.GetValue<string>();
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
    }
}
