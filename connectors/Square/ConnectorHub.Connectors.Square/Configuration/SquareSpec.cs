using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Connectors.Square.Configuration;

/// <summary>The Square source's configuration spec, read from the embedded <c>config.schema.json</c>.</summary>
internal static class SquareSpec
{
    private const string ResourceName = "ConnectorHub.Connectors.Square.config.schema.json";

    private static readonly Lazy<string> SchemaText = new(() =>
    {
        using var stream = typeof(SquareSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the Square connector assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>A fresh copy of the spec.</summary>
    public static ConnectorSpec Create() => new()
    {
        ConfigSchema = JsonNode.Parse(SchemaText.Value)!.AsObject(),
        DocumentationUrl = new Uri("https://developer.squareup.com/reference/square"),
    };
}
