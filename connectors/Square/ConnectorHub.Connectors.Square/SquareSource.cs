using System.Runtime.CompilerServices;
using ConnectorHub.Connectors.Square.Api;
using ConnectorHub.Connectors.Square.Checking;
using ConnectorHub.Connectors.Square.Configuration;
using ConnectorHub.Connectors.Square.Reading;
using ConnectorHub.Connectors.Square.Streams;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.Square;

/// <summary>
/// A source for Square point of sale: <c>customers</c>, <c>orders</c> (with line items) and <c>payments</c>, each
/// keyed by <c>id</c> and read incrementally by <c>updated_at</c> with a checkpoint after every page.
/// </summary>
/// <remarks>Stateless: everything a call needs lives in its locals, so one instance serves every connection.</remarks>
public sealed class SquareSource : ISourceConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => SquareSpec.Create();

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SquareCheck.RunAsync(context, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = SquareSettings.From(context.Config);
        return Task.FromResult<IReadOnlyList<StreamDescriptor>>(Streams(settings).Select(s => s.Describe()).ToArray());
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var settings = SquareSettings.From(context.Config);
        var streams = Streams(settings).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var plan = request.Streams.Select(configured => (Configured: configured, Stream: streams.GetValueOrDefault(configured.Name)
            ?? throw new ConfigurationException($"The sync asks for stream '{configured.Name}', which the Square source does not have. Its streams are: {string.Join(", ", streams.Keys)}."))).ToArray();

        using var api = new SquareApi(context, settings);
        var locations = new LocationScope(api, settings);
        foreach (var (configured, stream) in plan)
        {
            var pass = new StreamPass(stream, api, locations, settings.ConsistencyLag, context.Time);
            await foreach (var message in pass.RunAsync(configured.SyncMode, request.StateOf(stream.Name), cancellationToken))
            {
                yield return message;
            }
        }
    }

    private static ISquareStream[] Streams(SquareSettings settings) =>
        [new CustomersStream(settings), new OrdersStream(settings), new PaymentsStream(settings)];
}
