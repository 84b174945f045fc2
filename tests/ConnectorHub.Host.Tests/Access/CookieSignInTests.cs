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

    [Fact]
    public async Task ApiChanges_MadeWithTheSignInCookie_NeedTheAntiforgeryToken_SoACrossSiteFormCannotMakeThem()
    {
        await _hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        using var browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signIn = await SignInAsync(browser, "ada", "a long enough secret");
        var connections = _hub.Services.GetRequiredService<Core.Connections.ConnectionService>();
        using var folder = new TestSupport.TempDirectory("csrf");
        var people = folder.Combine("people.csv");
        await File.WriteAllTextAsync(people, "email\nada@example.com\n");

        // What a form on another site can send: the browser adds the cookie, and no custom header.
        using var crossSite = await browser.PostAsync(new Uri("/api/connections", UriKind.Relative),
            new StringContent("""{"name":"evil","pluginId":"file","config":{"path":"/tmp"}}""", System.Text.Encoding.UTF8, "text/plain"));
        var afterCrossSite = await connections.ListAsync(CancellationToken.None);
        using var withToken = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/connections", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "mine", pluginId = "file", config = new { streams = new[] { new { name = "people", path = people } } } }),
        };
        withToken.Headers.Add("RequestVerificationToken", await Dashboard.DashboardClient.AntiforgeryTokenAsync(browser, "/connections/new"));
        using var sameSite = await browser.SendAsync(withToken);

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Contains("Cross-site request refused", await crossSite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(afterCrossSite);
        Assert.True(sameSite.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await sameSite.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_SoACopyOfTheOldCookieNoLongerWorks()
    {
        await _hub.Services.GetRequiredService<UserService>().SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        using var browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var signIn = await SignInWithoutCookieJarAsync(browser);
        var cookie = AuthCookie(signIn);
        using var before = await GetWithCookieAsync(browser, "/api/connections", cookie);

        using var signOutPage = await GetWithCookieAsync(browser, "/signout", cookie);
        var html = await signOutPage.Content.ReadAsStringAsync();
        using var signOut = new HttpRequestMessage(HttpMethod.Post, new Uri("/signout", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(html) }),
        };
        signOut.Headers.Add("Cookie", $"{cookie}; {AntiforgeryCookie(signOutPage)}");
        using var signedOut = await browser.SendAsync(signOut);
        using var replayed = await GetWithCookieAsync(browser, "/api/connections", cookie);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    [Fact]
    public async Task APasswordChange_EndsEverySessionOfTheUser()
    {
        var users = _hub.Services.GetRequiredService<UserService>();
        var ada = await users.SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        using var browser = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signIn = await SignInAsync(browser, "ada", "a long enough secret");
        using var before = await browser.GetAsync(new Uri("/api/connections", UriKind.Relative));

        await users.SetPasswordAsync(ada!.Id, "another long secret", CancellationToken.None);
        using var after = await browser.GetAsync(new Uri("/api/connections", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private async Task<HttpResponseMessage> SignInWithoutCookieJarAsync(HttpClient browser)
    {
        using var page = await browser.GetAsync(new Uri("/signin", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/signin", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "ada", ["Password"] = "a long enough secret", ["__RequestVerificationToken"] = Token(html) }),
        };
        post.Headers.Add("Cookie", AntiforgeryCookie(page));
        return await browser.SendAsync(post);
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient browser, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await browser.SendAsync(request);
    }

    private static string AuthCookie(HttpResponseMessage response) => CookiePair(response, "connectorhub.auth=");

    private static string AntiforgeryCookie(HttpResponseMessage response) => CookiePair(response, "connectorhub.antiforgery=");

    private static string CookiePair(HttpResponseMessage response, string prefix) =>
        response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(prefix, StringComparison.Ordinal)).Split(';')[0];

    private static string Token(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password) =>
        Dashboard.DashboardClient.SignInAsync(browser, userName, password);
}
