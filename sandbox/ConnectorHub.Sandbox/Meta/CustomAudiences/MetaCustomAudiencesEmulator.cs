using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.Graph;

namespace ConnectorHub.Sandbox.Meta.CustomAudiences;

/// <summary>
/// Meta's customer-file Custom Audiences API on the Graph API paths (<c>/v{NN}.0/...</c>, any version): adding and
/// removing users in multi-batch sessions with the 10,000-rows limit and Meta's per-row hashing checks, reading an
/// audience, and listing and creating an ad account's audiences. Membership is kept per audience, so tests can
/// assert exactly who is in it. Throttling and token faults come from <see cref="MetaFaults"/>.
/// </summary>
public sealed partial class MetaCustomAudiencesEmulator : IEmulator
{
    /// <summary>The token the emulator accepts unless told otherwise.</summary>
    public const string DefaultAccessToken = "sandbox-meta-token";

    private readonly ConcurrentDictionary<string, byte> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CustomAudience> _audiences = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _rejected = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<UsersRequestRecord> _requests = new();
    private long _nextAudienceId = 23851234567890000;

    /// <summary>Creates an emulator whose clock (for session timeouts and timestamps) is <paramref name="time"/>.</summary>
    public MetaCustomAudiencesEmulator(TimeProvider? time = null) => Time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public string Name => "meta-custom-audiences";

    /// <summary>The access tokens accepted (as <c>access_token</c> or <c>Authorization: Bearer</c>).</summary>
    public ConcurrentDictionary<string, byte> AccessTokens { get; } = new(StringComparer.Ordinal) { [DefaultAccessToken] = 0 };

    /// <summary>The most rows one request may carry (Meta: 10,000).</summary>
    public int MaxRowsPerRequest { get; init; } = 10_000;

    /// <summary>The most <c>invalid_entry_samples</c> per answer (Meta: up to 100).</summary>
    public int MaxInvalidSamples { get; init; } = 100;

    /// <summary>The emulator's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Every successful users request, in order.</summary>
    public IReadOnlyList<UsersRequestRecord> UsersRequests => _requests.ToArray();

    /// <summary>Adds an ad account (digits, without <c>act_</c>).</summary>
    public void AddAdAccount(string accountId) => _accounts[StripAct(accountId)] = 0;

    /// <summary>Creates an audience in <paramref name="accountId"/> (added if unknown).</summary>
    public CustomAudience CreateAudience(string accountId, string name)
    {
        AddAdAccount(accountId);
        var id = Interlocked.Increment(ref _nextAudienceId).ToString(CultureInfo.InvariantCulture);
        return _audiences[id] = new CustomAudience(id, StripAct(accountId), name, Time.GetUtcNow());
    }

    /// <summary>The audience with <paramref name="id"/>, or null.</summary>
    public CustomAudience? FindAudience(string id) => _audiences.GetValueOrDefault(id);

    /// <summary>
    /// Makes Meta report <paramref name="value"/> (as sent: a hash, a MADID or an external id) as an invalid entry,
    /// the way it reports values it cannot use.
    /// </summary>
    public void RejectValue(string value) => _rejected[value] = 0;

    /// <inheritdoc />
    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var users = new UsersEndpoint(this);
        var audiences = new AudienceEndpoints(this);
        app.MapPost("/{version}/{audienceId}/users", (HttpContext c, string version, string audienceId) => users.HandleAsync(c, version, audienceId, remove: false));
        app.MapDelete("/{version}/{audienceId}/users", (HttpContext c, string version, string audienceId) => users.HandleAsync(c, version, audienceId, remove: true));
        app.MapGet("/{version}/act_{accountId}/customaudiences", (HttpContext c, string version, string accountId) => audiences.ListAsync(c, version, accountId));
        app.MapPost("/{version}/act_{accountId}/customaudiences", (HttpContext c, string version, string accountId) => audiences.CreateAsync(c, version, accountId));
        app.MapGet("/{version}/{node}", (HttpContext c, string version, string node) => audiences.GetNodeAsync(c, version, node));
    }

    internal bool HasAccount(string accountId) => _accounts.ContainsKey(accountId);

    internal IReadOnlyList<CustomAudience> AudiencesOf(string accountId) =>
        _audiences.Values.Where(a => a.AccountId == accountId).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();

    internal bool IsRejected(string value) => _rejected.ContainsKey(value);

    internal void Log(UsersRequestRecord record) => _requests.Enqueue(record);

    /// <summary>Checks the version segment and the token; writes the Graph error and returns null when either is wrong.</summary>
    internal async Task<GraphParameters?> AuthorizeAsync(HttpContext context, string version)
    {
        if (!GraphVersion().IsMatch(version))
        {
            await new GraphError(2500, $"Unknown path components: /{version}").WriteAsync(context.Response);
            return null;
        }

        var parameters = await GraphParameters.ReadAsync(context.Request);
        var token = parameters.AccessToken(context.Request);
        var error = string.IsNullOrEmpty(token) ? GraphError.MissingToken() : AccessTokens.ContainsKey(token) ? null : GraphError.InvalidToken();
        if (error is not null)
        {
            await error.WriteAsync(context.Response);
            return null;
        }

        return parameters;
    }

    private static string StripAct(string accountId) => accountId.StartsWith("act_", StringComparison.Ordinal) ? accountId[4..] : accountId;

    [GeneratedRegex(@"^v\d+\.\d+$")]
    private static partial Regex GraphVersion();
}
