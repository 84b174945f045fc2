using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;
using ConnectorHub.Sdk.Testing.Time;

namespace ConnectorHub.Sdk.Tests.Http;

public sealed class ConnectorHttpClientTests : IAsyncLifetime
{
    private readonly EchoApi _api = new();
    private readonly InstantTimeProvider _time = new InstantTimeProvider();
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(_api);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Send_RetriesServerErrors_WithJitteredBackoff_ThenReturnsTheSuccess()
    {
        _host.Faults.Add(new Fault { StatusCode = 503, Body = "{\"error\":\"busy\"}" }, times: 3);
        using var client = Client();

        var body = await client.GetJsonAsync("items", CancellationToken.None);

        Assert.True(body!["ok"]!.GetValue<bool>());
        Assert.Equal(1, _api.Served);
        Assert.Equal(3, _time.Delays.Count);
        // Jitter makes single delays non-monotonic; each stays positive and under the cap.
        Assert.All(_time.Delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), new ConnectorHttpOptions().MaxDelay));
    }

    [Theory]
    [InlineData("7", 7000)]
    [InlineData("2.5", 2500)]
    public async Task Send_WaitsAsLongAsRetryAfterSays_OnA429(string retryAfter, int expectedMilliseconds)
    {
        _host.Faults.Add(new Fault { StatusCode = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter } });
        using var client = Client();

        await client.GetJsonAsync("items", CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), Assert.Single(_time.Delays));
    }

    [Fact]
    public async Task Send_SurvivesAStormOf429s_WithoutFailing()
    {
        _host.Faults.Add(new Fault { StatusCode = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } }, times: 30);
        using var client = Client();

        await client.GetJsonAsync("items", CancellationToken.None);

        Assert.Equal(30, _time.Delays.Count);
        Assert.Equal(1, _api.Served);
    }

    [Fact]
    public async Task Send_StopsWaitingOutRateLimits_OnceTheNextWaitWouldPassTheTotalAllowed()
    {
        _host.Faults.Add(new Fault { StatusCode = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "20" } }, times: 5);
        using var client = Client(new ConnectorHttpOptions { MaxRateLimitWaitTotal = TimeSpan.FromSeconds(50) });

        await Assert.ThrowsAsync<RateLimitedException>(() => client.GetJsonAsync("items", CancellationToken.None));

        Assert.Equal([TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)], _time.Delays);
        Assert.Equal(3, _host.Faults.Served);
        Assert.Equal(0, _api.Served);
    }

    [Fact]
    public async Task Send_ThrowsAConfigurationError_On401_WithTheCredentialsRedacted()
    {
        _host.Faults.Add(new Fault { StatusCode = 401, Body = "{\"message\":\"bad token\"}" });
        using var client = Client(new ConnectorHttpOptions
        {
            Authenticate = (request, _) =>
            {
                request.Headers.Authorization = new("Bearer", "pat-na1-secret-token");
                return ValueTask.CompletedTask;
            },
        });

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => client.GetJsonAsync("items?access_token=pat-na1-secret-token", CancellationToken.None));

        Assert.Contains("credentials were refused", error.Message, StringComparison.Ordinal);
        Assert.Equal(401, error.FailedRequest!.StatusCode);
        Assert.Equal("***", error.FailedRequest.RequestHeaders["Authorization"]);
        Assert.DoesNotContain("pat-na1-secret-token", error.FailedRequest.Url, StringComparison.Ordinal);
        Assert.Contains("bad token", error.FailedRequest.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RefreshesCredentialsOnceAfterA401_AndRetries()
    {
        _host.Faults.Add(new Fault { StatusCode = 401 });
        var refreshes = 0;
        var token = "expired";
        using var client = Client(new ConnectorHttpOptions
        {
            Authenticate = (request, _) =>
            {
                request.Headers.Authorization = new("Bearer", token);
                return ValueTask.CompletedTask;
            },
            RefreshCredentials = _ =>
            {
                refreshes++;
                token = "fresh";
                return Task.FromResult(true);
            },
        });

        await client.GetJsonAsync("items", CancellationToken.None);

        Assert.Equal(1, refreshes);
        Assert.Equal("Bearer fresh", _api.LastAuthorization);
    }

    [Fact]
    public async Task Send_GivesUpAfterTheRetryBudget_WithATransientError()
    {
        _host.Faults.Add(new Fault { StatusCode = 502 }, times: 10);
        using var client = Client(new ConnectorHttpOptions { MaxTransientRetries = 2 });

        var error = await Assert.ThrowsAsync<TransientException>(() => client.GetJsonAsync("items", CancellationToken.None));

        Assert.Equal(3, _host.Faults.Served);
        Assert.Equal(502, error.FailedRequest!.StatusCode);
    }

    [Fact]
    public async Task Send_TreatsARefusedConnection_AsTransient()
    {
        using var client = new ConnectorHttpClient(Context(), new ConnectorHttpOptions { BaseAddress = new Uri("http://127.0.0.1:1/"), MaxTransientRetries = 1 });

        var error = await Assert.ThrowsAsync<TransientException>(() => client.GetJsonAsync("items", CancellationToken.None));

        Assert.Null(error.FailedRequest!.StatusCode);
    }

    [Fact]
    public async Task Send_UsesTheConnectorsClassification_ForPlatformSpecificThrottling()
    {
        _host.Faults.Add(new Fault { StatusCode = 400, Body = "{\"error\":{\"code\":17}}" });
        using var client = Client(new ConnectorHttpOptions
        {
            Classify = (response, body) => body.Contains("\"code\":17", StringComparison.Ordinal)
                ? new HttpFailure(ErrorCategory.RateLimited, "User request limit reached", TimeSpan.FromMinutes(3))
                : null,
        });

        await client.GetJsonAsync("items", CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(3), Assert.Single(_time.Delays));
    }

    [Fact]
    public async Task Send_ReportsAnUnexpected4xx_AsInternal_WithTheResponseBody()
    {
        _host.Faults.Add(new Fault { StatusCode = 422, Body = "{\"message\":\"limit must be <= 100\"}" });
        using var client = Client();

        var error = await Assert.ThrowsAsync<ConnectorInternalException>(() => client.GetJsonAsync("items", CancellationToken.None));

        Assert.Contains("limit must be <= 100", error.Message, StringComparison.Ordinal);
    }

    private ConnectorHttpClient Client(ConnectorHttpOptions? options = null) =>
        new(Context(), (options ?? new ConnectorHttpOptions()) with { BaseAddress = _host.BaseAddress, SecretValues = ["pat-na1-secret-token"] });

    private ConnectorContext Context() => new() { Config = ConnectorConfig.Empty, Time = _time };
}
