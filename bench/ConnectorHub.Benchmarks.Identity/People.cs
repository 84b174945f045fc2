using System.Globalization;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Benchmarks.Identity;

/// <summary>
/// The identifiers of the benchmark's people. The base world's person <c>p</c> (1-based, profile id <c>p</c>) and the
/// rounds' new people (numbered across rounds, so no two rounds share one) have distinct emails and phones.
/// </summary>
internal static class People
{
    public static readonly string[] FirstNames = ["Ann", "Bob", "Chloe", "Dev", "Eva", "Femi", "Gus", "Hana"];

    public static Identifier BaseEmail(long person) => new("email", Invariant($"base{person}@example.com"));

    public static Identifier BasePhone(long person) => new("phone", Invariant($"+12{person:D9}"));

    public static Identifier BaseAnonymousId(long person) => new("anonymous_id", Invariant($"base-anon-{person}"));

    public static Identifier NewEmail(long person) => new("email", Invariant($"new{person}@example.com"));

    public static Identifier NewPhone(long person) => new("phone", Invariant($"+13{person:D9}"));

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
