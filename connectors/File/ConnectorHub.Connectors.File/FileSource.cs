using System.Runtime.CompilerServices;
using ConnectorHub.Connectors.File.Checking;
using ConnectorHub.Connectors.File.Configuration;
using ConnectorHub.Connectors.File.Reading;
using ConnectorHub.Connectors.File.Schema;
using ConnectorHub.Connectors.File.State;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Connectors.File;

/// <summary>
/// A source that reads CSV and JSON Lines files (offline and in-store exports of customers, orders or events):
/// one stream per configured file or folder, rows streamed one at a time, bad rows set aside with their line and
/// reason, checkpoints that resume mid-file, and incremental reads by file modification time or by a cursor column.
/// </summary>
/// <remarks>Stateless: everything a call needs lives in its locals, so one instance serves every connection.</remarks>
public sealed class FileSource : ISourceConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => FileSourceSpec.Create();

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FileSourceCheck.RunAsync(context.Config, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = FileSourceSettingsReader.Read(context.Config);
        var streams = new List<StreamDescriptor>(settings.Streams.Count);
        foreach (var stream in settings.Streams)
        {
            streams.Add(await StreamDescriptorFactory.DescribeAsync(stream, cancellationToken));
        }

        return streams;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var settings = FileSourceSettingsReader.Read(context.Config);
        var plan = request.Streams.Select(configured => (Configured: configured, Settings: Find(settings, configured.Name))).ToArray();
        foreach (var (configured, stream) in plan)
        {
            if (configured.CursorField.Count > 0 && (configured.CursorField.Count != 1 || configured.CursorField[0] != stream.IncrementalCursor))
            {
                yield return new LogMessage(LogLevel.Warning,
                    $"Stream '{stream.Name}': the sync asks for cursor '{string.Join('.', configured.CursorField)}', but this connector's cursor is '{stream.IncrementalCursor}', set by {stream.SettingPath}.cursor_field and incremental_by.");
            }

            var read = new StreamRead(stream, ModeOf(configured, stream), settings.CheckpointEvery);
            await foreach (var message in read.RunAsync(request.StateOf(stream.Name), cancellationToken))
            {
                yield return message;
            }
        }
    }

    private static FileStreamSettings Find(FileSourceSettings settings, string name) =>
        settings.Find(name) ?? throw new ConfigurationException(
            $"The sync asks for stream '{name}', which this connection does not configure. Configured streams: {string.Join(", ", settings.Streams.Select(s => s.Name))}.");

    private static ReadMode ModeOf(ConfiguredStream configured, FileStreamSettings stream) => configured.SyncMode switch
    {
        SyncMode.Incremental when stream.IncrementalBy == IncrementalBy.CursorField => ReadMode.CursorField,
        SyncMode.Incremental => ReadMode.ModifiedTime,
        _ => ReadMode.FullRefresh,
    };
}
