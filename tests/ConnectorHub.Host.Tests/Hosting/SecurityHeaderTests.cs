using System.Net;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Host.Tests.Hosting;

public sealed class SecurityHeaderTests : IDisposable
{
    private readonly HubFactory _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task DashboardPages_CarryAContentSecurityPolicy_AndEveryResponse_ForbidsSniffingAndCrossSiteReferrers()
    {
        using var client = _hub.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/setup", UriKind.Relative));
        using var api = await client.GetAsync(new Uri("/api/plugins", UriKind.Relative));
        using var asset = await client.GetAsync(new Uri("/assets/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        foreach (var response in new[] { page, api, asset })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }

        Assert.False(api.Headers.Contains("Content-Security-Policy"));
        Assert.DoesNotContain("style=\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_AreSecure_WhenATrustedProxySaysTheRequestCameOverHttps()
    {
        using var workingDirectory = new TempDirectory("hub-proxy");
        await using var hub = await HubProcess.StartAsync(workingDirectory.Path);

        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = hub.BaseAddress };
        using var plain = await browser.GetAsync(new Uri("setup", UriKind.Relative));
        using var proxied = new HttpRequestMessage(HttpMethod.Get, new Uri("setup", UriKind.Relative));
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        using var viaProxy = await browser.SendAsync(proxied);

        Assert.Contains(plain.Headers.GetValues("Set-Cookie"), c => c.StartsWith("connectorhub.antiforgery=", StringComparison.Ordinal));
        Assert.DoesNotContain(plain.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        var cookies = viaProxy.Headers.GetValues("Set-Cookie").ToArray();
        Assert.Contains(cookies, c => c.StartsWith("connectorhub.antiforgery=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
