using System.Net;
using ConnectorHub.Core.Access;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectorHub.Host.Tests.Access;

public sealed class CookieSignInTests : IDisposable
{
    private readonly HubFactory _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task Dashboard_SendsToSetup_WhileNoUserExists_ThenToSignIn()
    {
        using var browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var before = await browser.GetAsync(new Uri("/runs", UriKind.Relative));
        await _hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        using var after = await browser.GetAsync(new Uri("/runs", UriKind.Relative));
        using var setup = await browser.GetAsync(new Uri("/setup", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal("/setup", before.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/signin?ReturnUrl=%2Fruns", after.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("/signin", setup.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ASignInCookie_OpensPagesAndApiReads_NotChanges_AndEndsWhenTheRoleChanges()
    {
        var users = _hub.Services.GetRequiredService<UserService>();
        await users.SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        var vera = await users.CreateAsync(new UserRequest("vera", "viewer password", HubRole.Viewer), CancellationToken.None);
        using var browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signIn = await SignInAsync(browser, "vera", "viewer password");
        using var page = await browser.GetAsync(new Uri("/connections", UriKind.Relative));
        using var apiRead = await browser.GetAsync(new Uri("/api/connections", UriKind.Relative));
        using var apiWrite = await browser.PostAsync(new Uri("/api/connections", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { name = "x", pluginId = "file", config = new { } }));
        using var adminPage = await browser.GetAsync(new Uri("/admin/users", UriKind.Relative));
        await users.SetRoleAsync(vera.Id, HubRole.Marketing, CancellationToken.None);
        using var afterRoleChange = await browser.GetAsync(new Uri("/connections", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("vera · viewer", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, apiRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, apiWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, adminPage.StatusCode);
        Assert.StartsWith("http://localhost/denied", adminPage.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, afterRoleChange.StatusCode);
        Assert.Contains("/signin", afterRoleChange.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RefusesAPostWithoutItsAntiforgeryToken()
    {
        await _hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        using var browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await browser.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "ada",
            ["Password"] = "a long enough secret",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("connectorhub.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSoWithoutACookie()
    {
        await _hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        using var browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await SignInAsync(browser, "ada", "not the password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("connectorhub.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_IsThrottled_AfterTenAttemptsAMinute()
    {
        await _hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        using var browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var wrong = await SignInAsync(browser, "ada", $"guess {attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var throttled = await SignInAsync(browser, "ada", "a long enough secret");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Too many attempts", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password) =>
        Dashboard.DashboardClient.SignInAsync(browser, userName, password);
}
