using System.Net;
using System.Net.Http.Headers;
using ConnectorHub.Host.Tests.Api;

namespace ConnectorHub.Host.Tests.Access;

public sealed class SetupAndTokenTests : IDisposable
{
    private readonly HubFactory _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task Setup_CreatesTheFirstAdminOnce_ThenAnswersConflict()
    {
        using var client = _hub.CreateClient();

        var before = await client.GetJsonAsync("/api/setup");
        var (badName, badNameProblem) = await client.SendAsync(HttpMethod.Post, "/api/setup", new { userName = "two words", password = "short" });
        var (created, result) = await client.SendAsync(HttpMethod.Post, "/api/setup", new { userName = "ada", password = "a long enough secret" });
        var (again, againProblem) = await client.SendAsync(HttpMethod.Post, "/api/setup", new { userName = "eve", password = "another long secret" });
        var after = await client.GetJsonAsync("/api/setup");

        Assert.True(before["setupRequired"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.NotNull(badNameProblem!["errors"]!["userName"]);
        Assert.NotNull(badNameProblem["errors"]!["password"]);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Admin", result!["user"]!["role"]!.GetValue<string>());
        Assert.Null(result["apiToken"]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("The hub is already set up.", againProblem!["title"]!.GetValue<string>());
        Assert.False(after["setupRequired"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ATokenCreatedByAnAdmin_WorksWithItsRole_IsNeverListedWithItsValue_AndStopsWhenRevoked()
    {
        using var admin = await _hub.CreateClientAsync(Core.Access.HubRole.Admin);
        var created = await admin.PostOkAsync("/api/tokens", new { name = "nightly export", role = "viewer", expiresAt = "2999-01-01T00:00:00Z" });
        var value = created["token"]!.GetValue<string>();
        using var script = _hub.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", value);

        var me = await script.GetJsonAsync("/api/me");
        var (write, _) = await script.SendAsync(HttpMethod.Post, "/api/syncs", new { name = "x" });
        var listed = await admin.GetJsonAsync("/api/tokens");
        var (revoke, _) = await admin.SendAsync(HttpMethod.Delete, $"/api/tokens/{created["details"]!["id"]}");
        var (afterRevoke, _) = await script.SendAsync(HttpMethod.Get, "/api/me");

        Assert.StartsWith("chub_", value, StringComparison.Ordinal);
        Assert.Equal("token:nightly export", me["name"]!.GetValue<string>());
        Assert.Equal("Viewer", me["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.DoesNotContain(value, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(value[..12], listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task CreatingAToken_NamesTheBadFields()
    {
        using var admin = await _hub.CreateClientAsync(Core.Access.HubRole.Admin);

        var (response, problem) = await admin.SendAsync(HttpMethod.Post, "/api/tokens", new { name = " ", role = "viewer", expiresAt = "2001-01-01T00:00:00Z" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem!["errors"]!["name"]);
        Assert.Contains("must be in the future", problem["errors"]!["expiresAt"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLastAdmin_CanBeNeitherDemotedNorDeleted()
    {
        using var client = _hub.CreateClient();
        var setup = await client.PostOkAsync("/api/setup", new { userName = "ada", password = "a long enough secret", apiTokenName = "bootstrap" });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", setup["apiToken"]!.GetValue<string>());
        var adminId = setup["user"]!["id"]!.GetValue<Guid>();

        var (demote, demoteProblem) = await client.SendAsync(HttpMethod.Put, $"/api/users/{adminId}/role", new { role = "viewer" });
        var (delete, _) = await client.SendAsync(HttpMethod.Delete, $"/api/users/{adminId}");
        var second = await client.PostOkAsync("/api/users", new { userName = "grace", password = "another long secret", role = "admin" });
        var (demoteNow, demoted) = await client.SendAsync(HttpMethod.Put, $"/api/users/{adminId}/role", new { role = "viewer" });

        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("only admin", demoteProblem!["errors"]!["role"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal("grace", second["userName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, demoteNow.StatusCode);
        Assert.Equal("Viewer", demoted!["role"]!.GetValue<string>());
    }
}
