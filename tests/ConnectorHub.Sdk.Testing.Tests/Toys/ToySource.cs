using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Http;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Sdk.Testing.Tests.Toys;

/// <summary>
/// A minimal source over the HubSpot emulator's contacts list (full refresh, resumable by <c>after</c>), correct
/// unless built with <see cref="ToySourceDefects"/>: the kit must pass it as is and fail each defect.
/// </summary>
public sealed class ToySource(ToySourceDefects defects = ToySourceDefects.None) : ISourceConnector
{
    public const string Stream = "contacts";

    public ConnectorSpec GetSpec() => new()
    {
        ConfigSchema = JsonNode.Parse($$"""
        {
          "type": "object",
          "required": ["api_token", "base_url"],
          "properties": {
            "api_token": { "type": "string", "secret": {{(Has(ToySourceDefects.UnmarkedSecret) ? "false" : "true")}} },
            "base_url": { "type": "string" },
            "page_size": { "type": "integer" }
          }
        }
        """)!.AsObject(),
    };

    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        if (Has(ToySourceDefects.CheckAlwaysSucceeds))
        {
            return CheckResult.Success();
        }

        try
        {
            using var http = Client(context);
            await http.GetJsonAsync("crm/v3/objects/contacts?limit=1", cancellationToken);
            return CheckResult.Success();
        }
        catch (ConnectorException ex)
        {
            return CheckResult.Failure($"The contacts API refused the connection: {ex.Message}");
        }
    }

    public Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamDescriptor>>([new StreamDescriptor
        {
            Name = Stream,
            JsonSchema = JsonNode.Parse($$"""
            {
              "type": "object",
              "required": ["id", "properties", "updatedAt"],
              "properties": {
                "id": { "type": "{{(Has(ToySourceDefects.SchemaMismatch) ? "integer" : "string")}}" },
                "properties": { "type": "object" },
                "updatedAt": { "type": "string" }
              }
            }
            """)!.AsObject(),
            PrimaryKey = [[Has(ToySourceDefects.PrimaryKeyNotInSchema) ? "uid" : "id"]],
            ResumableFullRefresh = true,
        }]);

    public async IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var http = Client(context);
        var pageSize = context.Config.GetInt32("page_size", 10);
        var after = request.StateOf(Stream)?["after"]?.ToString();
        var seen = new HashSet<string>();
        var buffered = new List<JsonObject>();
        while (true)
        {
            var page = (await GetAsync(http, context, $"crm/v3/objects/contacts?limit={pageSize}" + (after is null ? string.Empty : $"&after={after}"), cancellationToken))!;
            var results = page["results"]!.AsArray();
            var items = results.OfType<JsonObject>().ToArray();
            results.Clear();
            var next = page["paging"]?["next"]?["after"]?.ToString();
            if (!Has(ToySourceDefects.NoPagingGuard) && next is not null && (!seen.Add(next) || items.Length == 0))
            {
                throw new ConnectorInternalException($"Stream '{Stream}': the API repeated cursor {next} or answered an empty page with a next link.");
            }

            if (Has(ToySourceDefects.CheckpointAheadOfRecords) && next is not null)
            {
                yield return new StateMessage(Stream, new JsonObject { ["after"] = next });
            }

            foreach (var item in items)
            {
                if (Has(ToySourceDefects.BuffersWholeStream))
                {
                    buffered.Add(item);
                }
                else
                {
                    yield return new RecordMessage(Stream, item);
                }
            }

            if (next is null)
            {
                break;
            }

            after = next;
            if (!Has(ToySourceDefects.CheckpointAheadOfRecords) && !Has(ToySourceDefects.BuffersWholeStream))
            {
                yield return new StateMessage(Stream, new JsonObject { ["after"] = after });
            }
        }

        foreach (var item in buffered)
        {
            yield return new RecordMessage(Stream, item);
        }

        yield return new StateMessage(Stream, new JsonObject());
    }

    private bool Has(ToySourceDefects defect) => defects.HasFlag(defect);

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

    private async Task<JsonNode?> GetAsync(ConnectorHttpClient http, ConnectorContext context, string uri, CancellationToken cancellationToken)
    {
        if (!Has(ToySourceDefects.NoRateLimitRetry))
        {
            return await http.GetJsonAsync(uri, cancellationToken);
        }

        // The defect: a bare HttpClient that treats a 429 as a failure.
        using var raw = new HttpClient { BaseAddress = context.Config.GetUri("base_url") };
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.Config.GetRequiredString("api_token"));
        using var response = await raw.SendAsync(message, cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))
            : throw new ConnectorInternalException($"{uri} answered {(int)response.StatusCode}.");
    }
}
