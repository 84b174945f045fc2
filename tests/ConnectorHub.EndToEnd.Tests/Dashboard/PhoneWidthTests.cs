using ConnectorHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConnectorHub.EndToEnd.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class PhoneWidthTests(Chromium chromium)
{
    [Fact]
    public async Task EveryPage_FitsAPhoneScreen_AndTheMenuOpens()
    {
        await using var hub = await DashboardHub.StartAsync();
        await hub.SetUpAsync();
        var (source, _, sync) = await hub.CreateSyncAsync("A sync with a rather long name to wrap on phones", rejectAt: [2, 4]);
        var run = await hub.RunAsync(sync);
        await hub.PostAsync("api/tokens", new { name = "phone check", role = "viewer" });
        var segment = await hub.PostAsync("api/segments", new { name = "People with an email and a rather long segment name", definition = new { identifier = "email" } });
        var page = await chromium.NewPageAsync(hub.Address, width: 390, height: 844);
        var shots = new Screenshots(nameof(PhoneWidthTests));

        await page.GotoAsync("/signin");
        Assert.True(await page.FitsTheViewportAsync(), "The sign-in page is wider than a phone.");
        await shots.TakeAsync(page, "signin");
        await page.GetByLabel("User name").FillAsync(DashboardHub.AdminName);
        await page.GetByLabel("Password").FillAsync(DashboardHub.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // On a phone the navigation hides behind a menu button.
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Runs", Exact = true })).ToBeHiddenAsync();
        await menu.ClickAsync();
        await shots.TakeAsync(page, "menu-open");
        await page.GetByRole(AriaRole.Link, new() { Name = "Runs", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Runs" })).ToBeVisibleAsync();

        foreach (var (path, step) in new[]
        {
            ("/", "overview"), ("/plugins", "plugins"), ("/plugins/echo", "plugin"), ("/connections", "connections"),
            ($"/connections/{source}", "connection"), ($"/connections/{source}/edit", "connection-edit"), ("/syncs", "syncs"),
            ($"/syncs/{sync}", "sync"), ($"/syncs/{sync}/edit", "sync-edit"), ("/runs", "runs"), ($"/runs/{run}", "run"),
            ("/admin/users", "users"), ("/admin/tokens", "tokens"), ("/profiles", "profiles"), ("/profiles?q=nobody", "profiles-none"),
            ($"/syncs/{sync}/mapping/numbers", "mapping"), ("/segments", "segments"), ("/segments/new", "segment-new"),
            ($"/segments/{segment["id"]}", "segment"), ("/tracking", "tracking"),
        })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            Assert.True(await page.FitsTheViewportAsync(), $"{path} is wider than a phone screen (390 px).");
            await shots.TakeAsync(page, step);
        }
    }
}
