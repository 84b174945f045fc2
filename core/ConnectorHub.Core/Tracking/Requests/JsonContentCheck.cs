using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ConnectorHub.Core.Tracking.Requests;

/// <summary>What is wrong in a piece of JSON the parser accepted, and where.</summary>
/// <param name="Path">The JSON path, such as <c>$.batch[3].properties.name</c>.</param>
/// <param name="Offset">The byte offset of the offending token in the checked JSON.</param>
/// <param name="Reason">What is wrong and how to fix it.</param>
public sealed record JsonContentProblem(string Path, long Offset, string Reason);

/// <summary>
/// Checks well-formed JSON for what the parser lets through but the hub cannot store faithfully on either store:
/// bytes that are not UTF-8, <c>\u</c> escapes of lone surrogates, the NUL character (PostgreSQL text cannot hold it),
/// a name repeated in one object (which value was meant is anyone's guess), and numbers no SQL numeric holds (more than
/// 131,072 digits before the decimal point or 16,383 after, PostgreSQL's limits). One pass, token by token.
/// </summary>
public static class JsonContentCheck
{
    private const int MaxIntegerDigits = 131_072;
    private const int MaxFractionDigits = 16_383;

    /// <summary>The first problem in <paramref name="json"/>, or null when there is none.</summary>
    /// <param name="json">One JSON value, already known to be syntactically valid.</param>
    /// <param name="basePath">The path of that value, such as <c>$.batch[2]</c>.</param>
    /// <param name="skipRootProperty">A property of the root object whose value is not checked (checked on its own).</param>
    public static JsonContentProblem? FirstProblem(ReadOnlySpan<byte> json, string basePath, string? skipRootProperty = null)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var path = new JsonPathTracker(basePath);
        var names = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    path.Enter(isArray: false);
                    names.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    path.Enter(isArray: true);
                    break;
                case JsonTokenType.EndObject:
                    names.Pop();
                    path.Leave();
                    break;
                case JsonTokenType.EndArray:
                    path.Leave();
                    break;
                case JsonTokenType.PropertyName:
                    if (Text(ref reader, out var name, out var nameAt) is { } nameError)
                    {
                        return new JsonContentProblem(path.Current, nameAt, $"A property name in {path.Current} {nameError}");
                    }

                    path.Name(name!);
                    if (!names.Peek().Add(name!))
                    {
                        return new JsonContentProblem(path.Current, reader.TokenStartIndex,
                            $"{path.Current} is a duplicate name in its object: send each name once (which value was meant cannot be told).");
                    }

                    if (path.Depth == 1 && name == skipRootProperty)
                    {
                        reader.Read();
                        reader.Skip();
                    }

                    break;
                case JsonTokenType.String:
                    path.Value();
                    if (Text(ref reader, out _, out var textAt) is { } textError)
                    {
                        return new JsonContentProblem(path.Current, textAt, $"The string at {path.Current} {textError}");
                    }

                    break;
                case JsonTokenType.Number:
                    path.Value();
                    if (!FitsNumeric(reader.ValueSpan))
                    {
                        return new JsonContentProblem(path.Current, reader.TokenStartIndex, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                            $"The number at {path.Current} is out of range: the hub stores numbers with at most {MaxIntegerDigits} digits before the decimal point and {MaxFractionDigits} after; send it as a string."));
                    }

                    break;
                default:
                    path.Value();
                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// Why a string or name token cannot be stored (the text completes "The string at $.x ..."), or null; <paramref name="at"/>
    /// is the offset of the first bad byte when the bytes are not UTF-8, else of the token.
    /// </summary>
    private static string? Text(ref Utf8JsonReader reader, out string? text, out long at)
    {
        text = null;
        at = reader.TokenStartIndex;
        if (!reader.ValueIsEscaped && InvalidUtf8At(reader.ValueSpan) is { } bad)
        {
            at = reader.TokenStartIndex + 1 + bad;
            return "is not valid UTF-8: send text encoded as UTF-8.";
        }

        try
        {
            text = reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return Utf8.IsValid(reader.ValueSpan)
                ? "holds a \\u escape of a lone surrogate (half of a UTF-16 pair, such as \\ud800): escape the whole pair, or send the character as UTF-8."
                : "is not valid UTF-8: send text encoded as UTF-8.";
        }

        return text!.Contains('\0', StringComparison.Ordinal)
            ? "holds the NUL character (\\u0000), which the hub cannot store: remove it."
            : null;
    }

    /// <summary>The index of the first byte of <paramref name="bytes"/> that is not UTF-8, or null.</summary>
    private static int? InvalidUtf8At(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var chars = new char[bytes.Length];
        Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
        return read;
    }

    /// <summary>Whether a JSON number fits an SQL numeric: digits before and after the decimal point within PostgreSQL's limits.</summary>
    private static bool FitsNumeric(ReadOnlySpan<byte> number)
    {
        var exponentAt = number.IndexOfAny((byte)'e', (byte)'E');
        var mantissa = exponentAt < 0 ? number : number[..exponentAt];
        long exponent = 0;
        if (exponentAt >= 0)
        {
            var digits = number[(exponentAt + 1)..];
            var negative = digits.Length > 0 && digits[0] == '-';
            digits = digits.TrimStart("+-"u8).TrimStart((byte)'0');
            if (digits.Length > 9)
            {
                // Beyond a billion in either direction: no mantissa of an event (at most 32 KB) brings that back in range.
                return IsZero(mantissa);
            }

            exponent = digits.Length == 0 ? 0 : long.Parse(Encoding.ASCII.GetString(digits), System.Globalization.CultureInfo.InvariantCulture);
            exponent = negative ? -exponent : exponent;
        }

        if (IsZero(mantissa))
        {
            return true;
        }

        var point = mantissa.IndexOf((byte)'.');
        var integerPart = (point < 0 ? mantissa : mantissa[..point]).TrimStart((byte)'-').TrimStart((byte)'0');
        var fractionDigits = point < 0 ? 0 : mantissa.Length - point - 1;
        return integerPart.Length + exponent <= MaxIntegerDigits && fractionDigits - exponent <= MaxFractionDigits;
    }

    private static bool IsZero(ReadOnlySpan<byte> mantissa) => mantissa.IndexOfAnyExcept("-0."u8) < 0;
}
