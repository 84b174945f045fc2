using System.Globalization;
using System.Text;

namespace ConnectorHub.Core.Tracking.Requests;

/// <summary>Follows a <see cref="System.Text.Json.Utf8JsonReader"/> through a document and names where it is: <c>$.batch[3].properties.price</c>.</summary>
/// <param name="basePath">The path of the value the reader starts at.</param>
internal sealed class JsonPathTracker(string basePath = "$")
{
    private readonly List<Frame> _frames = [];

    /// <summary>How many objects and arrays the reader is inside.</summary>
    public int Depth => _frames.Count;

    /// <summary>The path of the current value (or of the container the reader is in).</summary>
    public string Current
    {
        get
        {
            var text = new StringBuilder(basePath);
            foreach (var frame in _frames)
            {
                _ = frame switch
                {
                    { IsArray: true, Index: >= 0 } => text.Append(CultureInfo.InvariantCulture, $"[{frame.Index}]"),
                    { IsArray: false, Name: { } name } => text.Append('.').Append(name),
                    _ => text,
                };
            }

            return text.ToString();
        }
    }

    /// <summary>An object or array starts (it is a value of its parent).</summary>
    public void Enter(bool isArray)
    {
        Value();
        _frames.Add(new Frame(isArray));
    }

    /// <summary>The current object or array ends.</summary>
    public void Leave() => _frames.RemoveAt(_frames.Count - 1);

    /// <summary>A property name was read in the current object.</summary>
    public void Name(string name)
    {
        if (_frames.Count > 0)
        {
            _frames[^1].Name = name;
        }
    }

    /// <summary>A value was read: in an array it takes the next index.</summary>
    public void Value()
    {
        if (_frames.Count > 0 && _frames[^1].IsArray)
        {
            _frames[^1].Index++;
        }
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Name { get; set; }
    }
}
