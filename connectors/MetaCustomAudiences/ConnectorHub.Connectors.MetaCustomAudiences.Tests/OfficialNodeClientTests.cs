using ConnectorHub.Connectors.MetaCustomAudiences.Tests.Support;
using ConnectorHub.Sandbox.Meta.CustomAudiences;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Tests;

/// <summary>
/// Meta's official Node Business SDK (npm <c>facebook-nodejs-business-sdk</c> 24.0.1) works against the emulator
/// unchanged: uploads with and without a session, gender, birth date and mobile advertiser id among the match keys.
/// </summary>
public sealed class OfficialNodeClientTests : IAsyncLifetime
{
    private MetaSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await MetaSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [NodeFact]
    public async Task TheOfficialNodeClient_UploadsWithOrWithoutASession_WithEveryMatchKey()
    {
        var seen = await NodeScript.RunAsync("audience-client.js", _sandbox.Host.BaseAddress.ToString(), MetaCustomAudiencesEmulator.DefaultAccessToken, _sandbox.Audience.Id);

        Assert.Equal(1, seen["alone"]!["num_received"]!.GetValue<int>());
        Assert.Equal(0, seen["alone"]!["num_invalid_entries"]!.GetValue<int>());
        Assert.Equal(2, seen["batches"]![1]!["num_received"]!.GetValue<int>());
        Assert.Equal("424242", seen["batches"]![1]!["session_id"]!.GetValue<string>());
        Assert.True(_sandbox.Audience.Sessions[424242].Finished);
        Assert.Equal(1, seen["removed"]!["num_received"]!.GetValue<int>());
        Assert.NotNull(seen["unknownKeyError"]);

        var ada = _sandbox.Audience.Members.Single(m => m.Has("EMAIL", Sha.Hex("ada@shop.test")));
        Assert.Equal([Sha.Hex("f")], ada["GEN"]);
        Assert.Equal([Sha.Hex("1990")], ada["DOBY"]);
        Assert.Equal(["6d92078a-8246-4ba4-ae5b-76104861e7dc"], ada["MADID"]);
        Assert.Equal(2, _sandbox.Audience.Count);
        Assert.False(_sandbox.Audience.Contains("EMAIL", Sha.Hex("bob@shop.test")));
        Assert.Null(_sandbox.Emulator.UsersRequests[0].SessionId);
    }
}
