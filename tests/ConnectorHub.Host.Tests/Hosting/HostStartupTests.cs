using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Host.Tests.Hosting;

public sealed class HostStartupTests
{
    [Fact]
    public async Task Hub_StartsWithNoConfiguration_OnSqliteInALocalDataFolder_AndListsItsPlugins()
    {
        using var workingDirectory = new TempDirectory("hub-run");
        await using var hub = await HubProcess.StartAsync(workingDirectory.Path);

        var health = await hub.GetJsonAsync<JsonObject>("healthz");
        using var beforeSetup = await hub.Client.GetAsync(new Uri("api/plugins", UriKind.Relative));
        var setup = await (await hub.Client.PostAsJsonAsync("api/setup", new { userName = "admin", password = "a long enough secret", apiTokenName = "startup" })).Content.ReadFromJsonAsync<JsonObject>();
        hub.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", setup!["apiToken"]!.GetValue<string>());
        var plugins = await hub.GetJsonAsync<JsonArray>("api/plugins");

        Assert.Equal(HttpStatusCode.Unauthorized, beforeSetup.StatusCode);
        Assert.Contains("/setup", await beforeSetup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Admin", setup["user"]!["role"]!.GetValue<string>());
        Assert.Equal("Healthy", health!["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Contains("Sqlite", health["checks"]!["database"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(workingDirectory.Path, "data", "connectorhub.db")), hub.Output);
        Assert.NotNull(plugins);
        var ids = plugins!.Select(p => p!["id"]!.GetValue<string>()).ToArray();
        Assert.Contains("file", ids);
        Assert.Contains("webhook", ids);
        Assert.Equal(Directory.GetDirectories(RepoPaths.Plugins).Select(Path.GetFileName).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal("Healthy", health["checks"]!["plugins"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hub_StartsOnPostgres_WhenConfigurationSelectsIt()
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("host");
        using var factory = new HubFactory(new Dictionary<string, string?>
        {
            ["ConnectorHub:Storage:Provider"] = "Postgres",
            ["ConnectorHub:Storage:ConnectionString"] = connectionString,
        });
        using var client = factory.CreateClient();

        var health = JsonNode.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)))!;

        Assert.Equal("Healthy", health["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Contains("Postgres", health["checks"]!["database"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Hub_RefusesToStart_OnPostgresWithoutAConnectionString_SayingWhichSettingToSet()
    {
        using var factory = new HubFactory(new Dictionary<string, string?> { ["ConnectorHub:Storage:Provider"] = "Postgres" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ConnectorHub:Storage:ConnectionString", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_ServesTheOpenApiDocument_DescribingThePluginsEndpoint()
    {
        using var factory = new HubFactory();
        using var client = factory.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        Assert.NotNull(document["paths"]!["/api/plugins"]);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["ApiToken"]!["scheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task Plugins_AnswersNotFound_AsProblemDetails_ForAnUnknownId()
    {
        using var factory = new HubFactory();
        using var client = await factory.CreateClientAsync(Core.Access.HubRole.Viewer);

        using var response = await client.GetAsync(new Uri("/api/plugins/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
