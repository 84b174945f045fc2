using System.Net.Http.Headers;
using System.Text;

namespace ConnectorHub.Host.Api.Tracking;

/// <summary>Reads a write key from <c>Authorization: Basic base64(writeKey:)</c>, as Segment's clients send it.</summary>
internal static class WriteKeyHeader
{
    /// <summary>The key; null when the header is absent or not Basic; empty when it is Basic but unreadable.</summary>
    public static string? Read(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? string.Empty));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? decoded : decoded[..colon];
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}
