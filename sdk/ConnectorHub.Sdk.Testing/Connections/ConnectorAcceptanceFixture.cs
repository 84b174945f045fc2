using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Testing.Skipping;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Connections;

/// <summary>
/// What every acceptance fixture supplies, whatever the connector's kind: the emulator it talks to, a good and
/// some bad configurations, and the checks it skips with a stated reason. Start the emulator in
/// <see cref="InitializeAsync"/> and stop it in <see cref="DisposeAsync"/>.
/// </summary>
/// <typeparam name="TCheck">The kind's enumeration of checks.</typeparam>
public abstract class ConnectorAcceptanceFixture<TCheck> : IAsyncLifetime
    where TCheck : struct, Enum
{
    private readonly Dictionary<TCheck, string> _skips = [];

    /// <summary>The running fake API the configurations point at (an <see cref="EmulatorHost"/> or <see cref="WireMockApi"/> stubs).</summary>
    public abstract IEmulatedApi Emulator { get; }

    /// <summary>A configuration that works against <see cref="Emulator"/>.</summary>
    public abstract JsonObject GoodConfig { get; }

    /// <summary>Configurations that must fail the check (wrong token, missing permission, unreachable host, ...).</summary>
    public abstract IReadOnlyList<BadConfig> BadConfigs { get; }

    /// <summary>Config fields whose names look secret but are not (for example <c>access_token_expires_at</c> is not).</summary>
    public virtual IReadOnlyCollection<string> NonSecretFields => [];

    /// <summary>The checks declared skipped, with their reasons.</summary>
    public IReadOnlyDictionary<TCheck, string> SkippedChecks => _skips;

    /// <summary>
    /// The context a check calls the connector with. Override to add what your connector needs; keep
    /// <paramref name="time"/> and <paramref name="updater"/>, which the checks inspect.
    /// </summary>
    public virtual ConnectorContext CreateContext(JsonObject config, TimeProvider time, IConfigUpdater updater) => new()
    {
        Config = new ConnectorConfig(config),
        Time = time,
        ConfigUpdater = updater,
    };

    /// <inheritdoc />
    public abstract Task InitializeAsync();

    /// <inheritdoc />
    public abstract Task DisposeAsync();

    /// <summary>
    /// Fails the check when it was declared skipped without a reason; throws <see cref="CheckSkippedException"/>
    /// (reported as a skip) when it was declared skipped with one.
    /// </summary>
    public void ThrowIfSkipped(TCheck check)
    {
        if (!_skips.TryGetValue(check, out var reason))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            Assert.Fail($"The check {check} is declared skipped without a reason. A skipped check needs a stated reason: Skip({check}, \"why it does not apply\").");
        }

        throw new CheckSkippedException($"{check} skipped by the fixture: {reason}");
    }

    /// <summary>Declares <paramref name="check"/> skipped. A blank <paramref name="reason"/> makes the check fail instead.</summary>
    protected void Skip(TCheck check, string reason) => _skips[check] = reason ?? string.Empty;

    /// <summary>The failure a hook's default implementation throws: the fixture must override it or skip the check.</summary>
    protected static FixtureHookMissingException HookMissing(string hook, TCheck check) => new(hook, check.ToString());
}
