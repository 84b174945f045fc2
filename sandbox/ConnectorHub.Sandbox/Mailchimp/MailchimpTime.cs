using System.Globalization;

namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>Times as Mailchimp writes them: ISO 8601 with the offset, <c>2024-06-01T08:00:00+00:00</c>.</summary>
internal static class MailchimpTime
{
    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
