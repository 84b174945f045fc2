using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;

namespace ConnectorHub.Sdk.Testing.Tests.Toys;

/// <summary>A minimal audience destination over <see cref="ToyAudienceEmulator"/>, correct unless built with defects.</summary>
public sealed class ToyDestination(ToyDestinationDefects defects = ToyDestinationDefects.None) : IDestinationConnector
{
    public ConnectorSpec GetSpec() => new()
    {
        ConfigSchema = JsonNode.Parse("""{"type":"object","required":["api_token","base_url"],"properties":{"api_token":{"type":"string","secret":true},"base_url":{"type":"string"}}}""")!.AsObject(),
    };

    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var http = Client(context);
            using var _ = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "ping"), cancellationToken);
            return CheckResult.Success();
        }
        catch (ConnectorException ex)
        {
            return CheckResult.Failure($"The audience API refused the connection: {ex.Message}");
        }
    }

    public DestinationCapabilities GetCapabilities() => new() { MaxBatchSize = 40 };

    public Task<IDestinationWriter> OpenAsync(ConnectorContext context, WriteRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IDestinationWriter>(new Writer(Client(context), request.Stream, defects));

    private static ConnectorHttpClient Client(ConnectorContext context)
    {
        var token = context.Config.GetRequiredString("api_token");
        return new ConnectorHttpClient(context, new ConnectorHttpOptions
        {
            BaseAddress = context.Config.GetUri("base_url"),
            Authenticate = (request, _) =>
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return ValueTask.CompletedTask;
            },
        });
    }

    private sealed class Writer(ConnectorHttpClient http, string audience, ToyDestinationDefects defects) : IDestinationWriter
    {
        public async Task<WriteBatchResult> WriteAsync(IReadOnlyList<DestinationRecord> batch, CancellationToken cancellationToken)
        {
            var size = defects.HasFlag(ToyDestinationDefects.OversizedRequests) ? int.MaxValue : ToyAudienceEmulator.BatchLimit;
            var results = new List<RecordResult>();
            foreach (var chunk in batch.Chunk(size))
            {
                var members = new JsonArray(chunk.Select(r => (JsonNode)new JsonObject
                {
                    ["key"] = defects.HasFlag(ToyDestinationDefects.DuplicatesOnReplay) ? $"{r.Key}-{Guid.NewGuid():N}" : r.Key,
                    ["email"] = r.Data["email"]?.ToString(),
                }).ToArray());
                var answer = await http.SendJsonAsync(HttpMethod.Post, $"audiences/{audience}/members:batch", new JsonObject { ["members"] = members }, cancellationToken);
                var statuses = answer!["results"]!.AsArray();
                for (var i = 0; i < chunk.Length; i++)
                {
                    var status = statuses[i]!;
                    results.Add(status["status"]!.ToString() == "accepted"
                        ? RecordResult.Accepted(chunk[i].Key)
                        : RecordResult.Rejected(chunk[i].Key, defects.HasFlag(ToyDestinationDefects.DropsRejectionReason) ? "rejected" : status["reason"]!.ToString()));
                }
            }

            return new WriteBatchResult(defects.HasFlag(ToyDestinationDefects.LosesAResult) ? results.Skip(1).ToArray() : results);
        }

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync()
        {
            http.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
