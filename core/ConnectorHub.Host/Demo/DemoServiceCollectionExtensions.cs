namespace ConnectorHub.Host.Demo;

/// <summary>Registers demo mode when it is switched on (nothing otherwise).</summary>
internal static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        if (!DemoOptions.IsEnabled(configuration))
        {
            return services;
        }

        services.AddSingleton<DemoEmulators>();
        services.AddSingleton<DemoWorkspace>();
        services.AddHostedService<DemoStartup>();
        return services;
    }
}
