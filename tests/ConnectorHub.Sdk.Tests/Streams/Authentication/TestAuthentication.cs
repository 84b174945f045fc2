using ConnectorHub.Sdk.Streams.Authentication;
using ConnectorHub.Sdk.Tests.Streams.Reading;

namespace ConnectorHub.Sdk.Tests.Streams.Authentication;

internal static class TestAuthentication
{
    public static AuthenticationContext Context(StubApi api) => new(api.Context(), new Uri(api.Server.Url + "/"), "Test", []);
}
