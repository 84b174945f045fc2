using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Connectors.Webhook.Configuration;

/// <summary>The Webhook destination's configuration spec, read from the embedded <c>config.schema.json</c>.</summary>
internal static class WebhookSpec
{
    private const string ResourceName = "ConnectorHub.Connectors.Webhook.config.schema.json";

    private static readonly Lazy<string> SchemaText = new(ReadSchema);

    /// <summary>A fresh copy of the spec (callers may change it).</summary>
    public static ConnectorSpec Create() => new()
    {
        ConfigSchema = JsonNode.Parse(SchemaText.Value)!.AsObject(),
    };

    private static string ReadSchema()
    {
        using var stream = typeof(WebhookSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the Webhook connector assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
