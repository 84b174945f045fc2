using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.TestPlugins.Echo;

/// <summary>
/// Emits <c>count</c> numbered records <c>{"id":"n-1","n":1}</c> on the stream <c>numbers</c>, with a checkpoint
/// <c>{"n":k}</c> every <c>state_every</c> records, resuming after the checkpoint it is given. Settings script the
/// failures the runner must survive: a transient failure once at a record, a configuration failure, rejected and
/// key-less records, a per-record delay for cancel and crash tests, and a pause at a record until a file appears
/// (<c>pause_at</c>, <c>resume_file</c>) for tests that act while a run is in flight. With <c>emit_version</c>
/// every record carries <c>plugin_version</c>, the version of the build that read it (the hot reload tests load two).
/// </summary>
public sealed class EchoSource : ISourceConnector
{
    private static readonly JsonObject RecordSchema = new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string" },
            ["n"] = new JsonObject { ["type"] = "integer" },
        },
    };

    /// <inheritdoc />
    public ConnectorSpec GetSpec() => new()
    {
        ConfigSchema = JsonNode.Parse("""
            {
              "type": "object",
              "properties": {
                "count": { "type": "integer", "minimum": 0 },
                "state_every": { "type": "integer", "minimum": 1 },
                "fail_once_at": { "type": "integer", "description": "Throw a transient error at this record, once (remembered in marker_file)." },
                "marker_file": { "type": "string" },
                "fail_with_config": { "type": "boolean" },
                "reject_at": { "type": "array", "items": { "type": "integer" } },
                "missing_key_at": { "type": "array", "items": { "type": "integer" } },
                "delay_ms": { "type": "integer", "minimum": 0 },
                "pause_at": { "type": "integer", "description": "Before this record, write '{resume_file}.waiting' and wait until resume_file exists." },
                "resume_file": { "type": "string" },
                "emit_version": { "type": "boolean" },
                "token": { "type": "string", "secret": true }
              }
            }
            """)!.AsObject(),
    };

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(context.Config.GetString("token") == "wrong"
            ? CheckResult.Failure("The token was refused (401). Copy a valid token from the account settings.")
            : CheckResult.Success());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamDescriptor>>([new StreamDescriptor
        {
            Name = "numbers",
            JsonSchema = (JsonObject)RecordSchema.DeepClone(),
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
        var config = context.Config;
        if (config.GetBoolean("fail_with_config", false))
        {
            throw new ConfigurationException("GET /numbers answered 401 Unauthorized. The credentials were refused: check the token in the connection's settings.");
        }

        var count = config.GetInt32("count", 3);
        var stateEvery = config.GetInt32("state_every", 1);
        var delay = TimeSpan.FromMilliseconds(config.GetInt32("delay_ms", 0));
        var rejectAt = Numbers(config, "reject_at");
        var missingKeyAt = Numbers(config, "missing_key_at");
        var version = config.GetBoolean("emit_version", false) ? typeof(EchoSource).Assembly.GetName().Version!.ToString(3) : null;
        var start = (request.StateOf("numbers")?["n"]?.GetValue<int>() ?? 0) + 1;
        for (var n = start; n <= count; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            FailOnceAt(config, n);
            await PauseAtAsync(config, n, cancellationToken);
            if (rejectAt.Contains(n))
            {
                yield return new RecordRejectedMessage("numbers", $"Row {n} has an unreadable value.", $"numbers line {n}", $"{n},???");
            }
            else
            {
                var record = missingKeyAt.Contains(n) ? new JsonObject { ["n"] = n } : new JsonObject { ["id"] = $"n-{n}", ["n"] = n };
                if (version is not null)
                {
                    record["plugin_version"] = version;
                }

                yield return new RecordMessage("numbers", record);
            }

            if (n % stateEvery == 0 || n == count)
            {
                yield return new StateMessage("numbers", new JsonObject { ["n"] = n });
            }
        }
    }

    private static HashSet<int> Numbers(ConnectorConfig config, string name) =>
        config.GetNode(name) is JsonArray array ? array.Select(i => i!.GetValue<int>()).ToHashSet() : [];

    private static async Task PauseAtAsync(ConnectorConfig config, int n, CancellationToken cancellationToken)
    {
        if (config.GetInt32("pause_at", 0) != n)
        {
            return;
        }

        var resume = config.GetRequiredString("resume_file");
        await File.WriteAllTextAsync(resume + ".waiting", $"paused before record {n}", cancellationToken);
        while (!File.Exists(resume))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    private static void FailOnceAt(ConnectorConfig config, int n)
    {
        if (config.GetInt32("fail_once_at", 0) != n)
        {
            return;
        }

        var marker = config.GetRequiredString("marker_file");
        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, "failed once");
            throw new TransientException($"GET /numbers?from={n} answered 503 Service Unavailable.");
        }
    }
}

/// <summary>A class that is not a connector, for the "wrong entry type" refusal.</summary>
public sealed class NotAConnector;
