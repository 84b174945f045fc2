using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;

/// <summary>Sample audience members and records.</summary>
public static class Members
{
    public static string Email(int i) => $"person{i}@shop.test";

    public static DestinationRecord Add(int i) => Record(i, RecordOperation.Add);

    public static DestinationRecord Remove(int i) => Record(i, RecordOperation.Remove);

    public static DestinationRecord Record(int i, RecordOperation operation) => new(
        $"profile-{i}",
        operation,
        new AudienceMember { Email = [Email(i)], FirstName = "Person", LastName = $"Number{i}", Country = "US", PostalCode = "94025" }.ToJson());

    public static IReadOnlyList<DestinationRecord> Adds(int from, int count) => Enumerable.Range(from, count).Select(Add).ToArray();
}
