using System.Text.Json.Nodes;
using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Validation;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Tests.Activation;

public sealed class ActivationScheduleTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FiresBetween_IsTrueOnlyWhenAFireTimeFallsInTheWindow()
    {
        var hourly = Activation("0 0 * * * ?");

        Assert.True(ActivationSchedule.FiresBetween(hourly, Nine.AddMinutes(59), Nine.AddHours(1)));
        Assert.False(ActivationSchedule.FiresBetween(hourly, Nine, Nine.AddMinutes(59)));
        Assert.False(ActivationSchedule.FiresBetween(Activation(null), Nine, Nine.AddDays(1)));
    }

    [Fact]
    public void FiresBetween_ReadsTheCronInTheActivationsTimeZone()
    {
        var parisNine = Activation("0 0 9 * * ?", "Europe/Paris");

        Assert.True(ActivationSchedule.FiresBetween(parisNine, Nine.AddMinutes(-90), Nine.AddMinutes(-30))); // 09:00 in Paris is 08:00 UTC in November
        Assert.False(ActivationSchedule.FiresBetween(parisNine, Nine.AddMinutes(-30), Nine.AddMinutes(30)));
    }

    [Fact]
    public void Check_NamesABadCronAndAnUnknownTimeZone()
    {
        var errors = new ValidationErrors();
        ActivationSchedule.Check("every hour", "Mars/Olympus", errors);

        var problem = Assert.Throws<HubValidationException>(errors.ThrowIfAny);
        Assert.Contains("is not a cron expression", problem.Errors["schedule"][0], StringComparison.Ordinal);
        Assert.Contains("not a known time zone", problem.Errors["timeZone"][0], StringComparison.Ordinal);
    }

    private static ActivationView Activation(string? cron, string? zone = null) =>
        new(1, "a", 1, Guid.NewGuid(), DestinationSyncMode.AddRemove, new ActivationMapping(), new JsonObject(), "ads", cron, zone, true, Nine, Nine);
}
