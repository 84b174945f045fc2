using System.Text.Json.Nodes;

namespace ConnectorHub.Sdk.Connectors;

/// <summary>
/// Describes a connector's configuration: a JSON Schema (draft-07) for the config object, in which every secret
/// field carries <c>"secret": true</c> so the host encrypts it at rest, masks it in the API and never logs it.
/// </summary>
public sealed record ConnectorSpec
{
    /// <summary>The JSON Schema of the connector's configuration object.</summary>
    public required JsonObject ConfigSchema { get; init; }

    /// <summary>Where users read how to configure the connector.</summary>
    public Uri? DocumentationUrl { get; init; }

    /// <summary>The keyword that marks a property of <see cref="ConfigSchema"/> as secret.</summary>
    public const string SecretKeyword = "secret";
}
