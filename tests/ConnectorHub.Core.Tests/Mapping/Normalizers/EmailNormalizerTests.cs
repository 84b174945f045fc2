namespace ConnectorHub.Core.Tests.Mapping.Normalizers;

public class EmailNormalizerTests
{
    [Theory]
    [InlineData(" Ann.Lee@Example.COM ", "ann.lee@example.com")]
    [InlineData("mailto:Bob.Smith@Mail.Example.org", "bob.smith@mail.example.org")]
    [InlineData("<jane+news@EXAMPLE.co.uk>", "jane+news@example.co.uk")]
    [InlineData("\tMARY@example.com\n", "mary@example.com")]
    public void Email_TrimsAndLowerCases_MessyAddresses(string input, string expected) =>
        Assert.Equal(expected, Normalize.Text("email", input));

    [Theory]
    [InlineData("ann.lee@")]
    [InlineData("no-at-sign.example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("ann lee@example.com")]
    [InlineData("ann@localhost")]
    [InlineData("ann@example..com")]
    public void Email_Fails_OnSomethingThatIsNotAnAddress(string input) =>
        Assert.Contains("is not an email address", Normalize.Error("email", input), StringComparison.Ordinal);

    [Fact]
    public void Email_GivesNoValue_ForBlankText() =>
        Assert.Null(Normalize.Run("email", "   ").Value);
}
