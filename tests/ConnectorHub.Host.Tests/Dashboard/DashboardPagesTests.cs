using System.Net;
using ConnectorHub.Core.Access;
using ConnectorHub.Host.Tests.Api;
using ConnectorHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Host.Tests.Dashboard;

/// <summary>Dashboard pages rendered in process, signed in with a real cookie: what the browser tests do not reach.</summary>
public sealed class DashboardPagesTests : IAsyncLifetime
{
    private readonly TempDirectory _scratch = new("pages");
    private readonly HubFactory _hub = new(new Dictionary<string, string?> { ["ConnectorHub:Plugins:Directory"] = RepoPaths.TestPlugins });
    private HttpClient _browser = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        await _hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        _api = await _hub.CreateClientAsync(HubRole.Admin);
        _browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await _browser.SignInAsync("ada", "a long enough secret");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    public Task DisposeAsync()
    {
        _browser.Dispose();
        _api.Dispose();
        _hub.Dispose();
        _scratch.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task APluginsPage_RendersItsReadme_AndItsSettings()
    {
        using var hub = new HubFactory();
        using var browser = await SignedInAsync(hub);
        var html = await browser.GetStringAsync(new Uri("/plugins/file", UriKind.Relative));

        Assert.Contains("data-testid=\"readme\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Setting\" class=\"mono\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConnectionForm_IsGeneratedFromTheSpec_WithRequiredFieldsMarked()
    {
        using var hub = new HubFactory();
        using var browser = await SignedInAsync(hub);
        var html = await browser.GetStringAsync(new Uri("/connections/new?plugin=webhook", UriKind.Relative));

        Assert.Contains("name=\"config.", html, StringComparison.Ordinal);
        Assert.Contains("class=\"req\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedRun_ShowsTheClassifiedErrorInPlainWords()
    {
        var source = await _api.PostOkAsync("/api/connections", new { name = "broken", pluginId = "echo", config = new { fail_with_config = true } });
        var target = await _api.PostOkAsync("/api/connections", new { name = "folder", pluginId = "folder", config = new { path = _scratch.Combine("out") } });
        var sync = await _api.PostOkAsync("/api/syncs", new
        {
            name = "fails",
            sourceConnectionId = source["id"]!.GetValue<Guid>(),
            destinationConnectionId = target["id"]!.GetValue<Guid>(),
            streams = new[] { new { name = "numbers" } },
        });
        var runId = (await _api.PostOkAsync($"/api/syncs/{sync["id"]}/runs", new { }))["id"]!.GetValue<Guid>();
        await Eventually.HoldsAsync(async () => (await _api.GetJsonAsync($"/api/runs/{runId}"))["status"]!.GetValue<string>() == "Failed", TimeSpan.FromSeconds(30), "the run fails");

        var page = await _browser.GetStringAsync(new Uri($"/runs/{runId}", UriKind.Relative));
        var live = await _browser.GetStringAsync(new Uri($"/runs/{runId}?handler=Live", UriKind.Relative));

        Assert.Contains("The settings were refused: check the connection&#x27;s credentials", page, StringComparison.Ordinal);
        Assert.Contains("GET /numbers answered 401 Unauthorized", page, StringComparison.Ordinal);
        Assert.Contains("data-live=\"false\"", live, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", live, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownConnection_ShowsTheNotFoundPage()
    {
        using var response = await _browser.GetAsync(new Uri($"/connections/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminsUsersPage_AddsAUser_AndNamesABadField()
    {
        using var bad = await _browser.PostFormAsync("/admin/users", new() { ["UserName"] = "x y", ["Password"] = "short", ["Role"] = "Viewer" }, "/admin/users?handler=Create");
        using var good = await _browser.PostFormAsync("/admin/users", new() { ["UserName"] = "vera", ["Password"] = "viewer password", ["Role"] = "Viewer" }, "/admin/users?handler=Create");
        var users = await _api.GetJsonAsync("/api/users");

        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Use up to 64 letters", html, StringComparison.Ordinal);
        Assert.Contains("The password needs at least 10 characters.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains(users.AsArray(), u => u!["userName"]!.GetValue<string>() == "vera" && u["role"]!.GetValue<string>() == "Viewer");
    }

    [Fact]
    public async Task AUser_ChangesTheirOwnPassword_AndStaysSignedIn()
    {
        using var wrong = await _browser.PostFormAsync("/account", new() { ["Current"] = "not it", ["Password"] = "a brand new secret", ["Again"] = "a brand new secret" });
        using var changed = await _browser.PostFormAsync("/account", new() { ["Current"] = "a long enough secret", ["Password"] = "a brand new secret", ["Again"] = "a brand new secret" });
        using var still = await _browser.GetAsync(new Uri("/connections", UriKind.Relative));
        var users = _hub.Services.GetRequiredService<UserService>();

        Assert.Contains("This is not your current password.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.Null(await users.VerifyAsync("ada", "a long enough secret", CancellationToken.None));
        Assert.NotNull(await users.VerifyAsync("ada", "a brand new secret", CancellationToken.None));
    }

    [Fact]
    public async Task Marketing_SeesRunNowButNoConfigurationControls_AndAViewersCraftedPostIsRefused()
    {
        var source = await _api.PostOkAsync("/api/connections", new { name = "src", pluginId = "echo", config = new { count = 1 } });
        var users = _hub.Services.GetRequiredService<UserService>();
        await users.CreateAsync(new UserRequest("mark", "marketing password", HubRole.Marketing), CancellationToken.None);
        await users.CreateAsync(new UserRequest("vera", "viewer password", HubRole.Viewer), CancellationToken.None);
        using var marketing = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var viewer = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var _1 = await marketing.SignInAsync("mark", "marketing password");
        using var _2 = await viewer.SignInAsync("vera", "viewer password");

        var connectionAsMarketing = await marketing.GetStringAsync(new Uri($"/connections/{source["id"]}", UriKind.Relative));
        using var crafted = await viewer.PostFormAsync($"/connections/{source["id"]}", new(), $"/connections/{source["id"]}?handler=Delete");
        var stillThere = await _api.GetJsonAsync($"/api/connections/{source["id"]}");

        Assert.DoesNotContain("Test connection", connectionAsMarketing, StringComparison.Ordinal);
        Assert.DoesNotContain(">Delete<", connectionAsMarketing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, crafted.StatusCode);
        Assert.StartsWith("http://localhost/denied", crafted.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("src", stillThere["name"]!.GetValue<string>());
    }

    private static async Task<HttpClient> SignedInAsync(HubFactory hub)
    {
        await hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        var browser = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await browser.SignInAsync("ada", "a long enough secret");
        return browser;
    }

    [Fact]
    public async Task ANewToken_IsShownOnce_OnTheAnswerThatCreatedIt()
    {
        using var created = await _browser.PostFormAsync("/admin/tokens", new() { ["Name"] = "export", ["Role"] = "Viewer", ["ExpiresInDays"] = "30" }, "/admin/tokens?handler=Create");
        var html = await created.Content.ReadAsStringAsync();
        var value = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"token-value\">(chub_[^<]+)<").Groups[1].Value;
        var later = await _browser.GetStringAsync(new Uri("/admin/tokens", UriKind.Relative));
        using var script = _hub.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", value);
        var me = await script.GetJsonAsync("/api/me");

        Assert.True(created.Headers.CacheControl?.NoStore);
        Assert.StartsWith("chub_", value, StringComparison.Ordinal);
        Assert.DoesNotContain(value, later, StringComparison.Ordinal);
        Assert.Contains(value[..12], later, StringComparison.Ordinal);
        Assert.Equal("Viewer", me["role"]!.GetValue<string>());
    }
}
