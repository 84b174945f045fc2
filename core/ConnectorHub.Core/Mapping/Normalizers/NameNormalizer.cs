using System.Text;

namespace ConnectorHub.Core.Mapping.Normalizers;

/// <summary><c>name</c>: trims and collapses runs of white space inside a person's or company's name to one space.</summary>
internal sealed class NameNormalizer : TextNormalizer
{
    public override string Name => "name";

    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    protected override NormalizeResult NormalizeText(string text) => Blank.OrValue(Collapse(text));
}
