using ConnectorHub.Sandbox.HubSpot;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.HubSpot.Tests.Reading;

/// <summary>HubSpot's search pages through at most 10,000 results per query; the connector re-windows by time.</summary>
public sealed class IncrementalSearchWindowTests
{
    [Fact]
    public async Task Incremental_StartsNewSearchWindow_PastTheTenThousandCap_WithoutLossOrDuplicates()
    {
        await using var scope = await HubSpotEmulatorScope.StartAsync(new HubSpotEmulatorOptions { Contacts = 10_450, Companies = 0, Deals = 0 });
        // 300 contacts around the 10,000th share one modification time, so the window boundary falls among ties
        // and only the id dedupe keeps them from being lost or read twice.
        var byModified = scope.Hub.Contacts.All().OrderBy(c => c.UpdatedAt).ThenBy(c => long.Parse(c.Id, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var tie = byModified[9_850].UpdatedAt;
        foreach (var contact in byModified.Skip(9_850).Take(300))
        {
            scope.Hub.Contacts.Touch(contact.Id, tie);
        }

        var result = await scope.ReadAsync(scope.PrivateAppConfig(pageSize: 100), "contacts", SyncMode.Incremental);

        var ids = result.Records.Select(r => r.Data["id"]!.ToString()).ToArray();
        Assert.Equal(10_450, ids.Length);
        Assert.Equal(10_450, ids.Distinct().Count());
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public async Task Incremental_FailsNamingTheTimestamp_WhenMoreThanTenThousandShareIt()
    {
        await using var scope = await HubSpotEmulatorScope.StartAsync(new HubSpotEmulatorOptions { Contacts = 10_100, Companies = 0, Deals = 0 });
        var same = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        foreach (var contact in scope.Hub.Contacts.All())
        {
            scope.Hub.Contacts.Touch(contact.Id, same);
        }

        var failure = await Assert.ThrowsAsync<ConnectorInternalException>(() => scope.ReadAsync(scope.PrivateAppConfig(pageSize: 100), "contacts", SyncMode.Incremental));

        Assert.Contains("2024-05-01T12:00:00", failure.Message, StringComparison.Ordinal);
        Assert.Contains("full refresh", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incremental_PicksUpAnUpdate_AfterTheLastCheckpoint_Once()
    {
        await using var scope = await HubSpotEmulatorScope.StartAsync(new HubSpotEmulatorOptions { Contacts = 30, Companies = 0, Deals = 0 });
        var first = await scope.ReadAsync(scope.PrivateAppConfig(), "contacts", SyncMode.Incremental);
        var updated = first.Records[3].Data["id"]!.ToString();
        scope.Hub.Contacts.Update(updated, new Dictionary<string, string?> { ["jobtitle"] = "Chief Sandbox Officer" }, new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero));

        var second = await scope.ReadAsync(scope.PrivateAppConfig(), "contacts", SyncMode.Incremental, first.LastState("contacts"));

        var record = Assert.Single(second.Records);
        Assert.Equal(updated, record.Data["id"]!.ToString());
        Assert.Equal("Chief Sandbox Officer", record.Data["properties"]!["jobtitle"]!.ToString());
    }
}
