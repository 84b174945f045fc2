using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Plugins.HotReload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Hosting;

/// <summary>Registers plugin loading: the catalog loaded at start and the hot reload of the plugins directory.</summary>
internal static class PluginsServiceCollectionExtensions
{
    public static IServiceCollection AddPlugins(this IServiceCollection services)
    {
        services.AddOptions<PluginOptions>().BindConfiguration(PluginOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PluginOptions>, PluginOptionsValidator>();
        services.AddSingleton<PluginLoader>();
        services.AddSingleton(sp => sp.GetRequiredService<PluginLoader>().LoadAll(sp.GetRequiredService<IOptions<PluginOptions>>().Value.FullDirectory));
        services.AddSingleton<RetiredPlugins>();
        services.AddSingleton<PluginReloader>();
        services.AddHostedService<PluginFolderWatcher>();
        return services;
    }
}
