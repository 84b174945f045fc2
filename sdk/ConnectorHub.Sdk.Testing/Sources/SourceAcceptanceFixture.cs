using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Connections;

namespace ConnectorHub.Sdk.Testing.Sources;

/// <summary>
/// What a source connector's test project supplies to <see cref="SourceAcceptanceTests{TFixture}"/>: the connector,
/// configurations, the emulator, and hooks to misbehave on demand. A hook left as is fails its check with a
/// message naming it; a check that does not apply is declared with
/// <see cref="ConnectorAcceptanceFixture{TCheck}.Skip"/> and a reason.
/// </summary>
public abstract class SourceAcceptanceFixture : ConnectorAcceptanceFixture<SourceCheck>
{
    /// <summary>The connector under test.</summary>
    public abstract ISourceConnector Connector { get; }

    /// <summary>Records each stream must return (matched by primary key; each expected field must equal the read one).</summary>
    public virtual IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> ExpectedRecords { get; } = new Dictionary<string, IReadOnlyList<JsonObject>>();

    /// <summary>Streams allowed to read no records (they must still be valid).</summary>
    public virtual IReadOnlyCollection<string> StreamsAllowedEmpty => [];

    /// <summary>The stream the resilience checks (429 storm, token expiry, paging guards) read; the first discovered by default.</summary>
    public virtual string? ResilienceStream => null;

    /// <summary>How many 429s the storm check injects in a row.</summary>
    public virtual int RateLimitStormSize => 12;

    /// <summary>How long (real time) a read may run with a paging fault before it counts as looping forever.</summary>
    public virtual TimeSpan PagingGuardTimeout => TimeSpan.FromSeconds(30);

    /// <summary>How many records the flat-memory check reads.</summary>
    public virtual int LargeStreamRecords => 50_000;

    /// <summary>
    /// How much the retained heap may grow while reading the large stream. The default (24 MB) holds a page or
    /// two of a real API; a connector that keeps the stream in memory goes far past it.
    /// </summary>
    public virtual long LargeStreamHeapAllowanceBytes => 24L * 1024 * 1024;

    /// <summary>A state of <paramref name="stream"/> whose cursor lies in the future, so an incremental read from it returns nothing.</summary>
    public virtual JsonNode FutureState(StreamDescriptor stream) => throw HookMissing(nameof(FutureState), SourceCheck.FutureState);

    /// <summary>A 429 fault in the platform's format that carries a Retry-After of <paramref name="retryAfter"/>.</summary>
    public virtual Fault RateLimitFault(TimeSpan retryAfter) => throw HookMissing(nameof(RateLimitFault), SourceCheck.RateLimitStorm);

    /// <summary>A configuration using expiring access tokens and a refresh token (a fresh one on every call), reading the same data as <see cref="ConnectorAcceptanceFixture{TCheck}.GoodConfig"/>.</summary>
    public virtual JsonObject CreateOAuthConfig() => throw HookMissing(nameof(CreateOAuthConfig), SourceCheck.TokenExpiry);

    /// <summary>The config field holding the refresh token, to see it rotated and persisted.</summary>
    public virtual string RefreshTokenField => "refresh_token";

    /// <summary>Whether the platform issues a new refresh token on every refresh (then the persisted one must be the new one).</summary>
    public virtual bool RefreshTokensRotate => true;

    /// <summary>Makes every access token the emulator issued expire now.</summary>
    public virtual void ExpireAccessTokens() => throw HookMissing(nameof(ExpireAccessTokens), SourceCheck.TokenExpiry);

    /// <summary>Makes the emulator serve <paramref name="fault"/> from now on; null restores normal paging.</summary>
    public virtual void SetPagingFault(PagingFault? fault) => throw HookMissing(nameof(SetPagingFault), SourceCheck.PagingGuards);

    /// <summary>Starts a stream holding <paramref name="records"/> records, for the flat-memory check.</summary>
    public virtual Task<LargeStreamSource> StartLargeStreamAsync(int records, CancellationToken cancellationToken) =>
        throw HookMissing(nameof(StartLargeStreamAsync), SourceCheck.LargeStreamMemory);
}
