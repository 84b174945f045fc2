using ConnectorHub.Core.IdentityResolution;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Tests.IdentityResolution;

/// <summary>Identity settings for tests.</summary>
public static class Rules
{
    public static IdentityRules Default(Action<IdentityOptions>? configure = null)
    {
        var options = new IdentityOptions();
        configure?.Invoke(options);
        return new IdentityRules(Options.Create(options));
    }

    /// <summary>Every type without a limit: profiles are exactly the connected components.</summary>
    public static IdentityRules Unlimited(int batchSize, int concurrentBatches = 2) => Default(o =>
    {
        foreach (var rule in o.Types.Values)
        {
            rule.Limit = 0;
        }

        o.DefaultRule.Limit = 0;
        o.BatchSize = batchSize;
        o.ConcurrentBatches = concurrentBatches;
    });
}
