using ConnectorHub.Host.Dashboard.Schedules;
using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Host.Tests.Dashboard;

public sealed class SchedulePreviewerTests
{
    private static readonly SchedulePreviewer Previewer = new(new FakeTimeProvider(new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Preview_ListsTheNextFiveRuns_InTheSyncsTimeZone_AcrossADaylightSavingChange()
    {
        var preview = Previewer.Preview("0 0 2 * * ?", "Europe/London");

        Assert.Null(preview.Error);
        Assert.Equal("At 02:00, every day.", preview.Description);
        Assert.Equal(5, preview.Next.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 2, 0, 0, TimeSpan.Zero), preview.Next[0]);
        // 29 March 2026: clocks go from 01:00 to 02:00 GMT (BST starts), so 02:00 exists, one hour ahead of UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.FromHours(1)), preview.Next[1]);
        Assert.All(preview.Next, at => Assert.Equal(2, at.Hour));
    }

    [Fact]
    public void Preview_OfNoSchedule_SaysTheSyncRunsOnDemand()
    {
        var preview = Previewer.Preview(" ", null);

        Assert.Null(preview.Error);
        Assert.Empty(preview.Next);
        Assert.Contains("runs only when someone runs it now", preview.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("every day", null, "is not a cron expression")]
    [InlineData("0 0 2 * * ?", "Mars/Olympus", "not a known time zone")]
    public void Preview_ExplainsWhatIsWrong(string cron, string? zone, string error) =>
        Assert.Contains(error, Previewer.Preview(cron, zone).Error, StringComparison.Ordinal);
}
