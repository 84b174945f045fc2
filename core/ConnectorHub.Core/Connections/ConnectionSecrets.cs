using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Specs;
using Microsoft.AspNetCore.DataProtection;

namespace ConnectorHub.Core.Connections;

/// <summary>
/// Splits a connection's configuration into plain settings and secrets encrypted with Data Protection (keys in the
/// database, so every node and restart can decrypt), and joins them back for the connector.
/// </summary>
public sealed class ConnectionSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ConnectorHub.Connections.Secrets.v1");

    /// <summary>Stores <paramref name="config"/> on <paramref name="connection"/>: secrets encrypted, the rest in plain JSON.</summary>
    public void Store(Connection connection, ConnectorSpec spec, JsonObject config)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(config);
        var plain = (JsonObject)config.DeepClone();
        var secrets = new JsonObject();
        foreach (var field in ConfigSecrets.SecretFields(spec))
        {
            if (plain[field] is { } value)
            {
                plain.Remove(field);
                secrets[field] = value;
            }
        }

        connection.Config = plain.ToJsonString();
        connection.ProtectedSecrets = secrets.Count == 0 ? null : _protector.Protect(secrets.ToJsonString());
    }

    /// <summary>The connection's full configuration, secrets decrypted.</summary>
    public JsonObject Read(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var config = JsonNode.Parse(connection.Config)!.AsObject();
        if (connection.ProtectedSecrets is { } protectedSecrets)
        {
            foreach (var (field, value) in JsonNode.Parse(_protector.Unprotect(protectedSecrets))!.AsObject())
            {
                config[field] = value?.DeepClone();
            }
        }

        return config;
    }
}
