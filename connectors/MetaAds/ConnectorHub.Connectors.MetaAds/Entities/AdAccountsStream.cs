using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.MetaAds.Streams;
using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Connectors.MetaAds.Entities;

/// <summary><c>ad_accounts</c>: the accounts the run reads, as Graph describes them (one small listing, no paging state).</summary>
internal sealed class AdAccountsStream : IMetaStream
{
    public string Name => "ad_accounts";

    public StreamDescriptor Describe() => StreamDescriptors.Entity(Name, "The ad accounts read: configured ones, or every account the token sees.") with
    {
        ResumableFullRefresh = false,
    };

    public async IAsyncEnumerable<SourceMessage> ReadAsync(ReadScope scope, SyncMode mode, JsonNode? saved, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var account in await scope.Accounts.AccountsAsync(Name, cancellationToken))
        {
            yield return new RecordMessage(Name, (JsonObject)account.Node.DeepClone());
        }

        yield return new StateMessage(Name, new JsonObject { ["version"] = 1 });
    }
}
