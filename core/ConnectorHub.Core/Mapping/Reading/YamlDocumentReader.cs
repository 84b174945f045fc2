using System.Text.RegularExpressions;
using ConnectorHub.Core.Mapping.Definitions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConnectorHub.Core.Mapping.Reading;

/// <summary>Reads YAML into a <see cref="DocumentNode"/> tree, resolving plain scalars as YAML 1.2's core schema does.</summary>
internal static partial class YamlDocumentReader
{
    public static DocumentNode Read(string text, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            throw new MappingDefinitionException(
            [
                new MappingDefinitionError(new SourceLocation(sourceName, (int)ex.Start.Line, (int)ex.Start.Column, string.Empty), $"not valid YAML: {message}"),
            ]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unclosed flow mappings; find where it stopped.
            var (line, column) = ScanFailurePosition(text);
            throw new MappingDefinitionException(
            [
                new MappingDefinitionError(new SourceLocation(sourceName, line, column, string.Empty), "not valid YAML: check brackets, braces and quotes near here"),
            ]);
        }

        if (stream.Documents.Count == 0)
        {
            throw new MappingDefinitionException([new MappingDefinitionError(new SourceLocation(sourceName, 1, 1, string.Empty), "the mapping file is empty")]);
        }

        return Convert(stream.Documents[0].RootNode);
    }

    private static (int Line, int Column) ScanFailurePosition(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        try
        {
            while (scanner.MoveNext())
            {
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or YamlException)
        {
            return ((int)scanner.CurrentPosition.Line, (int)scanner.CurrentPosition.Column);
        }

        return (1, 1);
    }

    private static DocumentNode Convert(YamlNode node)
    {
        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        return node switch
        {
            YamlMappingNode map => new MapNode(
                [.. map.Children.Select(c => new KeyValuePair<ScalarNode, DocumentNode>(Key(c.Key), Convert(c.Value)))], line, column),
            YamlSequenceNode sequence => new SequenceNode([.. sequence.Children.Select(Convert)], line, column),
            YamlScalarNode scalar => Scalar(scalar, line, column),
            _ => new ScalarNode(string.Empty, ScalarType.Null, line, column),
        };
    }

    private static ScalarNode Key(YamlNode key) =>
        new(key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString(), ScalarType.Text, (int)key.Start.Line, (int)key.Start.Column);

    private static ScalarNode Scalar(YamlScalarNode scalar, int line, int column)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return new ScalarNode(value, ScalarType.Text, line, column);
        }

        if (value.Length == 0 || value is "~" or "null" or "Null" or "NULL")
        {
            return new ScalarNode(value, ScalarType.Null, line, column);
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return new ScalarNode(value.ToLowerInvariant(), ScalarType.Boolean, line, column);
        }

        return YamlNumber().IsMatch(value)
            ? new ScalarNode(value.Replace("+", string.Empty, StringComparison.Ordinal), ScalarType.Number, line, column)
            : new ScalarNode(value, ScalarType.Text, line, column);
    }

    [GeneratedRegex(@"^[-+]?(\d+|\d+\.\d*|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex YamlNumber();
}
