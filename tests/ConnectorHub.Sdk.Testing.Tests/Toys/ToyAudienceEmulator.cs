using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Testing.Emulators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ConnectorHub.Sdk.Testing.Tests.Toys;

/// <summary>
/// A tiny audience API for the toy destination: <c>POST /audiences/{id}/members:batch</c> upserts members by key
/// (at most <see cref="BatchLimit"/> per request), refusing invalid emails with a reason.
/// </summary>
public sealed class ToyAudienceEmulator : IEmulator
{
    public const int BatchLimit = 25;
    public const string Token = "toy-audience-token";
    public const string InvalidEmailReason = "INVALID_EMAIL: the address has no @";

    private readonly ConcurrentDictionary<string, string> _members = new();
    private readonly ConcurrentQueue<int> _batchSizes = new();

    public string Name => "toy-audience";

    public int MemberCount => _members.Count;

    public IReadOnlyList<int> BatchSizes => _batchSizes.ToArray();

    public void Map(WebApplication app)
    {
        app.MapPost("/audiences/{id}/members:batch", async (HttpContext context) =>
        {
            if (context.Request.Headers.Authorization != $"Bearer {Token}")
            {
                return Results.Json(new { error = "UNAUTHORIZED", message = "unknown token" }, statusCode: 401);
            }

            var members = (await JsonNode.ParseAsync(context.Request.Body))!["members"]!.AsArray();
            _batchSizes.Enqueue(members.Count);
            if (members.Count > BatchLimit)
            {
                return Results.Json(new { error = "TOO_MANY_MEMBERS", message = $"at most {BatchLimit} members per request" }, statusCode: 400);
            }

            var results = new JsonArray();
            foreach (var member in members)
            {
                var key = member!["key"]!.ToString();
                var email = member["email"]!.ToString();
                if (!email.Contains('@', StringComparison.Ordinal))
                {
                    results.Add(new JsonObject { ["key"] = key, ["status"] = "rejected", ["reason"] = InvalidEmailReason });
                    continue;
                }

                _members[key] = email;
                results.Add(new JsonObject { ["key"] = key, ["status"] = "accepted" });
            }

            return Results.Text(new JsonObject { ["results"] = results }.ToJsonString(), "application/json");
        });
        app.MapGet("/ping", (HttpContext context) => context.Request.Headers.Authorization == $"Bearer {Token}" ? Results.Ok() : Results.StatusCode(401));
    }
}
