using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Benchmarks.Activation;

/// <summary>Sets a fresh hub up as marketing ops would, through the REST API: a tracking write key, a Meta connection, a segment on default settings and its activation.</summary>
internal static class LatencyHub
{
    public static async Task<string> SetUpAsync(HttpClient client, Uri metaAddress, string adAccount, string audienceId)
    {
        var setup = await PostAsync(client, "/api/setup", new { userName = "bench", password = "bench-password-1234", apiTokenName = "bench" });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", setup["apiToken"]!.GetValue<string>());
        var source = await PostAsync(client, "/api/tracking/sources", new { name = "web" });
        var key = await PostAsync(client, $"/api/tracking/sources/{source["id"]}/write-keys", new { });
        var meta = await PostAsync(client, "/api/connections", new
        {
            name = "Meta",
            pluginId = "meta-custom-audiences",
            config = new { access_token = Sandbox.Meta.CustomAudiences.MetaCustomAudiencesEmulator.DefaultAccessToken, ad_account_id = "act_" + adAccount, base_url = metaAddress.ToString() },
        });

        // No schedule given: the segment refreshes on the default schedule, and the activation follows each refresh.
        var segment = await PostAsync(client, "/api/segments", new { name = "Gold plan", definition = new { trait = "plan", op = "equals", value = "gold" } });
        await PostAsync(client, "/api/activations", new
        {
            name = "Gold plan on Meta",
            segmentId = segment["id"]!.GetValue<long>(),
            destinationConnectionId = meta["id"]!.GetValue<Guid>(),
            mode = "AddRemove",
            settings = new { audience_id = audienceId },
        });
        return key["writeKey"]!.GetValue<string>();
    }

    public static async Task<JsonNode> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
    }
}
