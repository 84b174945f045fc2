using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Activation;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Hosting;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Mailchimp;
using ConnectorHub.Sandbox.Meta.CustomAudiences;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Testing.Time;
using ConnectorHub.TestSupport;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConnectorHub.Integration.Tests.Activation;

/// <summary>
/// The engine in a started host on SQLite or PostgreSQL with the real destination plugins (artifacts/plugins),
/// an instant clock, and the Meta Custom Audiences and Mailchimp emulators on 127.0.0.1. Profiles, segments and
/// memberships are written directly, as the profile store and the segments engine would.
/// </summary>
public sealed class ActivationBed : IAsyncDisposable
{
    public const string MetaAccount = "1234567890";

    private readonly IHost _host;
    private readonly TempDirectory _folder;

    private ActivationBed(IHost host, InstantTimeProvider clock, TempDirectory folder, EmulatorHost meta, MetaCustomAudiencesEmulator metaEmulator, RecordingEmulator metaRequests, EmulatorHost mailchimp, MailchimpEmulator mailchimpEmulator)
    {
        _host = host;
        Clock = clock;
        _folder = folder;
        Meta = meta;
        MetaEmulator = metaEmulator;
        MetaRequests = metaRequests;
        Mailchimp = mailchimp;
        MailchimpEmulator = mailchimpEmulator;
        Audience = metaEmulator.CreateAudience(MetaAccount, "VIP customers");
    }

    /// <summary>The clock the hub runs on.</summary>
    public InstantTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    public HubDatabase Database => Services.GetRequiredService<HubDatabase>();

    public ActivationService Activations => Services.GetRequiredService<ActivationService>();

    public ActivationRunner Runner => Services.GetRequiredService<ActivationRunner>();

    public DeliveryQueries Ledger => Services.GetRequiredService<DeliveryQueries>();

    public EmulatorHost Meta { get; }

    public MetaCustomAudiencesEmulator MetaEmulator { get; }

    public RecordingEmulator MetaRequests { get; }

    public CustomAudience Audience { get; }

    public EmulatorHost Mailchimp { get; }

    public MailchimpEmulator MailchimpEmulator { get; }

    public static async Task<ActivationBed> StartAsync(StorageProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = new TempDirectory("activation");
        var connectionString = provider == StorageProvider.Postgres
            ? await (await PostgresServer.GetAsync()).CreateDatabaseAsync("hub")
            : $"Data Source={folder.Combine("hub.db")}";
        var metaEmulator = new MetaCustomAudiencesEmulator();
        var metaRequests = new RecordingEmulator(metaEmulator);
        var meta = await EmulatorHost.StartAsync(metaRequests);
        var mailchimpEmulator = new MailchimpEmulator { FakeDomains = new HashSet<string>() };
        var mailchimp = await EmulatorHost.StartAsync(mailchimpEmulator);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder.Path, EnvironmentName = "Test", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectorHub:Storage:Provider"] = provider.ToString(),
            ["ConnectorHub:Storage:ConnectionString"] = connectionString,
            ["ConnectorHub:Plugins:Directory"] = RepoPaths.Plugins,
            ["ConnectorHub:Activation:RetryBaseDelay"] = "00:00:00",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        // Retry backoffs and throttling waits pass at once; background sweeps wait until a test moves things itself.
        var clock = new InstantTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)) { PeriodicTimersStayIdle = true };
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddConnectorHub(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new ActivationBed(host, clock, folder, meta, metaEmulator, metaRequests, mailchimp, mailchimpEmulator);
    }

    public async Task<Guid> CreateMetaConnectionAsync() => (await Services.GetRequiredService<ConnectionService>().CreateAsync(new ConnectionRequest("meta", "meta-custom-audiences", new JsonObject
    {
        ["access_token"] = MetaCustomAudiencesEmulator.DefaultAccessToken,
        ["ad_account_id"] = "act_" + MetaAccount,
        ["base_url"] = Meta.BaseAddress.ToString(),
    }), CancellationToken.None)).Id;

    public async Task<Guid> CreateMailchimpConnectionAsync() => (await Services.GetRequiredService<ConnectionService>().CreateAsync(new ConnectionRequest("mailchimp", "mailchimp", new JsonObject
    {
        ["api_key"] = MailchimpEmulator.DefaultApiKey,
        ["base_url"] = new Uri(Mailchimp.BaseAddress, "3.0").ToString(),
    }), CancellationToken.None)).Id;

    /// <summary>A Meta audience activation of <paramref name="segmentId"/>.</summary>
    public async Task<ActivationView> CreateMetaActivationAsync(long segmentId, DestinationSyncMode mode = DestinationSyncMode.AddRemove, Guid? connectionId = null, string? name = null) =>
        await Activations.CreateAsync(new ActivationRequest
        {
            Name = name ?? $"meta {segmentId}",
            SegmentId = segmentId,
            DestinationConnectionId = connectionId ?? await CreateMetaConnectionAsync(),
            Mode = mode,
            Settings = new JsonObject { ["audience_id"] = Audience.Id },
        }, CancellationToken.None);

    /// <summary>Runs the activation now; it must not be locked.</summary>
    public async Task<DeliveryView> RunAsync(long activationId) =>
        await Runner.RunAsync(activationId, ActivationTrigger.Manual, CancellationToken.None) ?? throw new InvalidOperationException("The activation was locked.");

    public async Task<long> CreateSegmentAsync(string name)
    {
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        var json = Database.Provider == StorageProvider.Postgres ? "CAST('{}' AS jsonb)" : "'{}'";
        return await connection.ExecuteScalarAsync<long>(
            $"INSERT INTO segments (name, definition, created_at, updated_at) VALUES (@name, {json}, @now, @now) RETURNING id", new { name, now = Now() });
    }

    /// <summary>A profile with an email, a phone, a name, and traits (consent as consent.ads etc.).</summary>
    public async Task AddProfileAsync(long id, string email, string? phone = null, IReadOnlyDictionary<string, object>? traits = null)
    {
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        var now = Now();
        await connection.ExecuteAsync("INSERT INTO profiles (id, created_at, updated_at) VALUES (@id, @now, @now)", new { id, now });
        await AddIdentifierAsync(id, "email", email);
        if (phone is not null)
        {
            await AddIdentifierAsync(id, "phone", phone);
        }

        var all = new Dictionary<string, object> { ["first_name"] = "Person", ["last_name"] = $"Number{id}" };
        foreach (var (name, value) in traits ?? new Dictionary<string, object>())
        {
            all[name] = value;
        }

        foreach (var (name, value) in all)
        {
            await SetTraitAsync(id, name, value);
        }
    }

    public async Task AddIdentifierAsync(long profileId, string type, string value)
    {
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "INSERT INTO profile_identifiers (value, type, profile_id, lock_bucket, source, first_seen, last_seen) VALUES (@value, @type, @profileId, 0, 'test', @now, @now)",
            new { value, type, profileId, now = Now() });
    }

    public async Task SetTraitAsync(long profileId, string name, object value)
    {
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        var json = Database.Provider == StorageProvider.Postgres ? "CAST(@value AS jsonb)" : "@value";
        await connection.ExecuteAsync(
            $"""
            INSERT INTO profile_traits (profile_id, name, value, source, observed_at) VALUES (@profileId, @name, {json}, 'test', @now)
            ON CONFLICT (profile_id, name) DO UPDATE SET value = excluded.value
            """,
            new { profileId, name, value = JsonSerializer.Serialize(value), now = Now() });
    }

    /// <summary>Opens memberships, as a refresh that adds <paramref name="profileIds"/> would.</summary>
    public async Task EnterAsync(long segmentId, params long[] profileIds)
    {
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        foreach (var profileId in profileIds)
        {
            await connection.ExecuteAsync("INSERT INTO segment_memberships (segment_id, profile_id, entered_at) VALUES (@segmentId, @profileId, @now)", new { segmentId, profileId, now = Now() });
        }
    }

    /// <summary>Closes memberships, as a refresh that drops <paramref name="profileIds"/> would.</summary>
    public async Task ExitAsync(long segmentId, params long[] profileIds)
    {
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        foreach (var profileId in profileIds)
        {
            await connection.ExecuteAsync("UPDATE segment_memberships SET exited_at = @now WHERE segment_id = @segmentId AND profile_id = @profileId AND exited_at IS NULL", new { segmentId, profileId, now = Now() });
        }
    }

    /// <summary>The ledger rows of one run: (profile id, operation, outcome, reason).</summary>
    public async Task<IReadOnlyList<(long ProfileId, string Operation, string Outcome, string? Reason)>> RecordsAsync(long deliveryId)
    {
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        return (await connection.QueryAsync<(long, string, string, string?)>(
            "SELECT profile_id, operation, outcome, reason FROM activation_delivery_records WHERE delivery_id = @deliveryId ORDER BY profile_id", new { deliveryId })).ToArray();
    }

    public static string Email(long id) => $"person{id}@shop.test";

    private object Now() => StoredTime.Write(Database.Provider, Clock.GetUtcNow());

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await Meta.DisposeAsync();
        await Mailchimp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
