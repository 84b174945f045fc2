using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Testing.Reading;
using Xunit;

namespace ConnectorHub.Sdk.Testing.Sources.Checks;

public static partial class SourceChecks
{
    private static readonly TimeSpan StormRetryAfter = TimeSpan.FromSeconds(7);

    /// <summary>
    /// A storm of 429s with Retry-After, starting after the first record, slows the read down but it completes
    /// with every record, having waited as asked (on the fixture's fake clock).
    /// </summary>
    public static async Task RateLimitStormAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.RateLimitStorm);
        var session = new SourceSession(fixture, cancellationToken);
        var stream = await session.ResilienceStreamAsync();
        var expected = SourceSession.Keys(stream, (await session.ReadAllAsync(stream, SyncMode.FullRefresh)).Records).ToHashSet(StringComparer.Ordinal);
        var storm = fixture.RateLimitStormSize;
        var fault = fixture.RateLimitFault(StormRetryAfter);
        var servedBefore = fixture.Emulator.Faults.Served;
        var waitsBefore = session.Time.Delays.Count;
        SourceReadResult result;
        try
        {
            result = await session.ReadAsync(stream, SyncMode.FullRefresh, options: new SourceReadOptions
            {
                AfterRecord = count =>
                {
                    if (count == 1)
                    {
                        fixture.Emulator.Faults.Add(fault, storm);
                    }

                    return Task.CompletedTask;
                },
            });
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"Stream '{stream.Name}' failed under a storm of {storm} 429s with Retry-After: {ex.GetType().Name}: {ex.Message}. Throttling must slow a read down, never fail it.");
            throw;
        }
        finally
        {
            fixture.Emulator.Faults.Clear();
        }

        var served = fixture.Emulator.Faults.Served - servedBefore;
        Assert.True(served == storm, $"Only {served} of the {storm} injected 429s were hit: stream '{stream.Name}' must need more requests after its first record (use smaller pages in the fixture).");
        var got = SourceSession.Keys(stream, result.Records).ToHashSet(StringComparer.Ordinal);
        Assert.True(got.SetEquals(expected), $"Stream '{stream.Name}' read {got.Count} records through the 429 storm, {expected.Count} without it: missing {SourceSession.Sample(expected.Except(got))}.");
        var honoured = session.Time.Delays.Skip(waitsBefore).Count(d => d >= StormRetryAfter);
        Assert.True(honoured >= storm, $"Stream '{stream.Name}' waited the asked Retry-After ({StormRetryAfter.TotalSeconds} s) only {honoured} times for {storm} 429s: wait on ConnectorContext.Time as the platform asks (ConnectorHttpClient does).");
    }

    /// <summary>
    /// With OAuth, the access token expiring in the middle of a read is refreshed, the read completes, the rotated
    /// refresh token is persisted through the config updater, and the persisted config works.
    /// </summary>
    public static async Task TokenExpiryAsync(SourceAcceptanceFixture fixture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.ThrowIfSkipped(SourceCheck.TokenExpiry);
        var session = new SourceSession(fixture, cancellationToken);
        var stream = await session.ResilienceStreamAsync();
        var expected = SourceSession.Keys(stream, (await session.ReadAllAsync(stream, SyncMode.FullRefresh)).Records).ToHashSet(StringComparer.Ordinal);
        var config = fixture.CreateOAuthConfig();
        var originalRefresh = config[fixture.RefreshTokenField]?.ToString();
        var persistedAtExpiry = -1;
        var result = await session.ReadAsync(stream, SyncMode.FullRefresh, context: session.Context(config), options: new SourceReadOptions
        {
            AfterRecord = count =>
            {
                if (count == 1)
                {
                    persistedAtExpiry = session.Updater.Count;
                    fixture.ExpireAccessTokens();
                }

                return Task.CompletedTask;
            },
        });

        var got = SourceSession.Keys(stream, result.Records).ToHashSet(StringComparer.Ordinal);
        Assert.True(got.SetEquals(expected), $"Stream '{stream.Name}' read {got.Count} of {expected.Count} records when its access token expired mid-read.");
        Assert.True(persistedAtExpiry >= 0, $"Stream '{stream.Name}' read no record, so the token could not expire mid-read.");
        Assert.True(session.Updater.Count > persistedAtExpiry, "After the access token expired mid-read, no refreshed configuration was persisted: persist tokens through ConnectorContext.ConfigUpdater (OAuthTokenManager does) the moment they are issued.");
        var persisted = session.Updater.Last!;
        var rotated = persisted.GetString(fixture.RefreshTokenField);
        Assert.False(string.IsNullOrEmpty(rotated), $"The persisted configuration lost the refresh token ('{fixture.RefreshTokenField}').");
        Assert.False(fixture.RefreshTokensRotate && rotated == originalRefresh, $"The persisted configuration does not hold the rotated refresh token in '{fixture.RefreshTokenField}'; the old one no longer works after a rotation.");
        fixture.ExpireAccessTokens();
        var check = await fixture.Connector.CheckAsync(session.Context(persisted.ToJson()), cancellationToken);
        Assert.True(check.Succeeded, $"The configuration persisted after the refresh does not work (the next run would fail): {check.Message}");
    }
}
