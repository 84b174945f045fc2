using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Preview;

namespace ConnectorHub.Host.Dashboard.Mappings;

/// <summary>The editor's sample records: a JSON array of objects, read with an error that says where it went wrong.</summary>
internal static class SampleText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(IEnumerable<JsonObject> samples) => new JsonArray([.. samples.Select(s => (JsonNode)s.DeepClone())]).ToJsonString(Indented);

    public static (IReadOnlyList<JsonObject> Samples, string? Error) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], null);
        }

        try
        {
            if (JsonNode.Parse(text) is not JsonArray array)
            {
                return ([], "The samples must be a JSON array of records: [ { ... }, { ... } ].");
            }

            return array.Any(r => r is not JsonObject)
                ? ([], "Every sample must be a JSON object (a record as the source emits it).")
                : (array.Take(MappingPreview.MaxSamples).Select(r => (JsonObject)r!.DeepClone()).ToArray(), null);
        }
        catch (JsonException ex)
        {
            return ([], $"The samples are not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}).");
        }
    }
}
