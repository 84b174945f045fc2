using ConnectorHub.Connectors.Mailchimp.Members;

namespace ConnectorHub.Connectors.Mailchimp.Tests.Members;

public sealed class SubscriberHashTests
{
    [Theory]
    [InlineData("urist.mcvankab@freddiesjokes.com")]
    [InlineData("Urist.McVankab@FreddiesJokes.com")]
    [InlineData("  urist.mcvankab@freddiesjokes.com\t")]
    public void Of_IsMd5OfTheTrimmedLowerCasedEmail_AsMailchimpDocuments(string email) =>
        Assert.Equal("62eeb292278cc15f5817cb78f7790b08", SubscriberHash.Of(email));

    [Fact]
    public void Of_AgreesWithTheEmulatorsIndependentHash() =>
        Assert.Equal(Sandbox.Mailchimp.SubscriberHash.Of("Jane.Doe@Freddiesjokes.com"), SubscriberHash.Of("jane.doe@freddiesjokes.com"));
}
