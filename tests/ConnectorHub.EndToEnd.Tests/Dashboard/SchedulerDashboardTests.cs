using ConnectorHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConnectorHub.EndToEnd.Tests.Dashboard;

/// <summary>The Hangfire Dashboard at /hangfire: reached by an admin from the Runs page, refused to anyone else.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SchedulerDashboardTests(Chromium chromium)
{
    [Fact]
    public async Task Admin_OpensTheSchedulerDashboardFromRuns_ViewerIsRefused_AndAStrangerMustSignIn()
    {
        await using var hub = await DashboardHub.StartAsync();
        await hub.SetUpAsync();
        await hub.PostAsync("api/users", new { userName = "mia", password = "marketing password", role = "marketing" });
        var (_, _, sync) = await hub.CreateSyncAsync("Scheduled sync");
        await hub.RunAsync(sync);
        var shots = new Screenshots(nameof(SchedulerDashboardTests));

        var stranger = await chromium.NewPageAsync(hub.Address);
        await stranger.GotoAsync("/hangfire");
        await Expect(stranger).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await shots.TakeAsync(stranger, "stranger");

        var marketing = await chromium.NewPageAsync(hub.Address);
        await marketing.SignInAsync("mia", "marketing password");
        await marketing.GotoAsync("/runs");
        await Expect(marketing.GetByTestId("scheduler-dashboard")).ToHaveCountAsync(0);
        await marketing.GotoAsync("/hangfire");
        await Expect(marketing.GetByRole(AriaRole.Heading, new() { Name = "Your role may not do this" })).ToBeVisibleAsync();
        await shots.TakeAsync(marketing, "marketing-refused");

        var admin = await chromium.NewPageAsync(hub.Address);
        await admin.SignInAsync(DashboardHub.AdminName, DashboardHub.AdminPassword);
        await admin.GotoAsync("/runs");
        await admin.GetByTestId("scheduler-dashboard").ClickAsync();
        await Expect(admin).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("ConnectorHub scheduler"));
        await admin.GotoAsync("/hangfire/recurring");
        await Expect(admin.Locator("body")).ToContainTextAsync("hub:recover-runs");
        await shots.TakeAsync(admin, "recurring-jobs");
    }
}
