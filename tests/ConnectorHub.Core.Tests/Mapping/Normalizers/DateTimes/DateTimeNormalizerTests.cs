using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Normalizers.DateTimes;

namespace ConnectorHub.Core.Tests.Mapping.Normalizers.DateTimes;

public class DateTimeNormalizerTests
{
    [Theory]
    [InlineData("2024-03-05 14:00", "Europe/London", "2024-03-05T14:00:00+00:00")]
    [InlineData("2024-07-05 14:00", "Europe/London", "2024-07-05T14:00:00+01:00")]
    [InlineData("2024-03-05T14:00:00Z", "America/New_York", "2024-03-05T14:00:00+00:00")]
    [InlineData("2024-06-01T08:00:00.000+0000", "UTC", "2024-06-01T08:00:00+00:00")]
    [InlineData("2024-01-05T10:11:12.345Z", "UTC", "2024-01-05T10:11:12.345+00:00")]
    [InlineData("2024-03-05T15:00:00+01:00", "UTC", "2024-03-05T15:00:00+01:00")]
    [InlineData("2024-03-05", "Europe/Paris", "2024-03-05T00:00:00+01:00")]
    [InlineData("Tue, 05 Mar 2024 14:00:00 GMT", "America/New_York", "2024-03-05T14:00:00+00:00")]
    [InlineData("March 5, 2024 2:00 PM", "America/Los_Angeles", "2024-03-05T14:00:00-08:00")]
    [InlineData("5 March 2024 14:00", "Europe/Berlin", "2024-03-05T14:00:00+01:00")]
    [InlineData("20240305", "UTC", "2024-03-05T00:00:00+00:00")]
    [InlineData("1709647200", "Europe/Paris", "2024-03-05T14:00:00+00:00")]
    [InlineData("1709647200000", "UTC", "2024-03-05T14:00:00+00:00")]
    [InlineData("2024-03-10 02:30", "America/New_York", "2024-03-10T03:30:00-04:00")]
    public void DateTime_WritesIso8601WithOffset_UsingTheZoneForZonelessInputs(string input, string zone, string expected) =>
        Assert.Equal(expected, Normalize.Text("datetime", input, defaults: Normalize.In(zone: zone)));

    [Theory]
    [InlineData("03/05/2024 2:00 PM", "mdy", "America/New_York", "2024-03-05T14:00:00-05:00")]
    [InlineData("05/03/2024 14:00", "dmy", "Europe/Paris", "2024-03-05T14:00:00+01:00")]
    [InlineData("05.03.2024 14:00", "dmy", "Europe/Berlin", "2024-03-05T14:00:00+01:00")]
    [InlineData("25/03/2024", "mdy", "UTC", "2024-03-25T00:00:00+00:00")]
    public void DateTime_ReadsNumericDates_InTheConfiguredOrder(string input, string order, string zone, string expected) =>
        Assert.Equal(expected, Normalize.Text("datetime", input, defaults: Normalize.In(zone: zone, order: Order(order))));

    [Fact]
    public void DateTime_ReadsEpochNumbers_AsSecondsOrMilliseconds()
    {
        Assert.Equal("2024-03-05T14:00:00+00:00", Normalize.Text("datetime", JsonValue.Create(1709647200)));
        Assert.Equal("2024-03-05T14:00:00.5+00:00", Normalize.Text("datetime", JsonValue.Create(1709647200500L)));
    }

    [Fact]
    public void DateTime_ConvertsToUtc_WhenAsked() =>
        Assert.Equal("2024-03-05T14:00:00+00:00", Normalize.Text("datetime", "2024-03-05T15:00:00+01:00", new() { ["utc"] = "true" }));

    [Fact]
    public void DateTime_UsesTheZoneArgument_OverTheMappingDefault() =>
        Assert.Equal("2024-03-05T14:00:00+09:00", Normalize.Text("datetime", "2024-03-05 14:00", new() { [""] = "Asia/Tokyo" }));

    [Theory]
    [InlineData("next tuesday")]
    [InlineData("2024-13-45")]
    [InlineData("31/31/2024")]
    public void DateTime_Fails_ForTextThatIsNotADate(string input) =>
        Assert.Contains("is not a date or time", Normalize.Error("datetime", input), StringComparison.Ordinal);

    [Theory]
    [InlineData("1990-07-04", "mdy", "1990-07-04")]
    [InlineData("07/04/1990", "mdy", "1990-07-04")]
    [InlineData("04.07.1990", "dmy", "1990-07-04")]
    [InlineData("4 Jul 1990", "dmy", "1990-07-04")]
    [InlineData("2024-03-05T23:30:00-05:00", "mdy", "2024-03-05")]
    public void Date_WritesTheCalendarDate(string input, string order, string expected) =>
        Assert.Equal(expected, Normalize.Text("date", input, defaults: Normalize.In(order: Order(order))));

    private static DateOrder Order(string text) => text == "mdy" ? DateOrder.MonthFirst : DateOrder.DayFirst;
}
