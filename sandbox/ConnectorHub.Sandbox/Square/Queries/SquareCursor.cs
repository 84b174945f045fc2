using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square.Queries;

/// <summary>
/// An opaque page cursor: which query it belongs to (a fingerprint), the sort key of the last record returned
/// (keyset paging, so records changing between pages neither repeat nor vanish), and the end time the first
/// request pinned when the query left it open.
/// </summary>
/// <param name="Fingerprint">A hash of the query; a cursor is only valid with the query that produced it.</param>
/// <param name="LastKey">The sort key of the last record of the previous page.</param>
/// <param name="PinnedEnd">The time an open-ended range was closed at by the first request, if any.</param>
internal sealed record SquareCursor(string Fingerprint, string LastKey, DateTimeOffset? PinnedEnd)
{
    public string Encode()
    {
        var json = new JsonObject { ["f"] = Fingerprint, ["k"] = LastKey, ["e"] = PinnedEnd?.UtcTicks };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor; null when it is not one this emulator wrote.</summary>
    public static SquareCursor? Decode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(padded)))!.AsObject();
            var end = json["e"]?.GetValue<long>();
            return new SquareCursor(json["f"]!.GetValue<string>(), json["k"]!.GetValue<string>(), end is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or System.Text.Json.JsonException or NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>A short hash of the parts that define a query.</summary>
    public static string FingerprintOf(params string?[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..16];
}
