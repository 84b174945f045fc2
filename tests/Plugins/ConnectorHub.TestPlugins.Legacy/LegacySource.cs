using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Http;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.TestPlugins.Legacy;

/// <summary>
/// An SDK 1 source as they were written: a JSON Schema string, config read by getters, and a hand-written page loop
/// over <see cref="ConnectorHttpClient"/>: <c>GET items?page=N</c> answers <c>{"items": [...], "next": N+1 or null}</c>.
/// </summary>
public sealed class LegacySource : ISourceConnector
{
    public ConnectorSpec GetSpec() => new()
    {
        ConfigSchema = JsonNode.Parse("""
        {
          "type": "object",
          "required": ["base_url", "api_token"],
          "properties": {
            "base_url": { "type": "string" },
            "api_token": { "type": "string", "secret": true }
          }
        }
        """)!.AsObject(),
    };

    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        using var http = Client(context);
        await http.GetJsonAsync("items?page=1", cancellationToken);
        return CheckResult.Success();
    }

    public Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamDescriptor>>(
        [
            new StreamDescriptor
            {
                Name = "items",
                JsonSchema = new JsonObject { ["type"] = "object" },
                PrimaryKey = [["id"]],
                ResumableFullRefresh = true,
            },
        ]);

    public async IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var http = Client(context);
        var page = request.StateOf("items")?["page"]?.GetValue<int>() ?? 1;
        while (true)
        {
            var answer = await http.GetJsonAsync($"items?page={page}", cancellationToken);
            foreach (var item in answer?["items"]?.AsArray() ?? [])
            {
                yield return new RecordMessage("items", item!.DeepClone().AsObject());
            }

            if (answer?["next"]?.GetValue<int>() is not { } next)
            {
                yield return new StateMessage("items", new JsonObject());
                yield break;
            }

            page = next;
            yield return new StateMessage("items", new JsonObject { ["page"] = page });
        }
    }

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
            SecretValues = [token],
        });
    }
}
