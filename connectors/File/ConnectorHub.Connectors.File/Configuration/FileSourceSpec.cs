using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Connectors.File.Configuration;

/// <summary>The File source's configuration spec, read from the embedded <c>config.schema.json</c>.</summary>
internal static class FileSourceSpec
{
    private const string ResourceName = "ConnectorHub.Connectors.File.config.schema.json";

    private static readonly Lazy<string> SchemaText = new(ReadSchema);

    /// <summary>A fresh copy of the spec (callers may change it).</summary>
    public static ConnectorSpec Create() => new()
    {
        ConfigSchema = JsonNode.Parse(SchemaText.Value)!.AsObject(),
    };

    private static string ReadSchema()
    {
        using var stream = typeof(FileSourceSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the File connector assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
