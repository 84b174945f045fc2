using ConnectorHub.Core.Scheduling;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Activation;

/// <summary>An activation's own schedule: a cron expression (<see cref="CronSchedule"/>) in a time zone.</summary>
internal static class ActivationSchedule
{
    /// <summary>Names what is wrong with <paramref name="cron"/> and <paramref name="timeZone"/>.</summary>
    public static void Check(string? cron, string? timeZone, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(cron) && CronSchedule.Problem(cron.Trim()) is { } problem)
        {
            errors.Add("schedule", problem);
        }

        if (!string.IsNullOrWhiteSpace(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out _))
        {
            errors.Add("timeZone", $"'{timeZone}' is not a known time zone. Use an IANA id such as Europe/Paris, or leave it empty for UTC.");
        }
    }

    /// <summary>Whether <paramref name="activation"/>'s schedule fires in (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public static bool FiresBetween(ActivationView activation, DateTimeOffset after, DateTimeOffset upTo)
    {
        if (CronSchedule.TryParse(activation.Schedule) is not { } cron)
        {
            return false;
        }

        var zone = activation.TimeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(activation.TimeZone);
        return cron.GetNextOccurrence(after, zone) is { } next && next <= upTo;
    }
}
