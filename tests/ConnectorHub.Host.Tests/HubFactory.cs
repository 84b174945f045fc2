using ConnectorHub.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConnectorHub.Host.Tests;

/// <summary>The hub in process, with its content root (and so its SQLite data folder) in a temp folder.</summary>
public sealed class HubFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _contentRoot = new("hub-host");
    private readonly Dictionary<string, string?> _settings;

    /// <summary>Creates a hub with <paramref name="settings"/> on top of the defaults; plugins come from the repository's build.</summary>
    public HubFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?> { ["ConnectorHub:Plugins:Directory"] = RepoPaths.Plugins };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The temp content root.</summary>
    public string ContentRoot => _contentRoot.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(_contentRoot.Path);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _contentRoot.Dispose();
        }
    }
}
