using System.Text.Json.Serialization;

namespace ConnectorHub.Core.Plugins;

/// <summary>A plugin's <c>plugin.json</c>: who it is, what it is and what it may reach.</summary>
public sealed record PluginManifest
{
    /// <summary>The manifest's file name in every plugin folder.</summary>
    public const string FileName = "plugin.json";

    /// <summary>Unique id, lower case (for example <c>hubspot</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>The plugin's own version (semantic).</summary>
    public required string Version { get; init; }

    /// <summary>Source or destination.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PluginKind>))]
    public required PluginKind Kind { get; init; }

    /// <summary>
    /// The assembly file that holds the entry type, relative to the plugin folder; null for a manifest-only source,
    /// whose folder holds a <c>connector.yaml</c> and no assembly.
    /// </summary>
    public string? Assembly { get; init; }

    /// <summary>The full name of the class implementing the connector contract (null with <see cref="Assembly"/>).</summary>
    public string? EntryType { get; init; }

    /// <summary>Whether the plugin is a manifest-only source (a <c>connector.yaml</c>, no assembly).</summary>
    [JsonIgnore]
    public bool IsManifestOnly => Assembly is null;

    /// <summary>The SDK version the plugin was built for; its major version must match the host's.</summary>
    public required string SdkVersion { get; init; }

    /// <summary>Hosts the plugin may call (<c>api.hubapi.com</c>, <c>*.api.mailchimp.com</c>, or <c>*</c> for user-given URLs).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>One-line description for the dashboard.</summary>
    public string? Description { get; init; }
}
