using System.Net.Http.Headers;
using ConnectorHub.Core.Access;
using ConnectorHub.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// A client carrying a fresh API token with <paramref name="role"/>, created through the token service as an
    /// admin would in the dashboard: the API is tested as scripts use it, with real authentication.
    /// </summary>
    public async Task<HttpClient> CreateClientAsync(HubRole role, WebApplicationFactoryClientOptions? options = null)
    {
        var client = options is null ? CreateClient() : CreateClient(options);
        var tokens = Services.GetRequiredService<ApiTokenService>();
        var created = await tokens.CreateAsync(new ApiTokenRequest($"tests {role} {Guid.NewGuid():N}", role), "tests", CancellationToken.None);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
        return client;
    }

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
