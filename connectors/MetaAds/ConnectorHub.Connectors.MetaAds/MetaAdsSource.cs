using System.Runtime.CompilerServices;
using ConnectorHub.Connectors.MetaAds.Accounts;
using ConnectorHub.Connectors.MetaAds.Checking;
using ConnectorHub.Connectors.MetaAds.Configuration;
using ConnectorHub.Connectors.MetaAds.Entities;
using ConnectorHub.Connectors.MetaAds.Graph;
using ConnectorHub.Connectors.MetaAds.Insights;
using ConnectorHub.Connectors.MetaAds.Streams;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Connectors.MetaAds;

/// <summary>
/// A source for Meta (Facebook, Instagram) advertising: <c>ad_accounts</c>, <c>campaigns</c>, <c>adsets</c>,
/// <c>ads</c> (full refresh, resumable by page) and <c>insights_daily</c> (Ads Insights per day at a configurable
/// level, incremental by date with a lookback window, async report runs for large ranges).
/// </summary>
/// <remarks>Stateless: everything a call needs lives in its locals, so one instance serves every connection.</remarks>
public sealed class MetaAdsSource : ISourceConnector
{
    /// <inheritdoc />
    public ConnectorSpec GetSpec() => MetaAdsSpec.Create();

    /// <inheritdoc />
    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return MetaAdsCheck.RunAsync(context, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = MetaAdsSettings.From(context.Config);
        return Task.FromResult<IReadOnlyList<StreamDescriptor>>(Streams(settings).Select(s => s.Describe()).ToArray());
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var settings = MetaAdsSettings.From(context.Config);
        var streams = Streams(settings).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var plan = request.Streams.Select(configured => (Configured: configured, Stream: streams.GetValueOrDefault(configured.Name)
            ?? throw new ConfigurationException($"The sync asks for stream '{configured.Name}', which the Meta Ads source does not have. Its streams are: {string.Join(", ", streams.Keys)}."))).ToArray();

        using var api = new GraphApi(context, settings);
        var scope = new ReadScope(api, new AccountScope(api, settings), settings, context.Time);
        foreach (var (configured, stream) in plan)
        {
            if (configured.SyncMode == SyncMode.Incremental && !stream.Describe().SupportedSyncModes.Contains(SyncMode.Incremental))
            {
                yield return new LogMessage(LogLevel.Information, $"Meta Ads '{stream.Name}' supports full refresh only; it is read in full.");
            }

            await foreach (var message in stream.ReadAsync(scope, configured.SyncMode, request.StateOf(stream.Name), cancellationToken))
            {
                yield return message;
            }
        }
    }

    private static IMetaStream[] Streams(MetaAdsSettings settings) =>
        [new AdAccountsStream(), EntityStream.Campaigns, EntityStream.AdSets, EntityStream.Ads, new InsightsStream(settings)];
}
