using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectorHub.EndToEnd.Tests.Support;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConnectorHub.EndToEnd.Tests.Tracking;

/// <summary>
/// The product's first use: an admin puts the Tracking page's snippet on a shop's website; a visitor browses
/// anonymously (arriving from a newsletter link with UTM parameters), reloads, signs up, adds to cart and orders; the
/// dashboard then shows all of it on one profile. Segment's browser library, its chunks and settings come from the hub.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserTrackingJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task Visitor_BrowsesSignsUpAndOrders_OnASiteWithTheSnippet_AndTheProfileShowsItAll()
    {
        await using var hub = await DashboardHub.StartAsync();
        await hub.SetUpAsync();
        var site = new LandingSite();
        await using var siteHost = await EmulatorHost.StartAsync(site);
        var siteOrigin = siteHost.BaseAddress.GetLeftPart(UriPartial.Authority);
        var admin = await chromium.NewPageAsync(hub.Address);
        var shots = new Screenshots(nameof(BrowserTrackingJourneyTests));
        await admin.SignInAsync(DashboardHub.AdminName, DashboardHub.AdminPassword);

        // The admin creates a source for the shop, allows its website's origin and copies the snippet of a new key.
        await admin.GotoAsync("/tracking");
        await admin.GetByLabel("Name (the source of its events)").FillAsync("shop");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create source" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Tracking source 'shop' created.");
        await admin.GetByLabel("Allowed web origins of shop").FillAsync(siteOrigin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save origins of shop" }).ClickAsync();
        await Expect(admin.Locator("[data-source-origins='shop']")).ToContainTextAsync(siteOrigin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "New write key for shop" }).ClickAsync();
        var snippet = await admin.GetByTestId("snippet").TextContentAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        Assert.Contains($"analytics._cdn = \"{hub.Address.ToString().TrimEnd('/')}\"", snippet, StringComparison.Ordinal);
        await shots.TakeAsync(admin, "snippet");
        site.Snippet = snippet!;

        // A visitor arrives from the newsletter and browses anonymously; the library and its settings come from the hub.
        var visitor = await chromium.NewPageAsync(siteHost.BaseAddress);
        var loadedFrom = new List<string>();
        visitor.Request += (_, request) => loadedFrom.Add(request.Url);
        await visitor.GotoAsync("/?utm_source=newsletter&utm_medium=email&utm_campaign=autumn-sale");
        await WaitForTheLibraryAsync(visitor);
        var anonymousId = await AnonymousIdAsync(visitor);
        await visitor.ReloadAsync();
        await WaitForTheLibraryAsync(visitor);
        Assert.Equal(anonymousId, await AnonymousIdAsync(visitor));
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Pricing" }).ClickAsync();
        await WaitForTheLibraryAsync(visitor);
        await shots.TakeAsync(visitor, "pricing");

        // Signs up (identify with traits), adds to cart and orders.
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Sign up" }).ClickAsync();
        await WaitForTheLibraryAsync(visitor);
        await visitor.GetByLabel("Email").FillAsync("Robin.Shopper@Example.com");
        await visitor.GetByLabel("First name").FillAsync("Robin");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(visitor.Locator("form[data-sent='yes']")).ToHaveCountAsync(1);
        await visitor.GotoAsync("/product");
        await WaitForTheLibraryAsync(visitor);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Expect(visitor.Locator("#add[data-sent='yes']")).ToHaveCountAsync(1);
        await visitor.GotoAsync("/checkout");
        await WaitForTheLibraryAsync(visitor);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Complete order" }).ClickAsync();
        await Expect(visitor.Locator("#order[data-sent='yes']")).ToHaveCountAsync(1);
        await shots.TakeAsync(visitor, "ordered");
        Assert.Equal(anonymousId, await AnonymousIdAsync(visitor));
        Assert.DoesNotContain(loadedFrom, url => !url.StartsWith(siteHost.BaseAddress.ToString(), StringComparison.Ordinal) && !url.StartsWith(hub.Address.ToString(), StringComparison.Ordinal));
        Assert.Contains(loadedFrom, url => url.Contains("/analytics.js/v1/", StringComparison.Ordinal));
        Assert.Contains(loadedFrom, url => url.Contains("/settings", StringComparison.Ordinal));

        // Every call reached one profile: the anonymous page views stitched to the known shopper.
        JsonArray events = [];
        await Eventually.HoldsAsync(async () =>
        {
            using var found = await hub.Api.GetAsync(new Uri("api/profiles/lookup?identifier=user_id:shopper-1", UriKind.Relative));
            if (!found.IsSuccessStatusCode)
            {
                return false;
            }

            var id = (await found.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
            events = (await hub.Api.GetFromJsonAsync<JsonObject>($"api/profiles/{id}/events?limit=100"))!["items"]!.AsArray();
            return events.Count >= 10;
        }, TimeSpan.FromSeconds(60), "the visitor's 10 calls are on the shopper's profile");
        var byType = events.GroupBy(e => e!["type"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(6, byType["page"]);
        Assert.Equal(1, byType["identify"]);
        Assert.Equal(3, byType["track"]);
        Assert.All(events, e => Assert.Equal(anonymousId, e!["anonymousId"]!.GetValue<string>()));
        // The landing page and its reload carry the newsletter link's UTM parameters in their context.
        var landings = events.Where(e => e!["type"]!.GetValue<string>() == "page" && e["properties"]!["search"]?.GetValue<string>() is { Length: > 0 }).ToArray();
        Assert.Equal(2, landings.Length);
        Assert.All(landings, landing =>
        {
            Assert.Equal("newsletter", landing!["context"]!["campaign"]!["source"]!.GetValue<string>());
            Assert.Equal("email", landing["context"]!["campaign"]!["medium"]!.GetValue<string>());
            Assert.Equal("autumn-sale", landing["context"]!["campaign"]!["name"]!.GetValue<string>());
            Assert.Equal("analytics.js", landing["context"]!["library"]!["name"]!.GetValue<string>());
        });

        // The dashboard's profile page shows the shopper with the whole journey.
        await admin.GotoAsync("/profiles?q=" + Uri.EscapeDataString("user_id:shopper-1"));
        await admin.GetByTestId("profiles").Locator("tbody tr").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/profiles/[0-9]+$"));
        await Expect(admin.GetByTestId("identifiers").Locator($"tr[data-identifier='anonymous_id:{anonymousId}']")).ToHaveCountAsync(1);
        await Expect(admin.GetByTestId("identifiers").Locator("tr[data-identifier='email:robin.shopper@example.com']")).ToHaveCountAsync(1);
        await Expect(admin.GetByTestId("traits").Locator("tr[data-trait='first_name']")).ToContainTextAsync("Robin");
        var timeline = admin.GetByTestId("timeline");
        await Expect(timeline.Locator("tbody tr")).ToHaveCountAsync(10);
        await Expect(timeline).ToContainTextAsync("Order Completed");
        await Expect(timeline).ToContainTextAsync("Product Added");
        await Expect(timeline).ToContainTextAsync("Signed Up");
        await Expect(timeline).ToContainTextAsync("utm_medium=email&utm_campaign=autumn-sale");
        await shots.TakeAsync(admin, "profile");
    }

    private static Task WaitForTheLibraryAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.analytics && window.analytics.initialized === true", null, new() { Timeout = 30_000 });

    /// <summary>The anonymous id the library keeps in the <c>ajs_anonymous_id</c> cookie (and local storage).</summary>
    private static async Task<string> AnonymousIdAsync(IPage page)
    {
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "ajs_anonymous_id");
        var stored = await page.EvaluateAsync<string>("() => localStorage.getItem('ajs_anonymous_id')");
        var id = Uri.UnescapeDataString(cookie.Value).Trim('"');
        Assert.Equal(id, stored.Trim('"'));
        Assert.Matches("^[0-9a-f-]{36}$", id);
        return id;
    }
}
