using ConnectorHub.Core.Plugins;

namespace ConnectorHub.Core.Connections;

/// <summary>A configured instance of a connector plugin: an account at a source or destination.</summary>
public sealed class Connection
{
    /// <summary>Identity.</summary>
    public Guid Id { get; set; }

    /// <summary>Unique display name.</summary>
    public required string Name { get; set; }

    /// <summary>The plugin it instantiates.</summary>
    public required string PluginId { get; set; }

    /// <summary>Source or destination (the plugin's kind when created).</summary>
    public PluginKind Kind { get; set; }

    /// <summary>Non-secret settings, JSON.</summary>
    public required string Config { get; set; }

    /// <summary>Secret settings, JSON encrypted with Data Protection; null when the connector has no secrets.</summary>
    public string? ProtectedSecrets { get; set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the connection was last checked.</summary>
    public DateTimeOffset? LastCheckAt { get; set; }

    /// <summary>Whether the last check succeeded.</summary>
    public bool? LastCheckSucceeded { get; set; }

    /// <summary>The last check's message.</summary>
    public string? LastCheckMessage { get; set; }
}
