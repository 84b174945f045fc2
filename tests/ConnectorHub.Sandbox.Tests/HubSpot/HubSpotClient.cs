using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.HubSpot;

namespace ConnectorHub.Sandbox.Tests.HubSpot;

/// <summary>A started HubSpot emulator and a raw HTTP client on it, as a connector would talk to it.</summary>
public sealed class HubSpotClient : IAsyncDisposable
{
    private HubSpotClient(HubSpotEmulator hub, EmulatorHost host)
    {
        Hub = hub;
        Host = host;
        Http = new HttpClient { BaseAddress = host.BaseAddress };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.Options.PrivateAppToken);
    }

    public HubSpotEmulator Hub { get; }

    public EmulatorHost Host { get; }

    public HttpClient Http { get; }

    public static async Task<HubSpotClient> StartAsync(HubSpotEmulatorOptions? options = null)
    {
        var hub = new HubSpotEmulator(options ?? new HubSpotEmulatorOptions { Contacts = 25, Companies = 10, Deals = 10 });
        return new HubSpotClient(hub, await EmulatorHost.StartAsync(hub));
    }

    public async Task<(int Status, JsonObject Body, HttpResponseMessage Response)> GetAsync(string uri)
    {
        var response = await Http.GetAsync(uri);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response);
    }

    public async Task<(int Status, JsonObject Body)> PostAsync(string uri, string json)
    {
        using var response = await Http.PostAsync(uri, new StringContent(json, Encoding.UTF8, "application/json"));
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
