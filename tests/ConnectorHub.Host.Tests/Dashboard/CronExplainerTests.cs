using ConnectorHub.Host.Dashboard.Schedules;

namespace ConnectorHub.Host.Tests.Dashboard;

public sealed class CronExplainerTests
{
    [Theory]
    [InlineData("0 0 2 * * ?", "At 02:00, every day.")]
    [InlineData("0 */15 * * * ?", "Every 15 minutes, every day.")]
    [InlineData("0 30 9 ? * MON-FRI", "At 09:30, on Monday through Friday.")]
    [InlineData("0 0 * * * ?", "Every hour, every day.")]
    [InlineData("0 0 */6 * * ?", "Every 6 hours, every day.")]
    [InlineData("0 15 * * * ?", "At minute 15 of every hour, every day.")]
    [InlineData("0 0/5 9-17 ? * MON-FRI", "Every 5 minutes, between 09:00 and 17:59, on Monday through Friday.")]
    [InlineData("30 0 6,18 * * ?", "At 06:00:30 and 18:00:30, every day.")]
    [InlineData("0 0 3 1 * ?", "At 03:00, on day 1 of the month.")]
    [InlineData("0 0 3 L * ?", "At 03:00, on the last day of the month.")]
    [InlineData("0 0 8 ? * 5#3", "At 08:00, on the third Friday of the month.")]
    [InlineData("0 8 * * 1-5", "At 08:00, on Monday through Friday.")]
    [InlineData("0 0 8 ? * SUN,SAT", "At 08:00, on Sunday and Saturday.")]
    [InlineData("0 0 12 15W * ?", "At 12:00, on the weekday nearest day 15 of the month.")]
    [InlineData("0 0 0 1 JAN,JUL ?", "At 00:00, on day 1 of the month, in January and July.")]
    [InlineData("* * * * * ?", "Every second, every minute, every day.")]
    public void Describe_SaysWhenTheScheduleFires(string cron, string expected) =>
        Assert.Equal(expected, CronExplainer.Describe(cron));
}
