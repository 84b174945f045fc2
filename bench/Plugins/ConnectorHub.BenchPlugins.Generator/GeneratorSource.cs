using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.BenchPlugins.Generator;

/// <summary>Generates <c>count</c> contact-like records (a CRM's shape) on the stream <c>contacts</c>, checkpointing every <c>state_every</c>.</summary>
public sealed class GeneratorSource : ISourceConnector
{
    private static readonly string[] FirstNames = ["Ann", "Bob", "Chloé", "Dmitri", "Eve", "Farah", "Gus", "Hana"];
    private static readonly string[] LastNames = ["Lee", "Okafor", "Müller", "García", "Smith", "Tanaka", "Novak", "Singh"];

    /// <inheritdoc />
    public ConnectorSpec GetSpec() => new()
    {
        ConfigSchema = JsonNode.Parse("""{ "type": "object", "properties": { "count": { "type": "integer" }, "state_every": { "type": "integer" } } }""")!.AsObject(),
    };

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken) => Task.FromResult(CheckResult.Success());

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamDescriptor>>([new StreamDescriptor
        {
            Name = "contacts",
            JsonSchema = new JsonObject { ["type"] = "object" },
            SupportedSyncModes = [SyncMode.FullRefresh, SyncMode.Incremental],
            SourceDefinedCursor = true,
            DefaultCursorField = ["n"],
            PrimaryKey = [["id"]],
        }]);

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var count = context.Config.GetInt32("count", 1000);
        var stateEvery = context.Config.GetInt32("state_every", 1000);
        var start = (request.StateOf("contacts")?["n"]?.GetValue<int>() ?? 0) + 1;
        for (var n = start; n <= count; n++)
        {
            if (n % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }

            yield return new RecordMessage("contacts", Contact(n));
            if (n % stateEvery == 0 || n == count)
            {
                yield return new StateMessage("contacts", new JsonObject { ["n"] = n });
            }
        }
    }

    /// <summary>The n-th contact.</summary>
    public static JsonObject Contact(int n)
    {
        var first = FirstNames[n % FirstNames.Length];
        var last = LastNames[(n / FirstNames.Length) % LastNames.Length];
        var id = n.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = id,
            ["n"] = n,
            ["properties"] = new JsonObject
            {
                ["email"] = $" {first}.{last}{id}@Example.COM ",
                ["firstname"] = $" {first} ",
                ["lastname"] = last,
                ["phone"] = $"(415) 555-{n % 10_000:0000}",
                ["company"] = "Example Inc",
                ["country"] = "United States",
                ["lastmodifieddate"] = "2024-06-01T08:00:00.000Z",
            },
        };
    }
}
