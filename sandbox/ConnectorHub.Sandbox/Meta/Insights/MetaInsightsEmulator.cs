using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Bogus;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sandbox.Meta.Graph;
using ConnectorHub.Sandbox.Meta.Insights.Endpoints;
using ConnectorHub.Sandbox.Meta.Insights.Model;
using ConnectorHub.Sandbox.Meta.Insights.Seed;

namespace ConnectorHub.Sandbox.Meta.Insights;

/// <summary>
/// The Marketing API's reporting side on Graph paths (<c>/v{NN}.0/...</c>, any version): ad accounts
/// (<c>/me/adaccounts</c>, <c>/act_{id}</c>), their campaigns, ad sets and ads (fields, cursor paging), and Ads
/// Insights at account, campaign, ad set or ad level, by day or over a range, synchronously (refused as too large
/// beyond <see cref="MaxSyncRows"/>) or through async report runs. Every insights answer carries the usage headers;
/// throttling and token faults come from <see cref="InsightsFaults"/> and <see cref="MetaFaults"/>.
/// </summary>
public sealed partial class MetaInsightsEmulator : IEmulator
{
    /// <summary>The token the emulator accepts unless told otherwise.</summary>
    public const string DefaultAccessToken = "sandbox-meta-ads-token";

    private readonly ConcurrentDictionary<string, ReportRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<GraphRequestRecord> _requests = new();
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly Randomizer _random;
    private long _nextRun = 6120000000000000;
    private int _failNext;
    private volatile PagingMisbehaviour _paging;

    /// <summary>Creates an emulator seeded with <paramref name="seed"/> (defaults when null), its clock <paramref name="time"/>.</summary>
    public MetaInsightsEmulator(InsightsSeedOptions? seed = null, TimeProvider? time = null)
    {
        var options = seed ?? new InsightsSeedOptions();
        Data = InsightsSeed.Generate(options);
        Time = time ?? TimeProvider.System;
        _random = new Randomizer(options.Seed + 7);
        LastDay = Data.Stats.Max(s => s.Date);
    }

    /// <inheritdoc />
    public string Name => "meta-ads-insights";

    /// <summary>The access tokens accepted (as <c>access_token</c> or <c>Authorization: Bearer</c>).</summary>
    public ConcurrentDictionary<string, byte> AccessTokens { get; } = new(StringComparer.Ordinal) { [DefaultAccessToken] = 0 };

    /// <summary>The emulator's clock: "today" for date presets and retention, and report run times.</summary>
    public TimeProvider Time { get; }

    /// <summary>The most rows a synchronous insights request may produce; beyond it Graph says to reduce the data.</summary>
    public int MaxSyncRows { get; set; } = 1000;

    /// <summary>The HTTP status of the "reduce the amount of data" error.</summary>
    public int TooMuchDataStatusCode { get; set; } = StatusCodes.Status500InternalServerError;

    /// <summary>Status polls a report run takes to complete.</summary>
    public int PollsToComplete { get; set; } = 3;

    /// <summary>The last day with stats.</summary>
    public DateOnly LastDay { get; private set; }

    /// <summary>A deliberate paging defect to serve on every paged edge, for testing connectors' guards (none by default).</summary>
    public PagingMisbehaviour Paging
    {
        get => _paging;
        set => _paging = value;
    }

    /// <summary>Every authenticated request, in order.</summary>
    public IReadOnlyList<GraphRequestRecord> Requests => _requests.ToArray();

    /// <summary>Every report run created, oldest first.</summary>
    public IReadOnlyList<ReportRun> ReportRuns => _runs.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    /// <summary>The data served; change it under <see cref="Gate"/>.</summary>
    public InsightsData Data { get; }

    /// <summary>The lock that guards <see cref="Data"/>.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Makes the next <paramref name="count"/> report runs end in <c>Job Failed</c>.</summary>
    public void FailNextReportRuns(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <summary>
    /// Restates <paramref name="day"/> as Meta does when late conversions arrive: every ad that delivered that day
    /// gains <paramref name="purchases"/> purchases worth <paramref name="value"/> each.
    /// </summary>
    public void Restate(DateOnly day, int purchases = 1, decimal value = 40m)
    {
        lock (Gate)
        {
            foreach (var stats in Data.Stats.Where(s => s.Date == day && s.Impressions > 0))
            {
                stats.Purchases += purchases;
                stats.PurchaseValue += purchases * value;
            }
        }
    }

    /// <summary>Adds a day of stats after <see cref="LastDay"/> for every ad still running on it.</summary>
    public DateOnly AddDay()
    {
        lock (Gate)
        {
            var running = Data.Stats.Where(s => s.Date == LastDay).Select(s => s.AdId).ToList();
            LastDay = LastDay.AddDays(1);
            Data.Stats.AddRange(running.Select(ad => InsightsSeed.DayOf(_random, ad, LastDay, 1.0)));
            return LastDay;
        }
    }

    /// <inheritdoc />
    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var accounts = new AccountEndpoints(this);
        var insights = new InsightsEndpoints(this);
        app.MapGet("/{version}/me/adaccounts", (HttpContext c, string version) => accounts.MineAsync(c, version));
        app.MapGet("/{version}/{node}", (HttpContext c, string version, string node) => node.StartsWith("act_", StringComparison.Ordinal)
            ? accounts.AccountAsync(c, version, node[4..])
            : insights.RunStatusAsync(c, version, node));
        app.MapGet("/{version}/{node}/{edge}", (HttpContext c, string version, string node, string edge) => node.StartsWith("act_", StringComparison.Ordinal)
            ? (edge == "insights" ? insights.SyncAsync(c, version, node[4..]) : accounts.EdgeAsync(c, version, node[4..], edge))
            : insights.RunRowsAsync(c, version, node, edge));
        app.MapPost("/{version}/act_{accountId}/insights", (HttpContext c, string version, string accountId) => insights.CreateRunAsync(c, version, accountId));
    }

    /// <summary>Checks the version and the token; writes the Graph error and returns null when either is wrong.</summary>
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

        _requests.Enqueue(new GraphRequestRecord(
            context.Request.Method,
            context.Request.Path,
            parameters.Names.Where(n => n != "access_token").ToDictionary(n => n, parameters.GetString, StringComparer.Ordinal)));
        return parameters;
    }

    /// <summary>Sets the usage headers Graph sends with insights answers, rising with each call to the account.</summary>
    internal void WriteUsage(HttpResponse response, string accountId)
    {
        var calls = _calls.AddOrUpdate(accountId, 1, (_, n) => n + 1);
        var percent = Math.Min(calls, 99);
        response.Headers[MetaFaults.BusinessUseCaseHeader] = MetaFaults.BusinessUseCaseUsage(accountId, percent, 0, "ads_insights");
        response.Headers[InsightsFaults.InsightsThrottleHeader] = InsightsFaults.ThrottleValue(percent / 2.0, percent);
    }

    internal DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    internal ReportRun CreateRun(string accountId, Reporting.InsightsRequest request)
    {
        var fail = Interlocked.Decrement(ref _failNext) >= 0;
        if (!fail)
        {
            Interlocked.Exchange(ref _failNext, 0);
        }

        var run = new ReportRun
        {
            Id = Interlocked.Increment(ref _nextRun).ToString(CultureInfo.InvariantCulture),
            AccountId = accountId,
            Request = request,
            RequestedAt = Time.GetUtcNow(),
            WillFail = fail,
        };
        return _runs[run.Id] = run;
    }

    internal ReportRun? FindRun(string id) => _runs.GetValueOrDefault(id);

    [GeneratedRegex(@"^v\d+\.\d+$")]
    private static partial Regex GraphVersion();
}
