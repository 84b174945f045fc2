using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConnectorHub.Connectors.Webhook.Signing;

/// <summary>
/// Signs webhook requests and verifies them, Stripe-style: the signature is the hex HMAC-SHA256, keyed with the
/// signing secret, of <c>"{timestamp}.{body}"</c>, where the timestamp is the request's
/// <see cref="TimestampHeader"/> (Unix seconds) and the body is the exact bytes sent. Signing the timestamp makes a
/// captured request useless after the tolerance window, so it cannot be replayed later.
/// </summary>
/// <example>
/// A receiver checks a request before trusting it:
/// <code>
/// var body = await ReadRawBodyAsync(request); // the exact bytes, before any JSON parsing
/// var ok = WebhookSignature.Verify(secret,
///     request.Headers[WebhookSignature.TimestampHeader], body,
///     request.Headers[WebhookSignature.SignatureHeader], DateTimeOffset.UtcNow);
/// if (!ok) return Results.Unauthorized();
/// </code>
/// </example>
public static class WebhookSignature
{
    /// <summary>The header holding the request's time in Unix seconds.</summary>
    public const string TimestampHeader = "X-ConnectorHub-Timestamp";

    /// <summary>The header holding the signature, <c>sha256=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "X-ConnectorHub-Signature";

    /// <summary>The signature scheme prefix.</summary>
    public const string Scheme = "sha256";

    private static readonly long LatestTimestamp = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>How far a request's timestamp may be from the receiver's clock by default: five minutes either way.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The signature header value, <c>sha256=&lt;hex&gt;</c>, of <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        $"{Scheme}={Convert.ToHexStringLower(Mac(secret, timestamp, body))}";

    /// <summary>The signature header value of a UTF-8 <paramref name="body"/>.</summary>
    public static string Compute(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Compute(secret, timestamp, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>
    /// Whether a request is authentic and fresh: <paramref name="signatureHeader"/> holds a <c>sha256=</c>
    /// signature of <paramref name="body"/> with <paramref name="secret"/> (several, comma-separated, are accepted
    /// while a secret is rotated), and <paramref name="timestampHeader"/> is within <paramref name="tolerance"/>
    /// (default <see cref="DefaultTolerance"/>) of <paramref name="now"/>. Signatures are compared in constant time.
    /// </summary>
    public static bool Verify(string secret, string? timestampHeader, ReadOnlySpan<byte> body, string? signatureHeader, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || timestamp > LatestTimestamp
            || string.IsNullOrEmpty(signatureHeader)
            || (now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > (tolerance ?? DefaultTolerance))
        {
            return false;
        }

        var expected = Mac(secret, timestamp, body);
        var valid = false;
        foreach (var candidate in signatureHeader.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Every candidate is checked, so the time taken does not reveal which one matched.
            valid |= candidate.StartsWith($"{Scheme}=", StringComparison.Ordinal)
                && TryHex(candidate.AsSpan(Scheme.Length + 1), out var actual)
                && CryptographicOperations.FixedTimeEquals(expected, actual);
        }

        return valid;
    }

    /// <summary>Whether a request with a UTF-8 <paramref name="body"/> is authentic and fresh; see the byte overload.</summary>
    public static bool Verify(string secret, string? timestampHeader, string body, string? signatureHeader, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(secret, timestampHeader, Encoding.UTF8.GetBytes(body), signatureHeader, now, tolerance);
    }

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.")));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryHex(ReadOnlySpan<char> hex, out byte[] bytes)
    {
        bytes = new byte[hex.Length / 2];
        return hex.Length == 64 && Convert.FromHexString(hex, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32;
    }
}
