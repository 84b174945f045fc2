using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ConnectorHub.EndToEnd.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.CustomAudiences;
using ConnectorHub.Sandbox.Square;
using ConnectorHub.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConnectorHub.EndToEnd.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class SegmentActivationJourneyTests(Chromium chromium)
{
    private const string AdAccount = "1234567890";
    private const string BuyersRule = """
        {
          "all": [
            { "identifier": "email" },
            { "orders": { "count": { "atLeast": 1 } } }
          ]
        }
        """;

    [Fact]
    public async Task Marketing_BuildsASegmentWithALiveCount_ActivatesItToMeta_AndSeesTheDeliveredCount()
    {
        var square = new SquareEmulator();
        var meta = new MetaCustomAudiencesEmulator();
        await using var squareHost = await EmulatorHost.StartAsync(square);
        await using var metaHost = await EmulatorHost.StartAsync(meta);
        var audience = meta.CreateAudience(AdAccount, "Buyers");
        await using var hub = await DashboardHub.StartAsync(new Dictionary<string, string> { ["ConnectorHub__Plugins__Directory"] = RepoPaths.Plugins });
        await hub.SetUpAsync();
        await hub.PostAsync("api/users", new { userName = "mona", password = "marketing password", role = "marketing" });

        // Square's customers and orders become profiles with orders.
        await hub.SyncSquareIntoTheHubAsync(squareHost.BaseAddress);
        await hub.PostAsync("api/connections", new
        {
            name = "Meta ads",
            pluginId = "meta-custom-audiences",
            config = new { access_token = MetaCustomAudiencesEmulator.DefaultAccessToken, ad_account_id = "act_" + AdAccount, base_url = metaHost.BaseAddress.ToString() },
        });

        var page = await chromium.NewPageAsync(hub.Address);
        var shots = new Screenshots(nameof(SegmentActivationJourneyTests));
        await page.SignInAsync("mona", "marketing password");

        // The rule editor counts the audience as the rule is written.
        await page.GetByRole(AriaRole.Link, new() { Name = "Segments", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New segment" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Buyers");
        await page.GetByTestId("rule-json").FillAsync("""{ "all": [ { "orders": { "count": { "atLeast": "two" } } } ] }""");
        await Expect(page.GetByTestId("rule-errors")).ToContainTextAsync("$.all[0].orders.count.atLeast");
        await shots.TakeAsync(page, "rule-error");
        await page.GetByTestId("rule-json").FillAsync(BuyersRule);
        await Expect(page.GetByTestId("live-count")).ToHaveTextAsync(new Regex("^[1-9][0-9,]*$"));
        var counted = Count(await page.GetByTestId("live-count").TextContentAsync());
        await shots.TakeAsync(page, "live-count");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create segment" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/segments/[0-9]+$"));

        // A refresh makes the counted profiles members, each with its entry in the history.
        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh now" }).ClickAsync();
        await Expect(page.GetByTestId("member-count")).ToHaveTextAsync(counted.ToString("N0", CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("history").Locator("tbody tr").First).ToContainTextAsync("entered");
        await shots.TakeAsync(page, "segment");

        // Activated to Meta: the delivery reaches the emulator's audience, hashed, and the page shows the count.
        await page.GetByText("Activate to a destination").ClickAsync();
        await page.GetByLabel("Name").Last.FillAsync("Buyers on Meta");
        await page.Locator("#Activate_DestinationConnectionId").SelectOptionAsync(new SelectOptionValue { Label = "Meta ads" });
        await page.GetByLabel("Destination settings, JSON").FillAsync($$"""{ "audience_id": "{{audience.Id}}" }""");
        await shots.TakeAsync(page, "activate-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/activations/[0-9]+$"));
        await Expect(page.GetByTestId("deliveries").Locator("[data-status='Succeeded']")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        var delivered = audience.Count;
        await Expect(page.GetByTestId("accepted").First).ToHaveTextAsync(delivered.ToString("N0", CultureInfo.InvariantCulture));
        await shots.TakeAsync(page, "delivered");

        Assert.InRange(delivered, 1, counted);
        Assert.DoesNotContain(square.Customers.Select(c => c.EmailAddress).OfType<string>(), email => audience.Contains("EMAIL", email.ToLowerInvariant()));

        // The segment page lists the activation with its last delivery; a viewer can read it but not change it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Buyers", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("activations")).ToContainTextAsync("Buyers on Meta");
        await Expect(page.GetByTestId("last-delivery")).ToContainTextAsync("accepted");
        var segmentUrl = new Uri(page.Url).PathAndQuery;
        await hub.PostAsync("api/users", new { userName = "vera", password = "viewer password", role = "viewer" });
        var viewer = await chromium.NewPageAsync(hub.Address);
        await viewer.SignInAsync("vera", "viewer password");
        await viewer.GotoAsync(segmentUrl);
        await Expect(viewer.GetByTestId("member-count")).ToHaveTextAsync(counted.ToString("N0", CultureInfo.InvariantCulture));
        await Expect(viewer.Locator("main form[method='post']")).ToHaveCountAsync(0);
        await shots.TakeAsync(viewer, "viewer-segment");
        Assert.Equal((int)HttpStatusCode.Forbidden, (await viewer.Context.APIRequest.PostAsync($"/api{segmentUrl}/refresh")).Status);
    }

    private static long Count(string? text) => long.Parse(text!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
