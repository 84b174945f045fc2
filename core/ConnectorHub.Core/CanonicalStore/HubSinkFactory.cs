using ConnectorHub.Core.Connections;
using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Core.Runner;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Syncs;
using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Core.CanonicalStore;

/// <summary>Creates the sink of syncs without a destination: the hub's own canonical store.</summary>
internal sealed class HubSinkFactory(IdentityResolver resolver, ICanonicalWriter writer, IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : IHubSinkFactory
{
    public IRecordSink Create(Sync sync, Guid runId)
    {
        ArgumentNullException.ThrowIfNull(sync);

        // Events that do not say their source are attributed to the sync's source connection.
        using var db = dbFactory.CreateDbContext();
        var source = db.Set<Connection>().AsNoTracking().Where(c => c.Id == sync.SourceConnectionId).Select(c => c.Name).SingleOrDefault() ?? sync.Name;
        return new HubSink(resolver, writer, source, time);
    }
}
