using Xunit;
using Xunit.Sdk;

namespace ConnectorHub.Sdk.Testing.Skipping;

/// <summary>
/// A fact that reports a <see cref="CheckSkippedException"/> as a skip with its reason (xunit 2 has no dynamic
/// skip), so a fixture's declared skips show as skipped, not passed or failed.
/// </summary>
[XunitTestCaseDiscoverer("ConnectorHub.Sdk.Testing.Skipping.AcceptanceFactDiscoverer", "ConnectorHub.Sdk.Testing")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AcceptanceFactAttribute : FactAttribute;
