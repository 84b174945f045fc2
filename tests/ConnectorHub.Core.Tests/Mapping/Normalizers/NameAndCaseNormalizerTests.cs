namespace ConnectorHub.Core.Tests.Mapping.Normalizers;

public class NameAndCaseNormalizerTests
{
    [Theory]
    [InlineData("  Ann   Lee \t", "Ann Lee")]
    [InlineData("Mary\u00A0 Jane\nWatson", "Mary Jane Watson")]
    [InlineData("Acme    Corp.", "Acme Corp.")]
    public void Name_TrimsAndCollapsesInnerSpaces(string input, string expected) =>
        Assert.Equal(expected, Normalize.Text("name", input));

    [Fact]
    public void Name_GivesNoValue_ForBlankText() => Assert.Null(Normalize.Run("name", " \t ").Value);

    [Theory]
    [InlineData("lowercase", " MiXeD Case ", " mixed case ")]
    [InlineData("uppercase", "gb", "GB")]
    [InlineData("trim", "  x  y  ", "x  y")]
    public void CaseNormalizers_ChangeOnlyWhatTheySay(string name, string input, string expected) =>
        Assert.Equal(expected, Normalize.Text(name, input));
}
