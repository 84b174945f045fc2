using System.Text.RegularExpressions;
using ConnectorHub.Core.Validation;

namespace ConnectorHub.Core.Access;

/// <summary>What makes a user name and a password acceptable, and how names are compared (case-insensitively).</summary>
internal static partial class UserRules
{
    public const int MinimumPasswordLength = 10;

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    public static ValidationErrors Validate(string? userName, string? password)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(userName))
        {
            errors.Add("userName", "A user name is required.");
        }
        else if (!UserNamePattern().IsMatch(userName.Trim()))
        {
            errors.Add("userName", "Use up to 64 letters, digits and . _ - @ (for example 'ada' or 'ada@example.com').");
        }

        return ValidatePassword(password, errors);
    }

    public static ValidationErrors ValidatePassword(string? password, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
        {
            errors.Add("password", $"The password needs at least {MinimumPasswordLength} characters.");
        }

        return errors;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}._@-]{1,64}$")]
    private static partial Regex UserNamePattern();
}
