using System.Text.Json;
using ConnectorHub.Core.Segments;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using ConnectorHub.Integration.Tests.Support;

namespace ConnectorHub.Integration.Tests.Segments;

public sealed class SegmentValidationTests
{
    private static SegmentRequest Request(string name, string rule) => new() { Name = name, Definition = JsonDocument.Parse(rule).RootElement.Clone(), Schedule = null };

    [Theory, ClassData(typeof(Stores))]
    public async Task Save_RejectsACycleOfSegmentReferences_NamingTheReferringNode(StorageProvider provider)
    {
        await using var world = await SegmentWorld.CreateAsync(provider);
        var a = await world.CreateSegmentAsync("a", """{"trait":"plan","op":"exists"}""");
        var b = await world.CreateSegmentAsync("b", $$"""{"all":[{"identifier":"email"},{"segment":{{a.Id}}}]}""");

        var cycle = await Assert.ThrowsAsync<HubValidationException>(() =>
            world.Segments.UpdateAsync(a.Id, Request("a", $$"""{"any":[{"trait":"plan","op":"exists"},{"segment":{{b.Id}}}]}"""), CancellationToken.None));
        var self = await Assert.ThrowsAsync<HubValidationException>(() =>
            world.Segments.UpdateAsync(a.Id, Request("a", "{\"not\":{\"segment\":" + a.Id + "}}"), CancellationToken.None));

        Assert.Contains("cannot contain itself", Assert.Single(cycle.Errors["$.any[1].segment"]), StringComparison.Ordinal);
        Assert.Contains("cannot contain itself", Assert.Single(self.Errors["$.not.segment"]), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task Save_RejectsUnknownReferences_AndDeleteRefusesAReferencedSegment(StorageProvider provider)
    {
        await using var world = await SegmentWorld.CreateAsync(provider);
        var unknown = await Assert.ThrowsAsync<HubValidationException>(() =>
            world.Segments.CreateAsync(Request("x", """{"all":[{"segment":999},{"computedTrait":"nope","op":"exists"}]}"""), CancellationToken.None));
        Assert.Equal(["$.all[0].segment", "$.all[1].computedTrait"], unknown.Errors.Keys.Order(StringComparer.Ordinal));

        var a = await world.CreateSegmentAsync("a", """{"trait":"plan","op":"exists"}""");
        await world.CreateSegmentAsync("b", $$"""{"segment":{{a.Id}}}""");
        await Assert.ThrowsAsync<HubValidationException>(() => world.Segments.DeleteAsync(a.Id, CancellationToken.None));
    }

    [Theory, ClassData(typeof(Stores))]
    public async Task Save_KeepsTheDefaultScheduleUnlessGivenOne(StorageProvider provider)
    {
        await using var world = await SegmentWorld.CreateAsync(provider);
        var scheduled = await world.Segments.CreateAsync(
            JsonSerializer.Deserialize<SegmentRequest>("""{"name":"s","definition":{"identifier":"email"}}""", JsonSerializerOptions.Web)!, CancellationToken.None);
        var manual = await world.Segments.CreateAsync(
            JsonSerializer.Deserialize<SegmentRequest>("""{"name":"m","definition":{"identifier":"email"},"schedule":null}""", JsonSerializerOptions.Web)!, CancellationToken.None);
        var bad = await Assert.ThrowsAsync<HubValidationException>(() => world.Segments.CreateAsync(
            JsonSerializer.Deserialize<SegmentRequest>("""{"name":"b","definition":{"identifier":"email"},"schedule":"every minute"}""", JsonSerializerOptions.Web)!, CancellationToken.None));

        Assert.Equal(SegmentRequest.DefaultSchedule, scheduled.Schedule);
        Assert.Null(manual.Schedule);
        Assert.True(bad.Errors.ContainsKey("schedule"));
    }
}
