using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Meta.CustomAudiences;

/// <summary>
/// Checks each row of an upload as Meta does: hashed keys must be 64-character lowercase SHA-256 hex, MADID a
/// lower-case UUID, and a row needs at least one value. Invalid rows are counted and sampled, never applied.
/// </summary>
internal static class RowCheck
{
    public sealed record Result(IReadOnlyList<IReadOnlyDictionary<string, string>> Valid, int Invalid, JsonObject Samples);

    public static Result Check(UsersUpload upload, Func<string, bool> isRejected, int maxSamples)
    {
        var valid = new List<IReadOnlyDictionary<string, string>>();
        var samples = new JsonObject();
        var invalid = 0;
        foreach (var entry in upload.Data)
        {
            var row = ReadRow(upload, entry, isRejected, samples, maxSamples);
            if (row is null)
            {
                invalid++;
            }
            else
            {
                valid.Add(row);
            }
        }

        return new Result(valid, invalid, samples);
    }

    private static Dictionary<string, string>? ReadRow(UsersUpload upload, JsonNode? entry, Func<string, bool> isRejected, JsonObject samples, int maxSamples)
    {
        JsonNode?[] cells = upload.SingleKey ? [entry] : entry is JsonArray array ? array.ToArray() : [];
        if (cells.Length != upload.Schema.Count)
        {
            return null;
        }

        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < cells.Length; i++)
        {
            var key = upload.Schema[i];
            if (MatchKeys.IsOption(key))
            {
                continue;
            }

            if (cells[i] is not JsonValue cell || cell.GetValueKind() != JsonValueKind.String)
            {
                ok &= cells[i] is null;
                continue;
            }

            var value = cell.GetValue<string>();
            if (value.Length == 0)
            {
                continue;
            }

            if (!MatchKeys.IsValidValue(key, value) || isRejected(value))
            {
                ok = false;
                if (samples.Count < maxSamples)
                {
                    samples[value] = key;
                }

                continue;
            }

            row[MatchKeys.Canonical(key)] = value;
        }

        return ok && row.Count > 0 ? row : null;
    }
}
