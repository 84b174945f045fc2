using System.Globalization;
using ConnectorHub.Connectors.Meta.Graph;
using ConnectorHub.Connectors.MetaAds.Configuration;
using ConnectorHub.Connectors.MetaAds.Graph;
using ConnectorHub.Sdk.Streams.Paging;

namespace ConnectorHub.Connectors.MetaAds.Accounts;

/// <summary>
/// The ad accounts a run reads: each configured account (<c>GET /act_{id}</c>, so an unknown one fails clearly), or
/// every account the token sees (<c>GET /me/adaccounts</c>). Fetched once per run, ordered by id.
/// </summary>
internal sealed class AccountScope(GraphApi api, MetaAdsSettings settings)
{
    private IReadOnlyList<AdAccount>? _accounts;

    /// <summary>The accounts, read for <paramref name="stream"/> (named in errors) the first time.</summary>
    public async Task<IReadOnlyList<AdAccount>> AccountsAsync(string stream, CancellationToken cancellationToken)
    {
        if (_accounts is not null)
        {
            return _accounts;
        }

        var accounts = new List<AdAccount>();
        if (settings.AdAccountIds.Count > 0)
        {
            foreach (var id in settings.AdAccountIds)
            {
                accounts.Add(AdAccount.From(await api.GetAsync($"act_{id}", [new("fields", AdAccount.Fields)], cancellationToken)));
            }
        }
        else
        {
            var guard = new PagingGuard(stream, "its ad accounts, /me/adaccounts", GraphPage.Guards);
            string? after = null;
            do
            {
                List<KeyValuePair<string, string>> query = [new("fields", AdAccount.Fields), new("limit", settings.PageSize.ToString(CultureInfo.InvariantCulture))];
                if (after is not null)
                {
                    query.Add(new("after", after));
                }

                var page = GraphPage.From(await api.GetAsync("me/adaccounts", query, cancellationToken));
                accounts.AddRange(page.Rows.Select(AdAccount.From));
                guard.Check(after, page.After, page.Rows.Count);
                after = page.After;
            }
            while (after is not null);
        }

        return _accounts = accounts.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
    }
}
