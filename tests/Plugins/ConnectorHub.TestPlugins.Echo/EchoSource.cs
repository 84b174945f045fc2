using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.TestPlugins.Echo;

/// <summary>Emits <c>count</c> numbered records on one stream, with a checkpoint after each.</summary>
public sealed class EchoSource : ISourceConnector
{
    private static readonly JsonObject RecordSchema = new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject { ["n"] = new JsonObject { ["type"] = "integer" } },
    };

    /// <inheritdoc />
    public ConnectorSpec GetSpec() => new()
    {
        ConfigSchema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["count"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                ["token"] = new JsonObject { ["type"] = "string", ["secret"] = true },
            },
        },
    };

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CheckResult.Success());

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamDescriptor>>([new StreamDescriptor { Name = "numbers", JsonSchema = (JsonObject)RecordSchema.DeepClone() }]);

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = context.Config.GetInt32("count", 3);
        for (var n = 1; n <= count; n++)
        {
            await Task.Yield();
            yield return new RecordMessage("numbers", new JsonObject { ["n"] = n });
            yield return new StateMessage("numbers", new JsonObject { ["n"] = n });
        }
    }
}

/// <summary>A class that is not a connector, for the "wrong entry type" refusal.</summary>
public sealed class NotAConnector;
