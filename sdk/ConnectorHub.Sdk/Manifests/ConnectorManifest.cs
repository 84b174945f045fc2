using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Streams;

namespace ConnectorHub.Sdk.Manifests;

/// <summary>
/// A <c>connector.yaml</c>, read and checked: the spec, and how to describe the source for a connection's config.
/// Every part maps onto SDK 2's HTTP stream parts (the same options classes a C# connector uses).
/// </summary>
public sealed class ConnectorManifest
{
    internal ConnectorManifest(string file, string platform, Uri? documentationUrl, JsonObject configSchema, Func<JsonObject, HttpSourceBuilder> describe)
    {
        File = file;
        Platform = platform;
        DocumentationUrl = documentationUrl;
        ConfigSchema = configSchema;
        Describe = describe;
    }

    /// <summary>The manifest's file name in a plugin folder.</summary>
    public const string FileName = "connector.yaml";

    /// <summary>The file it was read from.</summary>
    public string File { get; }

    /// <summary>The platform's name.</summary>
    public string Platform { get; }

    /// <summary>Where users read how to configure it.</summary>
    public Uri? DocumentationUrl { get; }

    /// <summary>The JSON Schema of the connection's config (the manifest's <c>spec</c>).</summary>
    public JsonObject ConfigSchema { get; }

    /// <summary>Describes the source for a (validated) config.</summary>
    internal Func<JsonObject, HttpSourceBuilder> Describe { get; }

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="ManifestException">The manifest is malformed: the message names the file, line, column and problem.</exception>
    public static ConnectorManifest Load(string path) => ManifestReader.Read(path);
}
