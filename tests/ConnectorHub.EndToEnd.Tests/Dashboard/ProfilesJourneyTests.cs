using System.Net;
using System.Text.RegularExpressions;
using ConnectorHub.EndToEnd.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sandbox.Square;
using ConnectorHub.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConnectorHub.EndToEnd.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class ProfilesJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task Admin_SyncsHubSpotAndSquareIntoTheHub_AndFindsOnePersonsProfileWithBothSources()
    {
        var hubspot = new HubSpotEmulator();
        var square = new SquareEmulator();
        await using var hubspotHost = await EmulatorHost.StartAsync(hubspot);
        await using var squareHost = await EmulatorHost.StartAsync(square);
        var email = SharedEmail(hubspot, square);
        await using var hub = await DashboardHub.StartAsync(new Dictionary<string, string> { ["ConnectorHub__Plugins__Directory"] = RepoPaths.Plugins });
        await hub.SetUpAsync();
        var page = await chromium.NewPageAsync(hub.Address);
        var shots = new Screenshots(nameof(ProfilesJourneyTests));
        await page.SignInAsync(DashboardHub.AdminName, DashboardHub.AdminPassword);

        // HubSpot through the form, pointed at the emulator.
        await page.GotoAsync("/connections/new?plugin=hubspot");
        await page.GetByLabel("Name").FillAsync("HubSpot CRM");
        await page.GetByLabel("Private app access token").FillAsync(hubspot.Options.PrivateAppToken);
        await page.GetByLabel("API base URL").FillAsync(hubspotHost.BaseAddress.ToString());
        await shots.TakeAsync(page, "hubspot-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create connection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Connection 'HubSpot CRM' created: the connection test passed.");
        await shots.TakeAsync(page, "hubspot-created");

        // A sync of its contacts into the hub's profiles, run from the dashboard.
        await page.GotoAsync("/syncs/new");
        await page.GetByLabel("Name").FillAsync("HubSpot into the hub");
        await page.Locator("#Input_SourceConnectionId").SelectOptionAsync(new SelectOptionValue { Label = "HubSpot CRM" });
        await Expect(page.Locator("#Input_SourceConnectionId option[selected]")).ToHaveTextAsync("HubSpot CRM");
        await Expect(page.Locator("#Input_DestinationConnectionId")).ToHaveValueAsync(string.Empty);
        await page.Locator("[data-stream='contacts']").GetByRole(AriaRole.Checkbox).CheckAsync();
        await shots.TakeAsync(page, "hubspot-sync-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create sync" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sync 'HubSpot into the hub' created.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/runs/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Succeeded", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("run-streams").Locator("tr[data-stream='contacts'] [data-count='written']")).ToHaveTextAsync("200");
        await shots.TakeAsync(page, "hubspot-run-succeeded");

        // Square's customers and orders, prepared through the API.
        var (squareConnection, squareSync) = await hub.SyncSquareIntoTheHubAsync(squareHost.BaseAddress);

        // The person both systems know, found by a bare email: one profile, with both sources.
        await page.GetByRole(AriaRole.Link, new() { Name = "Profiles", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Profiles" })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "profiles-search");
        await page.GetByLabel("Identifier or value").FillAsync(email.ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var results = page.GetByTestId("profiles").Locator("tbody tr");
        await Expect(results).ToHaveCountAsync(1);
        await Expect(results).ToContainTextAsync($"email:{email}");
        await shots.TakeAsync(page, "profiles-found");
        await results.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/profiles/[0-9]+$"));
        var profileUrl = page.Url;
        await Expect(page.GetByTestId("sources").Locator("[data-source='hubspot']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sources").Locator("[data-source='square']")).ToBeVisibleAsync();
        var emailRow = page.GetByTestId("identifiers").Locator($"tr[data-identifier='email:{email}']");
        await Expect(emailRow).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("identifiers").Locator("tr")).Not.ToHaveCountAsync(2);
        await Expect(page.GetByTestId("traits").Locator("tr[data-trait='first_name']")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "profile");

        // A typed identifier finds the same profile; an unknown one says so.
        await page.GotoAsync($"/profiles?q={Uri.EscapeDataString("email:" + email)}");
        await Expect(page.GetByTestId("profiles").Locator("tbody tr")).ToHaveCountAsync(1);
        await page.GotoAsync("/profiles?q=email:nobody@nowhere.example");
        await Expect(page.GetByTestId("no-results")).ToBeVisibleAsync();

        // On a phone the profile page fits the screen.
        var phone = await chromium.NewPageAsync(hub.Address, width: 390, height: 844);
        await phone.SignInAsync(DashboardHub.AdminName, DashboardHub.AdminPassword);
        foreach (var (path, step) in new[] { ("/profiles", "phone-search"), ($"/profiles?q={Uri.EscapeDataString(email)}", "phone-results"), (new Uri(profileUrl).PathAndQuery, "phone-profile") })
        {
            await phone.GotoAsync(path);
            await Expect(phone.Locator("main h1")).ToBeVisibleAsync();
            Assert.True(await phone.FitsTheViewportAsync(), $"{path} is wider than a phone screen (390 px).");
            await shots.TakeAsync(phone, step);
        }

        // A viewer reads profiles but finds nothing to change, and the API refuses changes.
        await hub.PostAsync("api/users", new { userName = "vera", password = "viewer password", role = "viewer" });
        var viewer = await chromium.NewPageAsync(hub.Address);
        await viewer.SignInAsync("vera", "viewer password");
        foreach (var path in new[] { $"/profiles?q={Uri.EscapeDataString(email)}", new Uri(profileUrl).PathAndQuery })
        {
            await viewer.GotoAsync(path);
            await Expect(viewer.Locator("main")).ToContainTextAsync(email);
            await Expect(viewer.Locator("main form[method='post']")).ToHaveCountAsync(0);
        }

        await shots.TakeAsync(viewer, "viewer-profile");
        Assert.Equal((int)HttpStatusCode.Forbidden, (await viewer.Context.APIRequest.PostAsync($"/api/syncs/{squareSync}/runs")).Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, (await viewer.Context.APIRequest.DeleteAsync($"/api/connections/{squareConnection}")).Status);
        Assert.Equal((int)HttpStatusCode.OK, (await viewer.Context.APIRequest.GetAsync($"/api/profiles/lookup?identifier={Uri.EscapeDataString("email:" + email)}")).Status);
    }

    /// <summary>An email of someone who is both a HubSpot contact and a Square customer (the emulators share people).</summary>
    private static string SharedEmail(HubSpotEmulator hubspot, SquareEmulator square)
    {
        var contacts = hubspot.Contacts.All().Select(c => c.Properties.GetValueOrDefault("email")?.ToLowerInvariant()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return square.Customers.Select(c => c.EmailAddress?.ToLowerInvariant()).OfType<string>().First(contacts.Contains);
    }
}
