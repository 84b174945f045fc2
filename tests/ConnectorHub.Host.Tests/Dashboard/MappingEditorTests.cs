using System.Net;
using ConnectorHub.Core.Access;
using ConnectorHub.Host.Tests.Api;
using ConnectorHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Host.Tests.Dashboard;

/// <summary>The mapping editor of a synced stream: live preview, samples read from the source, saving, and roles.</summary>
public sealed class MappingEditorTests : IAsyncLifetime
{
    private const string Mapping = """
        entity: profile_fragment
        fields:
          source: { const: echo }
          record_key: { template: "n-{{ n }}" }
          observed_at: { const: "2026-11-01T00:00:00Z", type: date-time }
          identifiers[]:
            - type: { const: user_id }
              value: { template: "user-{{ n }}" }
        """;

    private readonly TempDirectory _scratch = new("mapping-editor");
    private readonly HubFactory _hub = new(new Dictionary<string, string?> { ["ConnectorHub:Plugins:Directory"] = RepoPaths.TestPlugins });
    private HttpClient _browser = null!;
    private HttpClient _api = null!;
    private string _editor = string.Empty;

    public async Task InitializeAsync()
    {
        await _hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        _api = await _hub.CreateClientAsync(HubRole.Admin);
        _browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var _ = await _browser.SignInAsync("ada", "a long enough secret");
        var source = await _api.PostOkAsync("/api/connections", new { name = "numbers", pluginId = "echo", config = new { count = 7 } });
        var destination = await _api.PostOkAsync("/api/connections", new { name = "folder", pluginId = "folder", config = new { path = _scratch.Combine("out") } });
        var sync = await _api.PostOkAsync("/api/syncs", new
        {
            name = "numbers",
            sourceConnectionId = source["id"]!.GetValue<Guid>(),
            destinationConnectionId = destination["id"]!.GetValue<Guid>(),
            streams = new[] { new { name = "numbers" } },
        });
        _editor = $"/syncs/{sync["id"]}/mapping/numbers";
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
    public async Task ThePreview_ShowsWhatTheMappingMakesOfTheSamples_AndNamesTheLineOfABrokenMapping()
    {
        using var good = await _browser.PostFormAsync(_editor, new() { ["Mapping"] = Mapping, ["Samples"] = """[ { "n": 1 }, { "n": 2 } ]""" }, _editor + "?handler=Preview");
        using var broken = await _browser.PostFormAsync(_editor, new() { ["Mapping"] = "entity: profile_fragment\nfields:\n  source: { konst: echo }\n", ["Samples"] = "[]" }, _editor + "?handler=Preview");
        using var badSamples = await _browser.PostFormAsync(_editor, new() { ["Mapping"] = Mapping, ["Samples"] = "[ { \"n\": 1 }, " }, _editor + "?handler=Preview");
        var html = await good.Content.ReadAsStringAsync();

        Assert.Contains("<strong>2</strong> of 2 samples mapped", html, StringComparison.Ordinal);
        Assert.Contains("user-2", html, StringComparison.Ordinal);
        Assert.Contains("line 3", await broken.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not valid JSON (line 1", await badSamples.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadingSamples_FillsTheBoxWithTheSourcesFirstRecords()
    {
        using var answer = await _browser.PostFormAsync(_editor, new() { ["Mapping"] = Mapping, ["Samples"] = "[]" }, _editor + "?handler=Samples");
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("<strong>5</strong> of 5 samples mapped", html, StringComparison.Ordinal);
        Assert.Contains("user-5", html, StringComparison.Ordinal);
        Assert.DoesNotContain("user-6", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_StoresTheMappingOnTheStream_AndABrokenOneIsRefused()
    {
        using var broken = await _browser.PostFormAsync(_editor, new() { ["Mapping"] = "entity: nothing_known\n", ["Samples"] = "[]" });
        using var saved = await _browser.PostFormAsync(_editor, new() { ["Mapping"] = Mapping, ["Samples"] = "[]" });
        var sync = await _api.GetJsonAsync("/api/syncs/" + _editor.Split('/')[2]);

        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("Not saved", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("user-{{ n }}", sync["streams"]![0]!["mapping"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMarketingUser_CannotOpenOrPostTheEditor()
    {
        await _hub.Services.GetRequiredService<UserService>().CreateAsync(new UserRequest("mark", "marketing password", HubRole.Marketing), CancellationToken.None);
        using var marketing = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var _ = await marketing.SignInAsync("mark", "marketing password");

        using var page = await marketing.GetAsync(new Uri(_editor, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/denied", page.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
