using ConnectorHub.Core.Scheduling;

namespace ConnectorHub.Core.Tests.Scheduling;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 2 * * *", "2026-12-08T02:00:00")]
    [InlineData("*/15 * * * *", "2026-12-07T10:15:00")]
    [InlineData("*/30 * * * * *", "2026-12-07T10:00:30")]
    [InlineData("0 0 2 * * ?", "2026-12-08T02:00:00")]
    [InlineData("30 9 * * MON-FRI", "2026-12-08T09:30:00")]
    [InlineData("0 9 * * 0", "2026-12-13T09:00:00")]
    public void Next_ReadsFiveFieldAndSecondsFirstExpressions(string cron, string next)
    {
        Assert.Equal(DateTimeOffset.Parse(next + "Z", System.Globalization.CultureInfo.InvariantCulture), CronSchedule.Next(cron, TimeZoneInfo.Utc, Monday, 1).Single());
    }

    [Theory]
    [InlineData("every day")]
    [InlineData("0 0 2 * * ? 2027")]
    [InlineData("61 * * * *")]
    [InlineData("")]
    public void Problem_NamesTheExpression_AndShowsExamples(string cron)
    {
        Assert.Null(CronSchedule.TryParse(cron));
        Assert.Contains("is not a cron expression", CronSchedule.Problem(cron), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:01", "*/1 * * * * *")]
    [InlineData("00:00:10", "*/10 * * * * *")]
    [InlineData("00:15:00", "0 */15 * * * *")]
    [InlineData("01:00:00", "0 0 */1 * * *")]
    [InlineData("1.00:00:00", "0 0 0 * * *")]
    public void Every_TurnsASweepIntervalIntoCron(string interval, string cron)
    {
        Assert.Equal(cron, CronSchedule.Every(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("00:00:07")]
    [InlineData("00:01:30")]
    [InlineData("00:00:00.500")]
    public void TryEvery_RefusesIntervalsCronCannotRepeatEvenly(string interval)
    {
        Assert.Null(CronSchedule.TryEvery(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0 0 2 * * ?", "0 0 2 * * ?")]
    [InlineData("0 30 9 ? * 2-6", "0 30 9 ? * 1-5")]
    [InlineData("0 0 9 ? * 1,7", "0 0 9 ? * 0,6")]
    [InlineData("0 0 12 ? * 6#3", "0 0 12 ? * 5#3")]
    [InlineData("0 0 12 ? * 2L", "0 0 12 ? * 1L")]
    [InlineData("0 0 12 ? * MON-FRI *", "0 0 12 ? * MON-FRI")]
    [InlineData("0/30 * * * * ?", "0/30 * * * * ?")]
    public void QuartzCron_BecomesTheSameScheduleInTheHubsFormat(string quartz, string hub)
    {
        Assert.Equal(hub, QuartzCron.ToHubCron(quartz));
    }

    [Fact]
    public void QuartzCron_WithAYear_HasNoEquivalent()
    {
        Assert.Null(QuartzCron.ToHubCron("0 0 12 1 1 ? 2027"));
    }
}
