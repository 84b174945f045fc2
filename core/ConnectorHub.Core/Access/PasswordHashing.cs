using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConnectorHub.Core.Access;

/// <summary>
/// Hashes passwords with PBKDF2-HMAC-SHA512 and a random 16-byte salt, stored as
/// <c>pbkdf2-sha512$iterations$salt$hash</c> (base64). The iteration count is stored with each hash, so it can rise
/// later: a hash made with fewer iterations still verifies and is flagged for rehashing.
/// </summary>
public static class PasswordHashing
{
    /// <summary>Iterations for new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA512).</summary>
    public const int Iterations = 210_000;

    private const string Scheme = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A new salted hash of <paramref name="password"/>.</summary>
    public static string Hash(string password) => Hash(password, Iterations);

    /// <summary>A hash with a chosen iteration count (tests make old, cheaper hashes with it).</summary>
    internal static string Hash(string password, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, iterations);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/>, compared in constant time.</summary>
    public static PasswordCheck Verify(string stored, string password)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(password);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return PasswordCheck.Failed;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return PasswordCheck.Failed;
        }

        var actual = Derive(password, salt, iterations);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordCheck.Failed;
        }

        return iterations < Iterations ? PasswordCheck.SucceededRehashNeeded : PasswordCheck.Succeeded;
    }

    /// <summary>Spends the time a verification takes, so an unknown user name answers as slowly as a wrong password.</summary>
    public static void VerifyNothing(string password) => Derive(password ?? string.Empty, new byte[SaltBytes], Iterations);

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashBytes);
}

/// <summary>The outcome of <see cref="PasswordHashing.Verify"/>.</summary>
public enum PasswordCheck
{
    /// <summary>Wrong password (or an unreadable hash).</summary>
    Failed,

    /// <summary>Right password.</summary>
    Succeeded,

    /// <summary>Right password, hashed with fewer iterations than new hashes use: store a new hash.</summary>
    SucceededRehashNeeded,
}
