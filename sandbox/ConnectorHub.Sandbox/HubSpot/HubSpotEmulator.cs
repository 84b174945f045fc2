using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.HubSpot.Api;
using ConnectorHub.Sandbox.HubSpot.Auth;
using ConnectorHub.Sandbox.HubSpot.Errors;
using ConnectorHub.Sandbox.HubSpot.Objects;

namespace ConnectorHub.Sandbox.HubSpot;

/// <summary>
/// HubSpot's CRM v3 API (contacts, companies, deals) as api-contracts.md §1 describes it: list with <c>after</c>
/// paging, search with filters, sorts and the 10,000-result cap, batch read, read one, private-app and OAuth
/// bearer tokens with <c>POST /oauth/v1/token</c>, rate-limit headers, and HubSpot's error bodies. Date-versioned
/// paths (<c>/crm/objects/2026-03/contacts</c>) are accepted too.
/// </summary>
/// <example>
/// <code>
/// var hubspot = new HubSpotEmulator(new HubSpotEmulatorOptions { Contacts = 1000 });
/// await using var host = await EmulatorHost.StartAsync(hubspot);
/// host.Faults.Add(HubSpotFaults.RateLimited(), times: 3);
/// </code>
/// </example>
public sealed class HubSpotEmulator : IEmulator
{
    private readonly Dictionary<CrmObjectType, HubSpotObjectStore> _stores;
    private readonly RequestGate _gate;
    private volatile PagingMisbehaviour _paging;

    /// <summary>Creates the emulator and seeds it from <see cref="HubSpotEmulatorOptions.Seed"/>.</summary>
    public HubSpotEmulator(HubSpotEmulatorOptions? options = null)
    {
        Options = options ?? new HubSpotEmulatorOptions();
        _stores = CrmObjectType.All.ToDictionary(t => t, t => new HubSpotObjectStore(t));
        Tokens = new HubSpotTokens(Options, CrmObjectType.All.Select(t => t.ReadScope).ToArray());
        _gate = new RequestGate(Tokens, Options);

        var seeder = new HubSpotSeeder(Options.Seed);
        seeder.SeedContacts(Contacts, Options.Contacts);
        seeder.SeedCompanies(Companies, Options.Companies);
        seeder.SeedDeals(Deals, Options.Deals, Companies.All().Select(c => c.Properties["name"] ?? string.Empty).ToArray());
    }

    /// <inheritdoc />
    public string Name => "hubspot";

    /// <summary>How the emulator was set up.</summary>
    public HubSpotEmulatorOptions Options { get; }

    /// <summary>The tokens it accepts; issue, expire and revoke them from tests.</summary>
    public HubSpotTokens Tokens { get; }

    /// <summary>Contacts (modified property <c>lastmodifieddate</c>).</summary>
    public HubSpotObjectStore Contacts => _stores[CrmObjectType.Contacts];

    /// <summary>Companies (modified property <c>hs_lastmodifieddate</c>).</summary>
    public HubSpotObjectStore Companies => _stores[CrmObjectType.Companies];

    /// <summary>Deals (modified property <c>hs_lastmodifieddate</c>).</summary>
    public HubSpotObjectStore Deals => _stores[CrmObjectType.Deals];

    /// <summary>A deliberate paging defect to serve, for testing connectors' guards (none by default).</summary>
    public PagingMisbehaviour Paging
    {
        get => _paging;
        set => _paging = value;
    }

    /// <summary>The store of an object type by path name (<c>contacts</c>) or type id (<c>0-1</c>).</summary>
    public HubSpotObjectStore Store(string objectType) =>
        CrmObjectType.Find(objectType) is { } type ? _stores[type] : throw new ArgumentException($"HubSpot has no object type '{objectType}' here; use contacts, companies or deals.", nameof(objectType));

    /// <inheritdoc />
    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/oauth/v1/token", context => OAuthTokenEndpoint.HandleAsync(context, Tokens, Options));
        app.MapPost("/oauth/v3/token", context => OAuthTokenEndpoint.HandleAsync(context, Tokens, Options));
        foreach (var prefix in new[] { "/crm/v3/objects", "/crm/objects/{version}" })
        {
            var objects = app.MapGroup(prefix);
            objects.MapGet("/{objectType}", (HttpContext c, string objectType) => Guarded(c, objectType, store => ListObjectsEndpoint.HandleAsync(c, this, store)));
            objects.MapGet("/{objectType}/{objectId}", (HttpContext c, string objectType, string objectId) => Guarded(c, objectType, store => ReadObjectEndpoint.HandleAsync(c, store, objectId)));
            objects.MapPost("/{objectType}/search", (HttpContext c, string objectType) => Guarded(c, objectType, store => SearchEndpoint.HandleAsync(c, this, store)));
            objects.MapPost("/{objectType}/batch/read", (HttpContext c, string objectType) => Guarded(c, objectType, store => BatchReadEndpoint.HandleAsync(c, this, store)));
        }
    }

    private async Task Guarded(HttpContext context, string objectType, Func<HubSpotObjectStore, Task> handle)
    {
        if (CrmObjectType.Find(objectType) is not { } type)
        {
            await HubSpotResponses.WriteAsync(context, 400, HubSpotErrorBodies.Validation($"Unable to infer object type from: {objectType}"));
            return;
        }

        if (await _gate.AdmitAsync(context, type))
        {
            await handle(_stores[type]);
        }
    }
}
