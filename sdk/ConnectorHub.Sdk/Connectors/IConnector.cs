namespace ConnectorHub.Sdk.Connectors;

/// <summary>
/// What every connector plugin can do, whatever its kind: describe its configuration and check a configuration
/// against the system it talks to.
/// </summary>
/// <remarks>
/// The host creates the plugin's entry type with its public parameterless constructor and calls it from many
/// threads: keep per-run state in locals or in the objects a call returns, never in fields.
/// </remarks>
public interface IConnector
{
    /// <summary>The connector's configuration spec (a JSON Schema with secret fields marked).</summary>
    ConnectorSpec GetSpec();

    /// <summary>
    /// Checks that <paramref name="context"/>'s configuration can reach the system: credentials work, the account
    /// exists, permissions suffice. Returns a failed result with a message an admin can act on; never throws for
    /// an expected failure.
    /// </summary>
    Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken);
}
