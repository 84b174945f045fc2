using System.Xml.Linq;
using ConnectorHub.Sdk.Testing.Skipping;

namespace ConnectorHub.Templates.Tests.Support;

/// <summary>One test of a run: its class and method, outcome (Passed, Failed, NotExecuted for a skip) and message.</summary>
public sealed record TestOutcome(string ClassName, string Method, string Outcome, string? Message);

/// <summary>Reads a TRX file written by <c>dotnet test --logger trx</c>.</summary>
public static class TrxReport
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static IReadOnlyList<TestOutcome> Read(string path) =>
        XDocument.Load(path).Descendants(Ns + "UnitTestResult").Select(result =>
        {
            var name = (string)result.Attribute("testName")!;
            var dot = name.LastIndexOf('.');
            return new TestOutcome(
                name[..dot],
                name[(dot + 1)..],
                (string)result.Attribute("outcome")!,
                result.Descendants(Ns + "Message").FirstOrDefault()?.Value);
        }).ToArray();

    /// <summary>The checks an acceptance test class of the kit runs (its <see cref="AcceptanceFactAttribute"/> methods).</summary>
    public static IReadOnlyList<string> KitChecks(Type acceptanceTests) =>
        acceptanceTests.GetMethods()
            .Where(m => m.IsDefined(typeof(AcceptanceFactAttribute), inherit: true))
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
