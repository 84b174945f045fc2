using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.TestPlugins.Canonical;

/// <summary>
/// Emits the objects of its <c>records</c> setting on the stream <c>people</c>, each keyed by its <c>id</c>, with a
/// checkpoint after each: a test writes canonical envelopes (<c>{"id":"r1","entities":[...]}</c>) into the config and
/// reads what the hub stored.
/// </summary>
public sealed class CanonicalSource : ISourceConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => new()
    {
        ConfigSchema = JsonNode.Parse("""
            {
              "type": "object",
              "properties": {
                "records": { "type": "array", "items": { "type": "object" } }
              }
            }
            """)!.AsObject(),
    };

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken) => Task.FromResult(CheckResult.Success());

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamDescriptor>>([new StreamDescriptor
        {
            Name = "people",
            JsonSchema = new JsonObject { ["type"] = "object" },
            SupportedSyncModes = [SyncMode.FullRefresh, SyncMode.Incremental],
            SourceDefinedCursor = true,
            DefaultCursorField = ["id"],
            PrimaryKey = [["id"]],
        }]);

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var records = context.Config.GetNode("records") as JsonArray ?? [];
        var start = request.StateOf("people")?["i"]?.GetValue<int>() ?? 0;
        for (var i = start; i < records.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new RecordMessage("people", records[i]!.DeepClone().AsObject());
            yield return new StateMessage("people", new JsonObject { ["i"] = i + 1 });
        }

        await Task.CompletedTask;
    }
}
