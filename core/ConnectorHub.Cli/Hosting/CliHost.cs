using ConnectorHub.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Cli.Hosting;

/// <summary>
/// The engine in a generic host, configured from the command line: plugins folder, state store and logging.
/// Environment variables (<c>ConnectorHub__Runner__BatchSize</c>, ...) tune the engine as they do the server.
/// </summary>
internal static class CliHost
{
    public static IHost Build(string pluginsDirectory, StateStore store, bool verbose)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // No appsettings.json from whatever folder the user runs in: the command line says everything.
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectorHub:Plugins:Directory"] = pluginsDirectory,

            // One command, one set of plugins: nothing to watch.
            ["ConnectorHub:Plugins:HotReload"] = "false",
            ["ConnectorHub:Storage:Provider"] = store.Provider.ToString(),
            ["ConnectorHub:Storage:ConnectionString"] = store.ConnectionString,
        });

        builder.Logging.ClearProviders();
        if (verbose)
        {
            // Logs go to standard error so standard output stays the command's result (tables or JSON).
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning).SetMinimumLevel(LogLevel.Information);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Services.AddConnectorHub(builder.Configuration);

        // The CLI owns Ctrl+C (it cancels the run gracefully); the host must not react to signals itself.
        builder.Services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        return builder.Build();
    }

    private sealed class CommandLineLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
