using ConnectorHub.Sdk.Testing.Specs;

namespace ConnectorHub.Sdk.Testing.Tests.Specs;

public sealed class SpecRulesTests
{
    [Theory]
    [InlineData("api_key", true)]
    [InlineData("refresh_token", true)]
    [InlineData("clientSecret", true)]
    [InlineData("db_password_hint", true)]
    [InlineData("access_token_expires_at", false)]
    [InlineData("client_id", false)]
    [InlineData("token_type", false)]
    public void LooksSecret_JudgesByTheLastWord(string name, bool secret) => Assert.Equal(secret, SpecRules.LooksSecret(name));
}
