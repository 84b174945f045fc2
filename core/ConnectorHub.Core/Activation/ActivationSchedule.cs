using ConnectorHub.Core.Validation;
using Quartz;

namespace ConnectorHub.Core.Activation;

/// <summary>An activation's own schedule: a Quartz cron expression in a time zone.</summary>
internal static class ActivationSchedule
{
    /// <summary>Names what is wrong with <paramref name="cron"/> and <paramref name="timeZone"/>.</summary>
    public static void Check(string? cron, string? timeZone, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(cron) && !CronExpression.TryParse(cron.Trim(), out _))
        {
            errors.Add("schedule", $"'{cron}' is not a Quartz cron expression. Example: 0 0/15 * * * ? (every 15 minutes).");
        }

        if (!string.IsNullOrWhiteSpace(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out _))
        {
            errors.Add("timeZone", $"'{timeZone}' is not a known time zone. Use an IANA id such as Europe/Paris, or leave it empty for UTC.");
        }
    }

    /// <summary>Whether <paramref name="activation"/>'s schedule fires in (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public static bool FiresBetween(ActivationView activation, DateTimeOffset after, DateTimeOffset upTo)
    {
        if (activation.Schedule is null || !CronExpression.TryParse(activation.Schedule, out var cron))
        {
            return false;
        }

        var zone = activation.TimeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(activation.TimeZone);
        return cron!.WithTimeZone(zone).GetNextValidTimeAfter(after) is { } next && next <= upTo;
    }
}
