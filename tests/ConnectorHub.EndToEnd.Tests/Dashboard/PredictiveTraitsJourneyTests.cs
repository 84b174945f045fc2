using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.EndToEnd.Tests.Support;
using ConnectorHub.Tests.Predictions;
using ConnectorHub.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConnectorHub.EndToEnd.Tests.Dashboard;

/// <summary>
/// In Chromium, against the hub as a process: an admin trains a churn model from its page, sees its quality against
/// the baseline, its feature importance and score distribution, and a customer's score with its reasons on their
/// profile; marketing reads the same pages without the controls; nothing breaks the Content-Security-Policy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PredictiveTraitsJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task Admin_TrainsAModelFromItsPage_AndReadsItsQualityAndACustomersReasons()
    {
        await using var hub = await DashboardHub.StartAsync();
        await hub.SetUpAsync();
        await WriteAsync(hub.DataFile, ShopHistory.Signal(1500, until: TimeProvider.System.GetUtcNow().AddMinutes(-1)));
        await hub.PostAsync("api/users", new { userName = "mia", password = "marketing password", role = "marketing" });
        var model = await hub.PostAsync("api/models", new { trait = "churn_risk_30d", kind = "Churn", description = "Who stops buying within a month.", settings = new { horizonDays = 30, eventWindows = new[] { 7, 30 } } });
        var page = await chromium.NewPageAsync(hub.Address);
        var shots = new Screenshots(nameof(PredictiveTraitsJourneyTests));
        await page.SignInAsync(DashboardHub.AdminName, DashboardHub.AdminPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Models", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("models")).ToContainTextAsync("never trained");
        await shots.TakeAsync(page, "models");
        await page.GetByRole(AriaRole.Link, new() { Name = "churn_risk_30d" }).ClickAsync();
        await Expect(page.GetByText("Not measured yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Train now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Training of 'churn_risk_30d' is queued");

        await Eventually.HoldsAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("[data-testid='runs'] [data-status='Published']").CountAsync() == 1;
        }, TimeSpan.FromSeconds(120), "the run is published");
        await Expect(page.GetByTestId("published")).ToContainTextAsync("v1");
        await Expect(page.GetByTestId("checks")).ToContainTextAsync("Passed: ranks churners above the baseline");
        await Expect(page.GetByTestId("importance").Locator("svg.bar")).Not.ToHaveCountAsync(0);
        await Expect(page.GetByTestId("reliability").Locator("tbody tr")).ToHaveCountAsync(10);
        await Expect(page.GetByTestId("distribution").Locator("svg.columns rect")).ToHaveCountAsync(10);
        await shots.TakeAsync(page, "model-published");

        var top = ((JsonArray)(await hub.Api.GetFromJsonAsync<JsonNode>($"api/models/{model["id"]}/scores?limit=1"))!)[0]!;
        await page.GotoAsync($"/profiles/{top["profileId"]}");
        var score = page.Locator("[data-score='churn_risk_30d']");
        await Expect(score).ToContainTextAsync("%");
        await Expect(score.Locator("ul.reasons li")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("[data-trait='churn_risk_30d']")).ToContainTextAsync("model:churn_risk_30d:v1");
        await shots.TakeAsync(page, "profile-score");

        var marketing = await chromium.NewPageAsync(hub.Address);
        await marketing.SignInAsync("mia", "marketing password");
        await marketing.GotoAsync($"/models/{model["id"]}");
        await Expect(marketing.GetByTestId("quality")).ToBeVisibleAsync();
        await Expect(marketing.GetByRole(AriaRole.Button, new() { Name = "Train now" })).ToHaveCountAsync(0);
        await Expect(marketing.GetByTestId("settings")).ToHaveCountAsync(0);
        await shots.TakeAsync(marketing, "marketing-reads");

        Assert.Empty(ContentSecurityPolicy.Violations(page));
        Assert.Empty(ContentSecurityPolicy.Violations(marketing));
    }

    /// <summary>Writes the history into the running hub's SQLite file (WAL: the hub goes on reading meanwhile).</summary>
    private static async Task WriteAsync(string file, ShopHistory history)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Default Timeout=30");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var created = history.Until.AddDays(-400).ToUnixTimeMilliseconds();
        await InsertAsync(connection, transaction, "profiles (id, created_at, updated_at)", history.Customers.Select(id => $"({id}, {created}, {created})"));
        await InsertAsync(connection, transaction, "orders (source, order_id, profile_id, channel, currency, total, placed_at, stored_at)",
            history.Orders.Select((o, i) => $"('shop', 'o-{i}', {o.Profile}, 'online', 'USD', {o.Total.ToString(CultureInfo.InvariantCulture)}, {o.At.ToUnixTimeMilliseconds()}, {o.At.ToUnixTimeMilliseconds()})"));
        await InsertAsync(connection, transaction, "events (source, message_id, type, name, profile_id, event_time, received_at)",
            history.Events.Select((e, i) => $"('web', 'm-{i}', 'track', '{e.Name}', {e.Profile}, {e.At.ToUnixTimeMilliseconds()}, {e.At.ToUnixTimeMilliseconds()})"));
        await transaction.CommitAsync();
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string into, IEnumerable<string> rows)
    {
        foreach (var chunk in rows.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = new StringBuilder("INSERT INTO ").Append(into).Append(" VALUES ").AppendJoin(", ", chunk).ToString();
            await command.ExecuteNonQueryAsync();
        }
    }
}
