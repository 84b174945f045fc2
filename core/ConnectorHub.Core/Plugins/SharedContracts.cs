using ConnectorHub.Sdk.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Plugins;

/// <summary>
/// The assemblies the host shares with every plugin: the SDK and the Microsoft.Extensions abstractions, with what
/// they reference. A plugin gets the host's copy of these even if it ships its own, so a contract type is the same
/// type on both sides; everything else a plugin brings stays private to its load context.
/// </summary>
internal static class SharedContracts
{
    /// <summary>One type from each shared assembly.</summary>
    public static Type[] Types { get; } =
    [
        typeof(IConnector),          // ConnectorHub.Sdk
        typeof(ILogger),             // Microsoft.Extensions.Logging.Abstractions
        typeof(IServiceCollection),  // Microsoft.Extensions.DependencyInjection.Abstractions
        typeof(IConfiguration),      // Microsoft.Extensions.Configuration.Abstractions
        typeof(IHostEnvironment),    // Microsoft.Extensions.Hosting.Abstractions
        typeof(IFileProvider),       // Microsoft.Extensions.FileProviders.Abstractions
    ];
}
