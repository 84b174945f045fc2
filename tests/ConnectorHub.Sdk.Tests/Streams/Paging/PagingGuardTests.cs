using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Streams.Paging;

namespace ConnectorHub.Sdk.Tests.Streams.Paging;

public sealed class PagingGuardTests
{
    [Fact]
    public void RepeatedToken_StopsTheLoop_NamingStreamAndToken()
    {
        var guard = new PagingGuard("contacts", "GET crm/contacts", new PagingGuardOptions());
        guard.Check(null, "a", 10);
        guard.Check("a", "b", 10);

        var failure = Assert.Throws<ConnectorInternalException>(() => guard.Check("b", "a", 10));

        Assert.Contains("Stream 'contacts'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'a' a second time", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyPageWithANextToken_StopsTheLoop()
    {
        var guard = new PagingGuard("deals", "GET deals", new PagingGuardOptions());

        var failure = Assert.Throws<ConnectorInternalException>(() => guard.Check(null, "next", 0));

        Assert.Contains("empty page that still points to a next page", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PageCap_StopsTheLoop_AndTheGuardsCanBeTurnedOff()
    {
        var capped = new PagingGuard("s", "GET s", new PagingGuardOptions { MaxPages = 2 });
        var lenient = new PagingGuard("s", "GET s", new PagingGuardOptions { StopOnRepeatedToken = false, StopOnEmptyPageWithNext = false });
        capped.Check(null, "1", 1);

        Assert.Contains("page cap (2 pages", Assert.Throws<ConnectorInternalException>(() => capped.Check("1", "2", 1)).Message, StringComparison.Ordinal);
        lenient.Check("x", "x", 0);
    }

    [Fact]
    public void LastPage_PassesWhateverItHolds()
    {
        var guard = new PagingGuard("s", "GET s", new PagingGuardOptions());

        guard.Check("t", null, 0);
    }
}
