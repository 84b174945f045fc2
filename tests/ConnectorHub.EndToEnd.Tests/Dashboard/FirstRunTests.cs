using ConnectorHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConnectorHub.EndToEnd.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class FirstRunTests(Chromium chromium)
{
    [Fact]
    public async Task FirstRun_CreatesTheAdminOnce_ThenEveryoneSignsIn()
    {
        await using var hub = await DashboardHub.StartAsync();
        var page = await chromium.NewPageAsync(hub.Address);
        var shots = new Screenshots(nameof(FirstRunTests));

        await page.GotoAsync("/connections");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
        await shots.TakeAsync(page, "setup-page");

        await page.GetByLabel("Admin user name").FillAsync("ada lovelace");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a long enough secret");
        await page.GetByLabel("Password again").FillAsync("a long enough secret");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the admin account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Use up to 64 letters, digits and . _ - @");
        await Expect(page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await shots.TakeAsync(page, "setup-names-the-bad-field");

        await page.GetByLabel("Admin user name").FillAsync("ada");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a long enough secret");
        await page.GetByLabel("Password again").FillAsync("a long enough secret");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the admin account" }).ClickAsync();
        await Expect(page.GetByTestId("who")).ToHaveTextAsync("ada · admin");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are the admin");
        await shots.TakeAsync(page, "signed-in-as-admin");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));
        await page.GotoAsync("/setup");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.GetByLabel("User name").FillAsync("ada");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The user name or password is not right");
        await shots.TakeAsync(page, "wrong-password");

        await page.SignInAsync("ada", "a long enough secret");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "signed-in-again");

        using var anonymous = new HttpClient { BaseAddress = hub.Address };
        using var setupAgain = await anonymous.PostAsync(new Uri("api/setup", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { userName = "eve", password = "0123456789abc" }));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, setupAgain.StatusCode);
    }
}
