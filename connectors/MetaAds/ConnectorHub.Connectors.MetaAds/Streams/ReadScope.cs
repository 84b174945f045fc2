using ConnectorHub.Connectors.MetaAds.Accounts;
using ConnectorHub.Connectors.MetaAds.Configuration;
using ConnectorHub.Connectors.MetaAds.Graph;

namespace ConnectorHub.Connectors.MetaAds.Streams;

/// <summary>What every stream of one run shares: the Graph client, the accounts, the settings and the clock.</summary>
internal sealed record ReadScope(GraphApi Api, AccountScope Accounts, MetaAdsSettings Settings, TimeProvider Time);
