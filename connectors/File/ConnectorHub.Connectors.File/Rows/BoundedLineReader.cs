using System.Text;

namespace ConnectorHub.Connectors.File.Rows;

/// <summary>
/// Reads lines (ending in LF, CRLF or CR) without ever holding more than a bounded amount of one line in memory:
/// a file with no line breaks (a JSON array mistaken for JSON Lines, say) cannot exhaust memory.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLength, int keepWhenTooLong)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private long _number;

    /// <summary>The next line, or null at the end of the input.</summary>
    public async ValueTask<TextLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var size = 0L;
        var started = false;
        while (true)
        {
            if (_position == _length && !await FillAsync(cancellationToken))
            {
                return started ? Complete(size) : null;
            }

            started = true;
            var available = _buffer.AsSpan(_position, _length - _position);
            var end = available.IndexOfAny('\r', '\n');
            var part = end < 0 ? available : available[..end];
            Keep(part, size);
            size += part.Length;
            if (end < 0)
            {
                _position = _length;
                continue;
            }

            var breakChar = available[end];
            _position += end + 1;
            if (breakChar == '\r' && (_position < _length || await FillAsync(cancellationToken)) && _buffer[_position] == '\n')
            {
                _position++;
            }

            return Complete(size);
        }
    }

    private void Keep(ReadOnlySpan<char> part, long sizeSoFar)
    {
        var room = (sizeSoFar + part.Length <= maxLength ? maxLength : keepWhenTooLong) - _line.Length;
        if (room > 0)
        {
            _line.Append(part[..(int)Math.Min(room, part.Length)]);
        }
    }

    private TextLine Complete(long size)
    {
        var tooLong = size > maxLength;
        var text = tooLong && _line.Length > keepWhenTooLong ? _line.ToString(0, keepWhenTooLong) : _line.ToString();
        return new TextLine(++_number, text, tooLong);
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        return _length > 0;
    }
}
