using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Mailchimp.Tests.Support;

/// <summary>Sample people as AudienceMember records (real-looking domains: Mailchimp refuses example.com).</summary>
public static class People
{
    public static string Email(int i) => $"person{i}@freddiesjokes.com";

    public static AudienceMember Member(int i) => new()
    {
        Email = [Email(i)],
        FirstName = $"First{i}",
        LastName = "Doe",
        Phone = ["+14155550100"],
        Traits = new JsonObject { ["plan"] = i % 2 == 0 ? "gold" : "silver" },
        Tags = ["customer"],
    };

    public static DestinationRecord Upsert(int i) => new($"profile-{i}", RecordOperation.Upsert, Member(i).ToJson());

    public static DestinationRecord Upsert(string key, AudienceMember member) => new(key, RecordOperation.Upsert, member.ToJson());

    public static DestinationRecord Remove(int i) => new($"profile-{i}", RecordOperation.Remove, Member(i).ToJson());

    public static DestinationRecord WithConsent(int i, bool email) =>
        new($"profile-{i}", RecordOperation.Upsert, (Member(i) with { Consent = new Consent { Email = email } }).ToJson());

    public static IReadOnlyList<DestinationRecord> Upserts(int from, int count) => Enumerable.Range(from, count).Select(Upsert).ToArray();
}
