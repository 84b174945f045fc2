using System.Globalization;

namespace ConnectorHub.Sdk.Http;

/// <summary>Reads a Retry-After header: delta seconds (integer or decimal, as Shopify sends) or an HTTP date.</summary>
public static class RetryAfterHeader
{
    /// <summary>The wait the response asks for, or null when it does not say.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - (time ?? TimeProvider.System).GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        // Decimal seconds ("2.0") are not valid for the typed header, so read the raw value too.
        if (response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }
}
