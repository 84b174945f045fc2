using Microsoft.Playwright;

namespace ConnectorHub.EndToEnd.Tests.Support;

/// <summary>
/// One Debian Chromium per test collection, driven by Playwright. No browser is ever downloaded: the tests use
/// <c>/usr/bin/chromium</c> (<c>apt-get install -y chromium</c>). Playwright gives each launch a fresh temporary
/// profile (its own <c>--user-data-dir</c>), and each test a fresh browser context (no cookies shared).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}. Install it with 'apt-get install -y chromium' (.ci/run does).");
        }

        // CI runs every test project at once on two cores: give assertions room rather than flake.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
    }

    /// <summary>A fresh context (no cookies) with a page of the given size, talking to <paramref name="hub"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri hub, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = hub.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var violations = ContentSecurityPolicy.Violations(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>What Chromium refused on a page because the hub's Content-Security-Policy forbids it.</summary>
public static class ContentSecurityPolicy
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Refused = [];

    /// <summary>The violations reported on <paramref name="page"/> so far (each with the page's address).</summary>
    public static List<string> Violations(IPage page) => Refused.GetValue(page, _ => []);
}

/// <summary>Every browser test shares one Chromium and runs one at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
