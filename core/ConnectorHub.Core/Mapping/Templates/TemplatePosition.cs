using Scriban.Parsing;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>Where in a template something happened, as people count: line and column from 1.</summary>
internal static class TemplatePosition
{
    public static string Of(SourceSpan span) => $"template line {span.Start.Line + 1}, column {span.Start.Column + 1}";
}
