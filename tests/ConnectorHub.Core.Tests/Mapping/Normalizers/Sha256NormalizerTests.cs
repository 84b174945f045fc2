namespace ConnectorHub.Core.Tests.Mapping.Normalizers;

public class Sha256NormalizerTests
{
    [Fact]
    public void Sha256_MatchesMetasTestVector_ForANormalizedEmail()
    {
        var email = Normalize.Text("email", " Mary@Example.COM ")!;

        Assert.Equal("f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79", Normalize.Text("sha256", email));
    }

    [Fact]
    public void Sha256_MatchesMetasTestVector_ForPhoneDigits() =>
        Assert.Equal("1ef970831d7963307784fa8688e8fce101a15685d62aa765fed23f3a2c576a4e", Normalize.Text("sha256", "15559876543"));

    [Fact]
    public void Sha256_KeepsAValueThatIsAlreadyADigest_InLowerCase() =>
        Assert.Equal(
            "f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79",
            Normalize.Text("sha256", "F1904CF1A9D73A55FA5DE0AC823C4403DED71AFD4C3248D00BDCD0866552BB79"));
}
