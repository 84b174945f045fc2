using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Settings;

namespace ConnectorHub.Connectors.Square.Configuration;

/// <summary>The Square source's configuration spec, generated from <see cref="SquareSettings"/>.</summary>
internal static class SquareSpec
{
    /// <summary>A fresh copy of the spec.</summary>
    public static ConnectorSpec Create() => new()
    {
        ConfigSchema = ConnectorSettings.SchemaOf<SquareSettings>(),
        DocumentationUrl = new Uri("https://developer.squareup.com/reference/square"),
    };
}
