namespace ConnectorHub.Sandbox.Square.Seed;

/// <summary>
/// A made-up person in a neutral form (lower-case email, ten phone digits), before Square's formatting. The fields
/// are those of the sandbox's shared people (<see cref="SandboxSquarePeople"/>), so the same people show up in
/// Square and in other emulators.
/// </summary>
/// <param name="Index">The person's number; the same index is the same person.</param>
/// <param name="FirstName">Given name.</param>
/// <param name="LastName">Family name.</param>
/// <param name="Email">Email address in lower case.</param>
/// <param name="PhoneDigits">A US phone number as ten digits.</param>
/// <param name="Street">Street and number.</param>
/// <param name="City">City.</param>
/// <param name="State">Two-letter US state.</param>
/// <param name="PostalCode">Five-digit ZIP code.</param>
/// <param name="Company">The company the person works for.</param>
/// <param name="BirthDate">Date of birth.</param>
public sealed record SquarePerson(
    int Index,
    string FirstName,
    string LastName,
    string Email,
    string PhoneDigits,
    string Street,
    string City,
    string State,
    string PostalCode,
    string Company,
    DateOnly BirthDate);
