using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ConnectorHub.Benchmarks.Tracking;

/// <summary>Sends prepared /v1/batch bodies from concurrent clients; every request must answer 200 (its events committed).</summary>
internal static class Load
{
    /// <summary>Serializes the events into batch bodies, before timing: the clock measures the hub, not the benchmark's JSON writer.</summary>
    public static byte[][] Prepare(IReadOnlyList<JsonObject> events, int batchSize) =>
        events.Chunk(batchSize)
            .Select(chunk => Encoding.UTF8.GetBytes(new JsonObject { ["batch"] = new JsonArray(chunk.Select(e => e.DeepClone()).ToArray()) }.ToJsonString()))
            .ToArray();

    public static async Task SendAsync(Uri hub, string writeKey, byte[][] bodies, int clients)
    {
        var next = -1;
        var authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = hub, Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Authorization = authorization;
            int index;
            while ((index = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var content = new ByteArrayContent(bodies[index]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(new Uri("v1/batch", UriKind.Relative), content);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"/v1/batch answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
    }
}
