using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Square.Tests.Support;
using ConnectorHub.Sandbox.Square;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square.Tests.Api;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private SquareSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SquareSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task ARefusedToken_StopsTheRead_WithAConfigurationErrorSayingWhatToDo()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() =>
            _sandbox.ReadAsync(SyncMode.FullRefresh, config: _sandbox.Config(token: "EAAA-revoked"), streams: "customers"));

        Assert.Contains("UNAUTHORIZED", error.Message, StringComparison.Ordinal);
        Assert.Contains("'access_token'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("EAAA-revoked", error.FailedRequest!.RequestHeaders["Authorization"], StringComparison.Ordinal);
        Assert.Equal(401, error.FailedRequest.StatusCode);
    }

    [Fact]
    public async Task ATokenRevokedMidRead_IsAConfigurationError()
    {
        _sandbox.Host.Faults.Add(SquareFaults.Unauthorized("/v2/payments"));

        await Assert.ThrowsAsync<ConfigurationException>(() => _sandbox.ReadAsync(SyncMode.FullRefresh));
    }

    [Fact]
    public async Task Check_SucceedsWithAGoodToken_AndFailsClearlyWithABadOne()
    {
        var good = await _sandbox.Source.CheckAsync(_sandbox.Context(), CancellationToken.None);
        var bad = await _sandbox.Source.CheckAsync(_sandbox.Context(_sandbox.Config(token: "EAAA-wrong")), CancellationToken.None);
        var missing = await _sandbox.Source.CheckAsync(_sandbox.Context(new JsonObject { ["base_url"] = _sandbox.Host.BaseAddress.ToString() }), CancellationToken.None);

        Assert.True(good.Succeeded, good.Message);
        Assert.Contains("12 location", good.Message, StringComparison.Ordinal);
        Assert.False(bad.Succeeded);
        Assert.Contains("access token", bad.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(missing.Succeeded);
        Assert.Contains("'access_token'", missing.Message, StringComparison.Ordinal);
        Assert.Contains(_sandbox.Emulator.Requests, r => r.Path == "/v2/locations");
    }

    [Fact]
    public async Task OAuth_RefreshesAnExpiredToken_AndPersistsTheRotatedRefreshToken()
    {
        _sandbox.Clock.Advance(_sandbox.Time.GetUtcNow() - _sandbox.Clock.GetUtcNow());
        _sandbox.Emulator.RegisterOAuthClient("sq0idp-app", "sq0csp-secret", "EQAA-first");
        _sandbox.Emulator.RotateRefreshTokens = true;
        var config = _sandbox.Config(token: "EAAA-expired");
        config["client_id"] = "sq0idp-app";
        config["client_secret"] = "sq0csp-secret";
        config["refresh_token"] = "EQAA-first";

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, config: config, streams: "customers");

        Assert.Equal(_sandbox.Emulator.Customers.Count, result.Ids("customers").Count);
        Assert.Equal(1, _sandbox.Emulator.TokensIssued);
        var saved = Assert.Single(_sandbox.ConfigUpdates.Persisted);
        Assert.NotEqual("EQAA-first", saved.GetString("refresh_token"));
        Assert.True(_sandbox.Emulator.RefreshTokens.ContainsKey(saved.GetString("refresh_token")!));
        Assert.True(_sandbox.Emulator.AccessTokens.ContainsKey(saved.GetString("access_token")!));
        Assert.StartsWith(_sandbox.Time.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), saved.GetString("access_token_expires_at"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuth_WhenSquaresClockDisagreesWithOurs_RefreshesOnce_NotBeforeEveryRequest()
    {
        _sandbox.Emulator.RegisterOAuthClient("sq0idp-app", "sq0csp-secret", "EQAA-first");
        var config = _sandbox.Config(token: "EAAA-expired", pageSize: 10);
        config["client_id"] = "sq0idp-app";
        config["client_secret"] = "sq0csp-secret";
        config["refresh_token"] = "EQAA-first";

        var result = await _sandbox.ReadAsync(SyncMode.FullRefresh, config: config, streams: "customers");

        Assert.Equal(_sandbox.Emulator.Customers.Count, result.Ids("customers").Count);
        Assert.Equal(1, _sandbox.Emulator.TokensIssued);
    }

    [Fact]
    public async Task OAuth_WithARevokedRefreshToken_IsAConfigurationError()
    {
        _sandbox.Emulator.RegisterOAuthClient("sq0idp-app", "sq0csp-secret", "EQAA-valid");
        var config = _sandbox.Config(token: "EAAA-expired");
        config["client_id"] = "sq0idp-app";
        config["client_secret"] = "sq0csp-secret";
        config["refresh_token"] = "EQAA-revoked";

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => _sandbox.ReadAsync(SyncMode.FullRefresh, config: config, streams: "customers"));

        Assert.Contains("Reconnect", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sq0csp-secret", error.FailedRequest?.RequestBody ?? string.Empty, StringComparison.Ordinal);
    }
}
