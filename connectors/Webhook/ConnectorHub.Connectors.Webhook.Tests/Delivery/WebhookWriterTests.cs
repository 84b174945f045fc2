using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Webhook.Signing;
using ConnectorHub.Connectors.Webhook.Tests.Receiving;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Webhook.Tests.Delivery;

public sealed class WebhookWriterTests : IAsyncLifetime
{
    private readonly WebhookTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task Write_PostsSignedBatchesOfBatchSize_ThatTheReceiverVerifies()
    {
        var records = new[]
        {
            new DestinationRecord("a", RecordOperation.Upsert, new JsonObject { ["email"] = "a@example.com", ["traits"] = new JsonObject { ["plan"] = "pro" } }),
            new DestinationRecord("b", RecordOperation.Delete, new JsonObject()),
            new DestinationRecord("c", RecordOperation.Add, new JsonObject { ["email"] = "c@example.com" }),
        };
        var config = _bed.Config(new JsonObject
        {
            ["batch_size"] = 2,
            ["headers"] = new JsonObject { ["X-Tenant"] = "eu-1" },
            ["secret_headers"] = new JsonObject { ["Authorization"] = "Bearer t0ken-value" },
        });

        var result = await _bed.WriteAsync(records, config);

        Assert.Equal(["a", "b", "c"], result.Results.Select(r => r.Key));
        Assert.All(result.Results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        var requests = _bed.Receiver.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.True(r.SignatureValid));
        Assert.Equal([["a", "b"], ["c"]], requests.Select(r => r.Keys));

        var first = requests[0];
        Assert.Equal("profiles", first.Body["stream"]!.GetValue<string>());
        Assert.Equal(first.Headers["Idempotency-Key"], first.Body["batch_id"]!.GetValue<string>());
        Assert.Equal("2026-01-15T09:30:00.000Z", first.Body["sent_at"]!.GetValue<string>());
        Assert.Equal(_bed.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), first.Headers[WebhookSignature.TimestampHeader]);
        Assert.StartsWith("sha256=", first.Headers[WebhookSignature.SignatureHeader], StringComparison.Ordinal);
        Assert.Equal("""{"key":"a","operation":"upsert","data":{"email":"a@example.com","traits":{"plan":"pro"}}}""", first.Body["records"]![0]!.ToJsonString());
        Assert.Equal("delete", first.Body["records"]![1]!["operation"]!.GetValue<string>());
        Assert.Equal("eu-1", first.Headers["X-Tenant"]);
        Assert.Equal("Bearer t0ken-value", first.Headers["Authorization"]);
        Assert.NotEqual(requests[0].Body["batch_id"]!.ToJsonString(), requests[1].Body["batch_id"]!.ToJsonString());
    }

    [Fact]
    public async Task Write_503ThenSuccess_RetriesTheSameBatchAndDeliversItOnce()
    {
        _bed.Receiver.Then(503, """{"error":"deploying"}""");

        var result = await _bed.WriteAsync(WebhookTestBed.Records("a", "b"));

        Assert.All(result.Results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        var requests = _bed.Receiver.Requests.ToList();
        Assert.Equal([503, 200], requests.Select(r => r.Status));
        Assert.Single(_bed.Receiver.Delivered);
        Assert.Equal(requests[0].Headers["Idempotency-Key"], requests[1].Headers["Idempotency-Key"]);
        Assert.Single(_bed.Clock.Delays);
    }

    [Fact]
    public async Task Write_429WithRetryAfter_WaitsAsAskedAndSignsTheRetryAfresh()
    {
        _bed.Receiver.Then(429, """{"error":"slow down"}""", ("Retry-After", "30"));

        var result = await _bed.WriteAsync(WebhookTestBed.Records("a"));

        Assert.Equal(RecordOutcome.Accepted, Assert.Single(result.Results).Outcome);
        Assert.Equal([TimeSpan.FromSeconds(30)], _bed.Clock.Delays);
        var requests = _bed.Receiver.Requests.ToList();
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        var firstStamp = long.Parse(requests[0].Headers[WebhookSignature.TimestampHeader], CultureInfo.InvariantCulture);
        var retryStamp = long.Parse(requests[1].Headers[WebhookSignature.TimestampHeader], CultureInfo.InvariantCulture);
        Assert.Equal(30, retryStamp - firstStamp);
        Assert.True(requests[1].SignatureValid);
    }

    [Fact]
    public async Task Write_SameBatchTwice_IsAppliedOnceByAReceiverThatHonoursTheIdempotencyKey()
    {
        var records = WebhookTestBed.Records("a", "b");

        await _bed.WriteAsync(records);
        await _bed.WriteAsync(records);

        Assert.Equal(2, _bed.Receiver.Delivered.Count);
        Assert.Equal(1, _bed.Receiver.Store.AppliedBatches);
        Assert.Equal(2, _bed.Receiver.Store.Count("profiles"));
    }

    [Fact]
    public async Task Write_401_ThrowsAConfigurationErrorNamingTheSettings()
    {
        _bed.Receiver.Then(401, """{"error":"unknown api key"}""");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => _bed.WriteAsync(WebhookTestBed.Records("a")));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown api key", error.Message, StringComparison.Ordinal);
        Assert.Contains("signing_secret", error.Message, StringComparison.Ordinal);
        Assert.Single(_bed.Receiver.Requests);
    }

    [Fact]
    public async Task Write_WrongSigningSecret_IsRefusedByTheReceiverAsAConfigurationError()
    {
        var config = _bed.Config(new JsonObject { ["signing_secret"] = "not-the-receivers-secret" });

        await Assert.ThrowsAsync<ConfigurationException>(() => _bed.WriteAsync(WebhookTestBed.Records("a"), config));

        Assert.False(Assert.Single(_bed.Receiver.Requests).SignatureValid);
    }

    [Fact]
    public async Task Write_PerRecordResults_AreHonoured()
    {
        _bed.Receiver.Then(200, """
            {"results":[
              {"key":"a","status":"accepted"},
              {"key":"b","status":"rejected","reason":"invalid email"},
              {"key":"c","status":"retry","reason":"profile locked"}
            ]}
            """);

        var result = await _bed.WriteAsync(WebhookTestBed.Records("a", "b", "c", "d"));

        Assert.Equal(
            [("a", RecordOutcome.Accepted, null), ("b", RecordOutcome.Rejected, "invalid email"), ("c", RecordOutcome.Retry, "profile locked"), ("d", RecordOutcome.Accepted, null)],
            result.Results.Select(r => (r.Key, r.Outcome, r.Reason)));
    }

    [Fact]
    public async Task Write_400_RejectsTheBatchRecordsWithTheReceiversReason()
    {
        _bed.Receiver.Then(400, """{"error":{"message":"field 'email' is required"}}""");

        var result = await _bed.WriteAsync(WebhookTestBed.Records("a", "b"));

        Assert.All(result.Results, r =>
        {
            Assert.Equal(RecordOutcome.Rejected, r.Outcome);
            Assert.Contains("400", r.Reason, StringComparison.Ordinal);
            Assert.Contains("field 'email' is required", r.Reason, StringComparison.Ordinal);
        });
        Assert.Single(_bed.Receiver.Requests);
    }

    [Fact]
    public async Task Write_413_SplitsTheBatchUntilThePiecesFit()
    {
        _bed.Receiver.Then(413, """{"error":"body too large"}""");

        var result = await _bed.WriteAsync(WebhookTestBed.Records("a", "b", "c", "d"));

        Assert.All(result.Results, r => Assert.Equal(RecordOutcome.Accepted, r.Outcome));
        Assert.Equal([["a", "b", "c", "d"], ["a", "b"], ["c", "d"]], _bed.Receiver.Requests.Select(r => r.Keys));
    }

    [Fact]
    public async Task Write_404_ThrowsAConfigurationErrorAboutTheUrl()
    {
        var config = _bed.Config();
        config["url"] = new Uri(_bed.Url, "/nowhere").ToString();

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => _bed.WriteAsync(WebhookTestBed.Records("a"), config));

        Assert.Contains("'url'", error.Message, StringComparison.Ordinal);
    }
}
