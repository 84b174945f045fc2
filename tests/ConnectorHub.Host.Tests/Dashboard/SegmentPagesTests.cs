using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConnectorHub.Core.Access;
using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Host.Tests.Dashboard;

/// <summary>The segments pages: the rule editor with its live count, the segment page after a refresh, and roles.</summary>
public sealed partial class SegmentPagesTests : IAsyncLifetime
{
    private const string GoldRule = """{ "all": [ { "trait": "plan", "op": "equals", "value": "gold" } ] }""";
    private readonly HubFactory _hub = new(new Dictionary<string, string?> { ["ConnectorHub:Plugins:Directory"] = RepoPaths.TestPlugins });
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        await _hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        _browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await _browser.SignInAsync("ada", "a long enough secret");
        await _hub.Services.GetRequiredService<IdentityResolver>().ResolveAsync(
            [Person("ann@example.com", "gold"), Person("bob@example.com", "gold"), Person("cat@example.com", "free")], CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _browser.Dispose();
        _hub.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ASegmentBuiltInTheEditor_ShowsItsMembersAndTheirEntry_AfterARefresh()
    {
        using var created = await _browser.PostFormAsync("/segments/new", Form("Gold plan", GoldRule));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.ToString();

        using var refreshed = await _browser.PostFormAsync(page, [], page + "?handler=Refresh");
        var details = await _browser.GetStringAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, refreshed.StatusCode);
        Assert.Matches(MemberCount(2), details);
        Assert.Equal(2, EnteredRows().Count(details));
        Assert.Contains("Gold plan", await _browser.GetStringAsync(new Uri("/segments", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLiveCount_CountsTheRuleAsTyped_AndNamesTheBadNodeByPath()
    {
        using var good = await _browser.PostFormAsync("/segments/new", Form("draft", GoldRule), "/segments/new?handler=Count");
        using var bad = await _browser.PostFormAsync("/segments/new", Form("draft", """{ "all": [ { "trait": "plan", "op": "sounds like", "value": "x" } ] }"""), "/segments/new?handler=Count");
        using var notJson = await _browser.PostFormAsync("/segments/new", Form("draft", """{ "all": [ """), "/segments/new?handler=Count");

        Assert.Matches(LiveCount(2), await good.Content.ReadAsStringAsync());
        Assert.Contains("$.all[0].op", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("not valid JSON (line 1", await notJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadRule_IsNotSaved_AndTheFormSaysWhichNodeIsWrong()
    {
        using var answer = await _browser.PostFormAsync("/segments/new", Form("broken", """{ "any": [] }"""));
        var html = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("$.any", html, StringComparison.Ordinal);
        Assert.DoesNotContain("broken", await _browser.GetStringAsync(new Uri("/segments", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewer_SeesSegmentsButCannotBuildRefreshOrActivate()
    {
        using var created = await _browser.PostFormAsync("/segments/new", Form("Gold plan", GoldRule));
        var page = created.Headers.Location!.ToString();
        await _hub.Services.GetRequiredService<UserService>().CreateAsync(new UserRequest("vera", "viewer password", HubRole.Viewer), CancellationToken.None);
        using var viewer = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var _ = await viewer.SignInAsync("vera", "viewer password");

        var details = await viewer.GetStringAsync(new Uri(page, UriKind.Relative));
        using var editor = await viewer.GetAsync(new Uri("/segments/new", UriKind.Relative));
        using var refresh = await viewer.PostFormAsync(page, [], page + "?handler=Refresh");

        Assert.Contains("Gold plan", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Refresh now", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Activate to a destination", details, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, editor.StatusCode);
        Assert.StartsWith("http://localhost/denied", refresh.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(string name, string rule) => new()
    {
        ["Input.Name"] = name,
        ["Input.Definition"] = rule,
        ["Input.ScheduleCron"] = string.Empty,
    };

    private static ProfileFragment Person(string email, string plan) => new()
    {
        Source = "crm",
        ObservedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        Identifiers = [new Identifier("email", email)],
        Traits = new ProfileTraits { Email = email, Custom = new() { ["plan"] = JsonSerializer.SerializeToElement(plan) } },
    };

    private static Regex MemberCount(int count) => new($"data-testid=\"member-count\">{count}<");

    private static Regex LiveCount(int count) => new($"data-testid=\"live-count\">{count}<");

    [GeneratedRegex(@"<td data-label=""Change"">entered</td>")]
    private static partial Regex EnteredRows();
}
