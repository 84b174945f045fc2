using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Specs;
using ConnectorHub.Sdk.Testing.Configs;
using ConnectorHub.Sdk.Testing.Specs;
using ConnectorHub.Sdk.Testing.Time;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Connections;

/// <summary>The checks every connector kind shares: a sound spec, and a connection check that tells good from bad.</summary>
public static class ConnectionChecks
{
    /// <summary>The spec is a valid JSON Schema with every secret-looking field marked secret.</summary>
    public static void SpecIsSound<TCheck>(IConnector connector, ConnectorAcceptanceFixture<TCheck> fixture)
        where TCheck : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(fixture);
        var problems = SpecRules.Problems(connector.GetSpec(), fixture.NonSecretFields);
        if (problems.Count > 0)
        {
            Assert.Fail($"{connector.GetType().Name}.GetSpec() has {problems.Count} problem(s):\n- {string.Join("\n- ", problems)}");
        }

        var good = ConfigProblems(connector.GetSpec(), fixture.GoodConfig);
        if (good.Count > 0)
        {
            Assert.Fail($"The fixture's GoodConfig does not match the spec:\n- {string.Join("\n- ", good)}");
        }
    }

    /// <summary>The check succeeds on the good configuration.</summary>
    public static async Task CheckSucceedsAsync<TCheck>(IConnector connector, ConnectorAcceptanceFixture<TCheck> fixture, CancellationToken cancellationToken = default)
        where TCheck : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(fixture);
        var result = await CheckAsync(connector, fixture, fixture.GoodConfig, "the good config", cancellationToken);
        Assert.True(result.Succeeded, $"CheckAsync failed on the fixture's good config: {result.Message}");
    }

    /// <summary>The check fails on every bad configuration, with a message that helps and leaks no secret.</summary>
    public static async Task CheckFailsUsefullyAsync<TCheck>(IConnector connector, ConnectorAcceptanceFixture<TCheck> fixture, CancellationToken cancellationToken = default)
        where TCheck : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(fixture);
        Assert.True(fixture.BadConfigs.Count > 0, "The fixture supplies no BadConfigs: give at least one configuration that must fail (a wrong token, say).");
        var problems = new List<string>();
        foreach (var bad in fixture.BadConfigs)
        {
            var result = await CheckAsync(connector, fixture, bad.Config, $"bad config '{bad.Description}'", cancellationToken);
            var message = result.Message ?? string.Empty;
            var secrets = ConfigSecrets.SecretValues(connector.GetSpec(), bad.Config).Concat(ConfigSecrets.SecretValues(connector.GetSpec(), fixture.GoodConfig));
            if (result.Succeeded)
            {
                problems.Add($"'{bad.Description}': the check succeeded; it must fail.");
            }
            else if (message.Trim().Length < 15)
            {
                problems.Add($"'{bad.Description}': the failure message '{message}' is too short to tell an admin what to fix.");
            }
            else if (bad.MessageContains is { } expected && !message.Contains(expected, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"'{bad.Description}': the failure message should mention '{expected}'; it says: {message}");
            }
            else if (secrets.FirstOrDefault(s => s.Length >= 4 && message.Contains(s, StringComparison.Ordinal)) is { } leaked)
            {
                problems.Add($"'{bad.Description}': the failure message shows a secret value ({leaked[..2]}…); messages reach the dashboard and logs.");
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"CheckAsync on bad configs:\n- {string.Join("\n- ", problems)}");
        }
    }

    private static async Task<CheckResult> CheckAsync<TCheck>(IConnector connector, ConnectorAcceptanceFixture<TCheck> fixture, System.Text.Json.Nodes.JsonObject config, string what, CancellationToken cancellationToken)
        where TCheck : struct, Enum
    {
        var context = fixture.CreateContext(config, new InstantTimeProvider(), new RecordingConfigUpdater());
        try
        {
            return await connector.CheckAsync(context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Assert.Fail($"CheckAsync threw on {what} ({ex.GetType().Name}: {ex.Message}). It must return CheckResult.Failure with a message for an expected failure, not throw.");
            throw;
        }
    }

    private static List<string> ConfigProblems(ConnectorSpec spec, System.Text.Json.Nodes.JsonObject config)
    {
        try
        {
            return Schemas.JsonSchemaValidator.FromJson(spec.ConfigSchema).Validate(config).Select(v => v.ToString()).ToList();
        }
        catch (ArgumentException)
        {
            return []; // Reported by the spec rules already.
        }
    }
}
