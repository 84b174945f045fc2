using System.Text.RegularExpressions;
using ConnectorHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConnectorHub.EndToEnd.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class AdminJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task Admin_CreatesConnectionsAndASync_RunsIt_AndSeesCountsAndRejects()
    {
        await using var hub = await DashboardHub.StartAsync();
        await hub.SetUpAsync();
        var page = await chromium.NewPageAsync(hub.Address);
        var shots = new Screenshots(nameof(AdminJourneyTests));
        await page.SignInAsync(DashboardHub.AdminName, DashboardHub.AdminPassword);

        // An empty hub says what to do first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Connections", Exact = true }).ClickAsync();
        await Expect(page.GetByText("No connections yet.")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "no-connections");

        // The echo source, through the form generated from its JSON Schema; a failing check saves nothing.
        await page.GetByRole(AriaRole.Link, new() { Name = "New connection" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Echo (test fixture)" }).ClickAsync();
        await Expect(page.GetByLabel("Token")).ToHaveAttributeAsync("type", "password");
        await page.GetByLabel("Name").FillAsync("Numbers");
        await page.GetByLabel("Count").FillAsync("30");
        await page.GetByLabel("Reject at").FillAsync("5\n7");
        await page.GetByLabel("Token").FillAsync("wrong");
        await shots.TakeAsync(page, "echo-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create connection" }).ClickAsync();
        await Expect(page.GetByTestId("form-errors")).ToContainTextAsync("The connection check failed: The token was refused (401)");
        await Expect(page.GetByLabel("Count")).ToHaveValueAsync("30");
        await Expect(page.GetByLabel("Token")).ToHaveValueAsync(string.Empty);
        await shots.TakeAsync(page, "echo-check-failed");

        await page.GetByLabel("Token").FillAsync("s3cret-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create connection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Connection 'Numbers' created: the connection test passed.");
        await Expect(page.GetByTestId("settings")).ToContainTextAsync("set (hidden)");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("s3cret-token");
        await shots.TakeAsync(page, "echo-created");

        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Connection test passed");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.GetByLabel("Token")).ToHaveAttributeAsync("placeholder", "set, leave blank to keep");
        await Expect(page.GetByLabel("Token")).ToHaveValueAsync(string.Empty);
        await shots.TakeAsync(page, "echo-edit-keeps-secret");

        // The folder destination.
        await page.GotoAsync("/connections/new?plugin=folder");
        await page.GetByLabel("Name").FillAsync("Drop folder");
        await page.GetByLabel("Path").FillAsync(hub.Scratch("journey"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create connection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Connection 'Drop folder' created");

        // The sync: streams from discovery, a schedule explained with its next runs.
        await page.GotoAsync("/syncs");
        await Expect(page.GetByText("No syncs yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New sync" }).First.ClickAsync();
        await page.GetByLabel("Name").FillAsync("Numbers to folder");
        // Choosing a source (or destination) reloads the form with its streams (and write modes); the server marks
        // the chosen option "selected" in the reloaded form, which is what the test waits for.
        await page.Locator("#Input_SourceConnectionId").SelectOptionAsync(new SelectOptionValue { Label = "Numbers" });
        await Expect(page.Locator("#Input_SourceConnectionId option[selected]")).ToHaveTextAsync("Numbers");
        await page.Locator("#Input_DestinationConnectionId").SelectOptionAsync(new SelectOptionValue { Label = "Drop folder" });
        await Expect(page.Locator("#Input_DestinationConnectionId option[selected]")).ToHaveTextAsync("Drop folder");
        var stream = page.Locator("[data-stream='numbers']");
        await Expect(stream).ToBeVisibleAsync();
        await stream.GetByRole(AriaRole.Checkbox).CheckAsync();
        await stream.GetByLabel("Read").SelectOptionAsync(new SelectOptionValue { Label = "Incremental" });
        await page.GetByLabel("Cron expression").FillAsync("0 30 9 ? * MON-FRI");
        await page.GetByLabel("Time zone").FillAsync("Europe/London");
        await Expect(page.GetByTestId("schedule-description")).ToContainTextAsync("At 09:30, on Monday through Friday.");
        await Expect(page.GetByTestId("schedule-next").Locator("li")).ToHaveCountAsync(5);
        await shots.TakeAsync(page, "sync-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create sync" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sync 'Numbers to folder' created.");
        await Expect(page.GetByTestId("schedule-description")).ToContainTextAsync("At 09:30, on Monday through Friday.");
        await shots.TakeAsync(page, "sync-created");

        // Run it and watch it finish with counts and the rejected records.
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/runs/[0-9a-f-]{36}$"));
        await shots.TakeAsync(page, "run-started");
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Succeeded", new() { Timeout = 30_000 });
        var counts = page.GetByTestId("run-streams").Locator("tr[data-stream='numbers']");
        await Expect(counts.Locator("[data-count='read']")).ToHaveTextAsync("30");
        await Expect(counts.Locator("[data-count='written']")).ToHaveTextAsync("28");
        await Expect(counts.Locator("[data-count='rejected']")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("rejects").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("rejects")).ToContainTextAsync("Row 5 has an unreadable value.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" })).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "run-succeeded");

        await page.GetByRole(AriaRole.Link, new() { Name = "Runs", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("runs").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("runs")).ToContainTextAsync("Numbers to folder");
        await shots.TakeAsync(page, "run-history");

        // Edit the sync: the form comes back as saved; a new schedule shows at once; the schedule can be turned off.
        await page.GetByTestId("runs").GetByRole(AriaRole.Link, new() { Name = "Numbers to folder" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.Locator("[data-stream='numbers']").GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();
        await Expect(page.Locator("[data-stream='numbers']").GetByLabel("Read")).ToHaveValueAsync("Incremental");
        await Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Europe/London");
        await page.GetByLabel("Cron expression").FillAsync("0 0 */6 * * ?");
        await Expect(page.GetByTestId("schedule-description")).ToContainTextAsync("Every 6 hours, every day.");
        await shots.TakeAsync(page, "sync-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Expect(page.GetByTestId("schedule-description")).ToContainTextAsync("Every 6 hours, every day.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable schedule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The schedule is off");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enable schedule" })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "sync-disabled");
    }

    [Fact]
    public async Task RunPage_ShowsLiveProgress_AndCancelsARunningRun()
    {
        await using var hub = await DashboardHub.StartAsync();
        await hub.SetUpAsync();
        var source = await hub.PostAsync("api/connections", new { name = "Slow", pluginId = "echo", config = new { count = 100_000, delay_ms = 5, state_every = 10 } });
        var target = await hub.PostAsync("api/connections", new { name = "Folder", pluginId = "folder", config = new { path = hub.Scratch("slow") } });
        var sync = await hub.PostAsync("api/syncs", new
        {
            name = "Slow sync",
            sourceConnectionId = source["id"]!.GetValue<Guid>(),
            destinationConnectionId = target["id"]!.GetValue<Guid>(),
            streams = new[] { new { name = "numbers" } },
        });
        var page = await chromium.NewPageAsync(hub.Address);
        var shots = new Screenshots(nameof(AdminJourneyTests));
        await page.SignInAsync(DashboardHub.AdminName, DashboardHub.AdminPassword);

        await page.GotoAsync($"/syncs/{sync["id"]}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Running", new() { Timeout = 30_000 });
        var read = page.GetByTestId("run-streams").Locator("[data-count='read']");
        await Expect(read).ToHaveTextAsync(new Regex("^[1-9]"), new() { Timeout = 30_000 });
        var first = await read.TextContentAsync();
        await Expect(read).Not.ToHaveTextAsync(first!, new() { Timeout = 30_000 });
        await shots.TakeAsync(page, "run-live-progress");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" }).ClickAsync();
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Cancelled", new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" })).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "run-cancelled");
    }
}
