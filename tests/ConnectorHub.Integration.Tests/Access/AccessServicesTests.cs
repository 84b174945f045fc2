using ConnectorHub.Core.Access;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using ConnectorHub.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ConnectorHub.Integration.Tests.Access;

public sealed class AccessServicesTests
{
    [Theory]
    [ClassData(typeof(Stores))]
    public async Task SetUp_CreatesExactlyOneAdmin_WhenTwoBrowsersRace(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var users = new UserService(new Contexts(store), new DashboardSessions(store.Database, TimeProvider.System), TimeProvider.System, NullLogger<UserService>.Instance);

        var results = await Task.WhenAll(
            Task.Run(() => users.SetUpAsync("ada", "a long enough secret", CancellationToken.None)),
            Task.Run(() => users.SetUpAsync("eve", "another long secret", CancellationToken.None)));

        Assert.Single(results, r => r is not null);
        var admin = Assert.Single(await users.ListAsync(CancellationToken.None));
        Assert.Equal(HubRole.Admin, admin.Role);
        Assert.Null(await users.SetUpAsync("mallory", "yet another secret", CancellationToken.None));
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task Verify_AcceptsOnlyTheRightPassword_WhateverTheNamesCase(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var users = new UserService(new Contexts(store), new DashboardSessions(store.Database, TimeProvider.System), TimeProvider.System, NullLogger<UserService>.Instance);
        await users.SetUpAsync("Ada", "a long enough secret", CancellationToken.None);

        var right = await users.VerifyAsync("ADA", "a long enough secret", CancellationToken.None);
        var wrong = await users.VerifyAsync("ada", "A long enough secret", CancellationToken.None);
        var unknown = await users.VerifyAsync("eve", "a long enough secret", CancellationToken.None);

        Assert.Equal("Ada", right?.UserName);
        Assert.Null(wrong);
        Assert.Null(unknown);
        await using var db = store.CreateDbContext();
        var stored = await db.Set<HubUser>().SingleAsync();
        Assert.StartsWith($"pbkdf2-sha512${PasswordHashing.Iterations}$", stored.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain("a long enough secret", stored.PasswordHash, StringComparison.Ordinal);
        Assert.NotNull(stored.LastSignInAt);
    }

    [Fact]
    public async Task Verify_RehashesAPasswordHashedWithFewerIterations()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        var users = new UserService(new Contexts(store), new DashboardSessions(store.Database, TimeProvider.System), TimeProvider.System, NullLogger<UserService>.Instance);
        await users.SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        await using (var db = store.CreateDbContext())
        {
            await db.Set<HubUser>().ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, PasswordHashing.Hash("a long enough secret", 1_000)));
        }

        Assert.NotNull(await users.VerifyAsync("ada", "a long enough secret", CancellationToken.None));

        await using var after = store.CreateDbContext();
        Assert.StartsWith($"pbkdf2-sha512${PasswordHashing.Iterations}$", (await after.Set<HubUser>().SingleAsync()).PasswordHash, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task ChangingAPasswordOrRole_ChangesTheSecurityStamp_SoOldSignInsEnd(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var users = new UserService(new Contexts(store), new DashboardSessions(store.Database, TimeProvider.System), TimeProvider.System, NullLogger<UserService>.Instance);
        await users.SetUpAsync("ada", "a long enough secret", CancellationToken.None);
        var vera = await users.CreateAsync(new UserRequest("vera", "viewer password", HubRole.Viewer), CancellationToken.None);
        var first = (await users.FindIdentityAsync(vera.Id, CancellationToken.None))!.SecurityStamp;

        await users.SetRoleAsync(vera.Id, HubRole.Marketing, CancellationToken.None);
        var second = (await users.FindIdentityAsync(vera.Id, CancellationToken.None))!.SecurityStamp;
        await users.SetPasswordAsync(vera.Id, "a new viewer password", CancellationToken.None);
        var third = (await users.FindIdentityAsync(vera.Id, CancellationToken.None))!.SecurityStamp;

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        Assert.Null(await users.VerifyAsync("vera", "viewer password", CancellationToken.None));
        Assert.NotNull(await users.VerifyAsync("vera", "a new viewer password", CancellationToken.None));
        var duplicate = await Assert.ThrowsAsync<HubValidationException>(() => users.CreateAsync(new UserRequest("VERA", "whatever password", HubRole.Viewer), CancellationToken.None));
        Assert.Contains("already exists", duplicate.Errors["userName"][0], StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Stores))]
    public async Task ATokenWorksUntilItExpires_StoresOnlyItsHash_AndRecordsItsUse(StorageProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var tokens = new ApiTokenService(new Contexts(store), clock, NullLogger<ApiTokenService>.Instance);
        var created = await tokens.CreateAsync(new ApiTokenRequest("export", HubRole.Marketing, clock.GetUtcNow().AddDays(30)), "ada", CancellationToken.None);

        var fresh = await tokens.AuthenticateAsync(created.Token, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        var lastSecond = await tokens.AuthenticateAsync(created.Token, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await tokens.AuthenticateAsync(created.Token, CancellationToken.None);
        var tampered = await tokens.AuthenticateAsync(created.Token[..^1] + (created.Token[^1] == 'A' ? 'B' : 'A'), CancellationToken.None);

        Assert.Equal(new TokenIdentity(created.Details.Id, "export", HubRole.Marketing), fresh);
        Assert.NotNull(lastSecond);
        Assert.Null(expired);
        Assert.Null(tampered);
        await using var db = store.CreateDbContext();
        var row = await db.Set<ApiToken>().SingleAsync();
        Assert.Equal(ApiTokenSecret.Hash(created.Token), row.TokenHash);
        Assert.DoesNotContain(created.Token, row.TokenHash + row.Prefix, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow().AddSeconds(-1), row.LastUsedAt);
    }

    private sealed class Contexts(TestStore store) : IDbContextFactory<HubDbContext>
    {
        public HubDbContext CreateDbContext() => store.CreateDbContext();
    }
}
