using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Meta.Graph;
using ConnectorHub.Connectors.MetaAds.Graph;
using ConnectorHub.Connectors.MetaAds.Streams;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Streams.Paging;

namespace ConnectorHub.Connectors.MetaAds.Entities;

/// <summary>
/// <c>campaigns</c>, <c>adsets</c> and <c>ads</c>: an ad account edge read with its fields, page by page
/// (<c>limit</c> and <c>after</c>), account after account, with a checkpoint after every page.
/// </summary>
internal sealed class EntityStream(string name, string edge, string fields, string description) : IMetaStream
{
    public static readonly EntityStream Campaigns = new(
        "campaigns", "campaigns", "id,account_id,name,objective,status,effective_status,buying_type,daily_budget,lifetime_budget,start_time,stop_time,created_time,updated_time", "Campaigns of every ad account.");

    public static readonly EntityStream AdSets = new(
        "adsets", "adsets", "id,account_id,campaign_id,name,status,effective_status,daily_budget,optimization_goal,billing_event,created_time,updated_time", "Ad sets of every ad account.");

    public static readonly EntityStream Ads = new(
        "ads", "ads", "id,account_id,campaign_id,adset_id,name,status,effective_status,creative,created_time,updated_time", "Ads of every ad account.");

    public string Name => name;

    public StreamDescriptor Describe() => StreamDescriptors.Entity(name, description);

    public async IAsyncEnumerable<SourceMessage> ReadAsync(ReadScope scope, SyncMode mode, JsonNode? saved, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var progress = EntityProgress.Read(saved, name);
        foreach (var account in await scope.Accounts.AccountsAsync(name, cancellationToken))
        {
            if (progress.Done.Contains(account.Id))
            {
                continue;
            }

            var after = progress.Account == account.Id ? progress.After : null;
            progress.Account = account.Id;
            var guard = new PagingGuard(name, $"act_{account.Id}/{edge}", GraphPage.Guards);
            do
            {
                List<KeyValuePair<string, string>> query = [new("fields", fields), new("limit", scope.Settings.PageSize.ToString(CultureInfo.InvariantCulture))];
                if (after is not null)
                {
                    query.Add(new("after", after));
                }

                var page = GraphPage.From(await scope.Api.GetAsync($"act_{account.Id}/{edge}", query, cancellationToken));
                foreach (var row in page.Rows)
                {
                    yield return new RecordMessage(name, row);
                }

                guard.Check(after, page.After, page.Rows.Count);
                after = page.After;
                progress.After = after;
                if (after is null)
                {
                    progress.Done.Add(account.Id);
                    progress.Account = null;
                }

                yield return new StateMessage(name, progress.ToJson());
            }
            while (after is not null);
        }

        yield return new StateMessage(name, new EntityProgress().ToJson());
    }
}
