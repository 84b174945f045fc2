using System.Text.Json.Nodes;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectorHub.Integration.Tests.Plugins;

/// <summary>
/// The hub runs SDK 2 and still loads plugins built for SDK 1: the legacy fixture is compiled against SDK 1.0.0's
/// reference assembly and reads through SDK 1's ConnectorHttpClient, now running on SDK 2's resilient handler.
/// </summary>
public sealed class Sdk1PluginTests : IDisposable
{
    private readonly PluginDirectory _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public async Task PluginBuiltForSdk1_Loads_AndReadsThroughSdk1sHttpClient()
    {
        _plugins.Install(PluginDirectory.Legacy, "legacy");
        var catalog = new PluginLoader(NullLogger<PluginLoader>.Instance).LoadAll(_plugins.Path);
        await using var host = await EmulatorHost.StartAsync(new ItemsApi());
        try
        {
            Assert.Empty(catalog.Refusals);
            var plugin = Assert.Single(catalog.Plugins);
            Assert.Equal("1.0.0", plugin.Manifest.SdkVersion);
            var built = plugin.Connector.GetType().Assembly.GetReferencedAssemblies().Single(a => a.Name == "ConnectorHub.Sdk");
            Assert.Equal(new Version(1, 0, 0, 0), built.Version);
            Assert.Equal(2, SdkInfo.MajorVersion);

            var context = new ConnectorContext { Config = new ConnectorConfig(new JsonObject { ["base_url"] = host.BaseAddress.ToString(), ["api_token"] = ItemsApi.Token }) };
            Assert.True((await plugin.Source.CheckAsync(context, CancellationToken.None)).Succeeded);
            var messages = new List<SourceMessage>();
            await foreach (var message in plugin.Source.ReadAsync(context, new ReadRequest { Streams = [new ConfiguredStream { Name = "items" }] }, CancellationToken.None))
            {
                messages.Add(message);
            }

            Assert.Equal(Enumerable.Range(1, 7).Select(i => $"i{i}"), messages.OfType<RecordMessage>().Select(r => r.Data["id"]!.GetValue<string>()));
            Assert.Equal(3, messages.OfType<StateMessage>().Count());
        }
        finally
        {
            foreach (var plugin in catalog.Plugins)
            {
                plugin.Unload();
            }
        }
    }

    /// <summary><c>GET /items?page=N</c>: three items a page, seven in all, behind a bearer token.</summary>
    private sealed class ItemsApi : IEmulator
    {
        public const string Token = "legacy-token-123";

        public string Name => "items";

        public void Map(WebApplication app) => app.MapGet("/items", (HttpRequest request, int page) =>
        {
            if (request.Headers.Authorization != $"Bearer {Token}")
            {
                return Results.Json(new { error = "unauthorized" }, statusCode: 401);
            }

            var items = Enumerable.Range(((page - 1) * 3) + 1, 3).Where(i => i <= 7).Select(i => new { id = $"i{i}" }).ToArray();
            return Results.Json(new { items, next = page * 3 < 7 ? page + 1 : (int?)null });
        });
    }
}
