using System.Text.RegularExpressions;
using ConnectorHub.EndToEnd.Tests.Support;
using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sandbox.Square;
using ConnectorHub.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConnectorHub.EndToEnd.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed partial class DemoModeTests(Chromium chromium)
{
    [Fact]
    public async Task DemoMode_PrintsHowToSignIn_CreatesTheWorkspace_AndProfilesAppearWithinAMinute()
    {
        await using var hub = await DashboardHub.StartAsync(new Dictionary<string, string>
        {
            ["ConnectorHub__Demo"] = "true",
            ["ConnectorHub__Plugins__Directory"] = RepoPaths.Plugins,
        });
        await Eventually.HoldsAsync(() => SignInLine().IsMatch(hub.Output), TimeSpan.FromSeconds(60), "demo mode prints how to sign in");
        var password = SignInLine().Match(hub.Output).Groups[1].Value;
        Assert.Contains("Demo: the hubspot emulator listens at http://127.0.0.1:", hub.Output, StringComparison.Ordinal);
        Assert.Contains("Demo: the mailchimp emulator listens at http://127.0.0.1:", hub.Output, StringComparison.Ordinal);
        var page = await chromium.NewPageAsync(hub.Address);
        var shots = new Screenshots(nameof(DemoModeTests));

        await page.SignInAsync("demo", password);
        await page.GotoAsync("/connections");
        foreach (var name in new[] { "Demo HubSpot", "Demo Square", "Demo Meta Ads", "Demo Mailchimp", "Demo Meta Custom Audiences" })
        {
            await Expect(page.Locator("main")).ToContainTextAsync(name);
        }

        await shots.TakeAsync(page, "connections");
        await page.GotoAsync("/syncs");
        await Expect(page.Locator("main")).ToContainTextAsync("Demo HubSpot to hub");
        await shots.TakeAsync(page, "syncs");

        // The seeded people HubSpot and Square share become profiles with both sources, within a minute.
        var email = SharedEmail();
        await Eventually.HoldsAsync(async () =>
        {
            await page.GotoAsync($"/profiles?q={Uri.EscapeDataString(email)}");
            return await page.GetByTestId("profiles").Locator("tbody tr").CountAsync() == 1
                && (await page.GotoAsync(await page.GetByTestId("profiles").GetByRole(AriaRole.Link).First.GetAttributeAsync("href") ?? "/"))!.Ok
                && await page.GetByTestId("sources").Locator("[data-source='square']").CountAsync() == 1
                && await page.GetByTestId("sources").Locator("[data-source='hubspot']").CountAsync() == 1;
        }, TimeSpan.FromSeconds(60), "a profile joining HubSpot and Square appears");
        await shots.TakeAsync(page, "profile");
        await page.GotoAsync("/runs");
        await Expect(page.GetByTestId("runs")).ToContainTextAsync("Demo Square to hub");
        await shots.TakeAsync(page, "runs");

        // Every page of the navigation, with the demo's data in it, passes the hub's Content-Security-Policy.
        var pages = await page.Locator("header nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(pages);
        foreach (var path in pages)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.Empty(ContentSecurityPolicy.Violations(page));
    }

    private static string SharedEmail()
    {
        var contacts = new HubSpotEmulator().Contacts.All().Select(c => c.Properties.GetValueOrDefault("email")?.ToLowerInvariant()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new SquareEmulator().Customers.Select(c => c.EmailAddress?.ToLowerInvariant()).OfType<string>().First(contacts.Contains);
    }

    [GeneratedRegex("as user 'demo' with password '([^']+)'")]
    private static partial Regex SignInLine();
}
