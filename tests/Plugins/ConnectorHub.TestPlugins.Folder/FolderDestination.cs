using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.TestPlugins.Folder;

/// <summary>
/// Writes each record to <c>{path}/records/{hash of key}.json</c> (an upsert by key) and appends its key to
/// <c>{path}/deliveries.log</c>. Settings script failures: keys to reject, a batch limit, and transient failures of
/// the first writes (counted in a file so they survive a process restart).
/// </summary>
public sealed class FolderDestination : IDestinationConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => new()
    {
        ConfigSchema = JsonNode.Parse("""
            {
              "type": "object",
              "required": ["path"],
              "properties": {
                "path": { "type": "string" },
                "max_batch_size": { "type": "integer", "minimum": 1 },
                "reject_keys": { "type": "array", "items": { "type": "string" } },
                "fail_first_writes": { "type": "integer", "minimum": 0 }
              }
            }
            """)!.AsObject(),
    };

    /// <inheritdoc />
    public DestinationCapabilities GetCapabilities() => new()
    {
        MaxBatchSize = 100,
        SupportedModes = [DestinationSyncMode.Upsert, DestinationSyncMode.Append],
        SupportedOperations = [RecordOperation.Upsert],
    };

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Config.GetRequiredString("path");
        return Task.FromResult(Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path)))
            ? CheckResult.Success()
            : CheckResult.Failure($"The folder '{path}' cannot be created: its parent does not exist."));
    }

    /// <inheritdoc />
    public Task<IDestinationWriter> OpenAsync(ConnectorContext context, WriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<IDestinationWriter>(new Writer(context.Config));
    }

    private sealed class Writer(ConnectorConfig config) : IDestinationWriter
    {
        private readonly string _path = config.GetRequiredString("path");
        private readonly HashSet<string> _rejectKeys = [.. config.GetStringList("reject_keys")];

        public async Task<WriteBatchResult> WriteAsync(IReadOnlyList<DestinationRecord> batch, CancellationToken cancellationToken)
        {
            var limit = config.GetInt32("max_batch_size", 100);
            if (batch.Count > limit)
            {
                throw new ConnectorInternalException($"The batch has {batch.Count} records; the limit is {limit}.");
            }

            Directory.CreateDirectory(Path.Combine(_path, "records"));
            FailFirstWrites();
            var results = new List<RecordResult>(batch.Count);
            foreach (var record in batch)
            {
                if (_rejectKeys.Contains(record.Key))
                {
                    results.Add(RecordResult.Rejected(record.Key, $"The key '{record.Key}' is on the reject list."));
                    continue;
                }

                var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.Key)));
                await File.WriteAllTextAsync(Path.Combine(_path, "records", name + ".json"), record.Data.ToJsonString(), cancellationToken);
                await File.AppendAllTextAsync(Path.Combine(_path, "deliveries.log"), record.Key + "\n", cancellationToken);
                results.Add(RecordResult.Accepted(record.Key));
            }

            return new WriteBatchResult(results);
        }

        public Task CompleteAsync(CancellationToken cancellationToken) =>
            File.AppendAllTextAsync(Path.Combine(_path, "completions.log"), "completed\n", cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private void FailFirstWrites()
        {
            var failures = config.GetInt32("fail_first_writes", 0);
            var counter = Path.Combine(_path, "write-attempts.count");
            var attempts = File.Exists(counter) ? int.Parse(File.ReadAllText(counter), System.Globalization.CultureInfo.InvariantCulture) : 0;
            File.WriteAllText(counter, (attempts + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (attempts < failures)
            {
                throw new TransientException($"POST /records answered 503 Service Unavailable (attempt {attempts + 1}).");
            }
        }
    }
}
