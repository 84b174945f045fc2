using ConnectorHub.Core.IdentityResolution;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectorHub.Core.Tests.IdentityResolution;

/// <summary>A resolver over an in-memory store.</summary>
internal static class Resolving
{
    public static (IdentityResolver Resolver, InMemoryIdentityStore Store) InMemory(IdentityRules rules)
    {
        var store = new InMemoryIdentityStore();
        return (new IdentityResolver(store, rules, TimeProvider.System, NullLogger<IdentityResolver>.Instance), store);
    }
}
