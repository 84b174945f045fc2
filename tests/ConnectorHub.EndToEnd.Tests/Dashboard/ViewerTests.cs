using System.Net;
using ConnectorHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConnectorHub.EndToEnd.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class ViewerTests(Chromium chromium)
{
    private static readonly string[] MutatingControls =
        ["New connection", "New sync", "Edit", "Delete", "Run now", "Test connection", "Cancel run", "Disable schedule", "Enable schedule", "Create connection", "Create sync"];

    [Fact]
    public async Task Viewer_SeesEverything_ButNoControlToChangeIt_AndIsRefusedWhenTrying()
    {
        await using var hub = await DashboardHub.StartAsync();
        await hub.SetUpAsync();
        await hub.PostAsync("api/users", new { userName = "vera", password = "viewer password", role = "viewer" });
        var (source, _, sync) = await hub.CreateSyncAsync("Viewer sync");
        var run = await hub.RunAsync(sync);
        var page = await chromium.NewPageAsync(hub.Address);
        var shots = new Screenshots(nameof(ViewerTests));

        await page.SignInAsync("vera", "viewer password");
        await Expect(page.GetByTestId("who")).ToHaveTextAsync("vera · viewer");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "API tokens" })).ToHaveCountAsync(0);

        foreach (var (path, step, shows) in new[]
        {
            ("/", "overview", "Viewer sync"),
            ("/plugins", "plugins", "Echo (test fixture)"),
            ("/connections", "connections", "Viewer sync source"),
            ($"/connections/{source}", "connection", "works"),
            ("/syncs", "syncs", "Viewer sync"),
            ($"/syncs/{sync}", "sync", "At 02:00, every day."),
            ($"/runs/{run}", "run", "Succeeded"),
        })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("main")).ToContainTextAsync(shows);
            foreach (var control in MutatingControls)
            {
                await Expect(page.Locator("main").GetByRole(AriaRole.Button, new() { Name = control, Exact = true })).ToHaveCountAsync(0);
                await Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = control, Exact = true })).ToHaveCountAsync(0);
            }

            await Expect(page.Locator("main form[method='post']")).ToHaveCountAsync(0);
            await shots.TakeAsync(page, step);
        }

        foreach (var forbidden in new[] { "/admin/users", "/admin/tokens", $"/connections/{source}/edit", "/connections/new", $"/syncs/{sync}/edit", "/syncs/new" })
        {
            await page.GotoAsync(forbidden);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your role may not do this" })).ToBeVisibleAsync();
        }

        await shots.TakeAsync(page, "denied");

        // The viewer's own sign-in cookie does not open the API's mutating endpoints either.
        var runNow = await page.Context.APIRequest.PostAsync($"/api/syncs/{sync}/runs");
        var deleteConnection = await page.Context.APIRequest.DeleteAsync($"/api/connections/{source}");
        var read = await page.Context.APIRequest.GetAsync($"/api/syncs/{sync}");
        Assert.Equal((int)HttpStatusCode.Forbidden, runNow.Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, deleteConnection.Status);
        Assert.Equal((int)HttpStatusCode.OK, read.Status);
        using var unauthenticated = new HttpClient { BaseAddress = hub.Address };
        using var anonymous = await unauthenticated.GetAsync(new Uri($"api/syncs/{sync}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
