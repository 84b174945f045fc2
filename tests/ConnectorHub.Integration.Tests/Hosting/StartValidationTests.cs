using ConnectorHub.Core.Storage;
using ConnectorHub.Integration.Tests.Support;

namespace ConnectorHub.Integration.Tests.Hosting;

/// <summary>Every settings class is validated at start: a hub with bad settings does not start, and says all that is wrong at once.</summary>
public sealed class StartValidationTests
{
    [Fact]
    public async Task Hub_RefusesToStart_ListingEveryInvalidSetting_WithItsFullKeyAndTheFix()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestHub.StartAsync(StorageProvider.Sqlite, withScheduler: true, settings: new Dictionary<string, string?>
        {
            ["ConnectorHub:Storage:ConnectionString"] = "Data Source=hub.db;Flavour=strawberry",
            ["ConnectorHub:Plugins:ReloadQuietPeriod"] = "00:00:00",
            ["ConnectorHub:Runner:BatchSize"] = "0",
            ["ConnectorHub:Activation:MaxAttempts"] = "0",
            ["ConnectorHub:Tracking:Burst"] = "0",
            ["ConnectorHub:Identity:BatchSize"] = "0",
            ["ConnectorHub:Secrets:KeyCertificatePath"] = "/nowhere/keys.pfx",
            ["ConnectorHub:Scheduling:RecoveryInterval"] = "00:00:07",
            ["ConnectorHub:Segments:StalledRefreshTimeout"] = "00:00:00",
        }));

        var message = error.Message;
        Assert.Contains("ConnectorHub:Storage:ConnectionString is not a valid Sqlite connection string", message, StringComparison.Ordinal);
        Assert.Contains("ConnectorHub:Plugins:ReloadQuietPeriod is 00:00:00; use 00:00:00.010 to 00:10:00", message, StringComparison.Ordinal);
        Assert.Contains("ConnectorHub:Runner:BatchSize is 0; use 1 to 1000000", message, StringComparison.Ordinal);
        Assert.Contains("ConnectorHub:Activation:MaxAttempts is 0; use 1 or more", message, StringComparison.Ordinal);
        Assert.Contains("ConnectorHub:Tracking:Burst is 0; use 1 or more", message, StringComparison.Ordinal);
        Assert.Contains("ConnectorHub:Identity:BatchSize is 0; use 1 to 100000", message, StringComparison.Ordinal);
        Assert.Contains("ConnectorHub:Secrets:KeyCertificatePath '/nowhere/keys.pfx' does not exist", message, StringComparison.Ordinal);
        Assert.Contains("ConnectorHub:Scheduling:RecoveryInterval is 00:00:07; use a whole number of seconds dividing a minute", message, StringComparison.Ordinal);
        Assert.Contains("ConnectorHub:Segments:StalledRefreshTimeout is 00:00:00; use a positive time span", message, StringComparison.Ordinal);
    }
}
