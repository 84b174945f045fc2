namespace ConnectorHub.Core.Mapping.Normalizers.DateTimes;

/// <summary>
/// A fast reader for the ISO 8601 / RFC 3339 shapes most sources send (<c>2024-03-05</c>, <c>2024-03-05T14:00</c>,
/// <c>2024-03-05 14:00:00.123Z</c>, <c>2024-06-01T08:00:00.000+0000</c>), so the common case skips format matching.
/// </summary>
internal static class IsoDateTimeReader
{
    public static bool TryRead(ReadOnlySpan<char> s, out ParsedDateTime parsed)
    {
        parsed = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (s.Length == 10)
        {
            parsed = new ParsedDateTime(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified), null, HasTime: false);
            return true;
        }

        if (s[10] is not ('T' or 't' or ' ') || s.Length < 16 || s[13] != ':'
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || hour > 23 || minute > 59)
        {
            return false;
        }

        var i = 16;
        var second = 0;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == ':')
        {
            if (!Digits(s, i + 1, 2, out second) || second > 59)
            {
                return false;
            }

            i += 3;
            if (i < s.Length && s[i] is '.' or ',')
            {
                var start = ++i;
                var scale = TimeSpan.TicksPerSecond;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    scale /= 10;
                    fractionTicks += (s[i] - '0') * scale;
                    i++;
                }

                if (i == start || i - start > 9)
                {
                    return false;
                }
            }
        }

        if (!TryReadOffset(s[i..], out var offset))
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        parsed = new ParsedDateTime(local, offset, HasTime: true);
        return true;
    }

    private static bool TryReadOffset(ReadOnlySpan<char> s, out TimeSpan? offset)
    {
        offset = null;
        s = s.TrimStart(' ');
        if (s.Length == 0)
        {
            return true;
        }

        if (s is "Z" or "z" || s.Equals("UTC", StringComparison.OrdinalIgnoreCase) || s.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            offset = TimeSpan.Zero;
            return true;
        }

        if (s[0] is not ('+' or '-') || !Digits(s, 1, 2, out var hours))
        {
            return false;
        }

        var minutes = 0;
        var rest = s[3..];
        if (rest.Length > 0 && !(rest[0] == ':' ? rest.Length == 3 && Digits(rest, 1, 2, out minutes) : rest.Length == 2 && Digits(rest, 0, 2, out minutes)))
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        var value = new TimeSpan(hours, minutes, 0);
        offset = s[0] == '-' ? -value : value;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
