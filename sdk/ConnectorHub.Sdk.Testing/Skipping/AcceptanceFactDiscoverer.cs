using Xunit.Abstractions;
using Xunit.Sdk;

namespace ConnectorHub.Sdk.Testing.Skipping;

/// <summary>Creates <see cref="AcceptanceTestCase"/>s for <see cref="AcceptanceFactAttribute"/> methods.</summary>
public sealed class AcceptanceFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        yield return new AcceptanceTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}
