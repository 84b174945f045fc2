using System.Globalization;
using System.Text;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Profiles;

/// <summary>
/// Where a newest-first page ends: a time and a tie-breaking key, so items with the same time are neither skipped
/// nor repeated. Opaque in URLs (base64url); a plain ISO-8601 time is accepted too and means "strictly before it".
/// </summary>
internal readonly record struct TimelineCursor(DateTimeOffset Time, string Key)
{
    /// <summary>Sorts after every key: a plain time cursor keeps everything at that time out.</summary>
    public const string Before = "";

    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Time.UtcTicks.ToString(CultureInfo.InvariantCulture)}\n{Key}"))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static TimelineCursor? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return new TimelineCursor(time, Before);
        }

        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var newline = decoded.IndexOf('\n', StringComparison.Ordinal);
            return new TimelineCursor(new DateTimeOffset(long.Parse(decoded[..newline], CultureInfo.InvariantCulture), TimeSpan.Zero), decoded[(newline + 1)..]);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new HubValidationException("before", "Use the 'next' cursor of the previous page, or an ISO-8601 time.");
        }
    }
}
