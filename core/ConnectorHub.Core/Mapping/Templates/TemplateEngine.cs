using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Normalizers;
using HandlebarsDotNet;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>One Handlebars environment per compiled mapping: records read as JSON, no HTML escaping, normalizer helpers.</summary>
internal sealed class TemplateEngine
{
    private readonly IHandlebars _handlebars;

    public TemplateEngine(NormalizerDefaults defaults)
    {
        var configuration = new HandlebarsConfiguration
        {
            TextEncoder = null,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        configuration.ObjectDescriptorProviders.Add(new JsonObjectDescriptorProvider());
        _handlebars = Handlebars.Create(configuration);
        TemplateHelpers.Register(_handlebars, defaults);
    }

    /// <summary>Compiles a template once; a syntax error or an unknown helper is reported here, not per record.</summary>
    public bool TryCompile(string text, out CompiledTemplate template, out string error)
    {
        template = null!;
        error = string.Empty;
        HandlebarsTemplate<object, object> compiled;
        try
        {
            compiled = _handlebars.Compile(text);
        }
        catch (HandlebarsException ex)
        {
            error = $"the template does not compile: {ex.Message}";
            return false;
        }

        try
        {
            // A dry run on an empty record finds helpers that do not exist; other failures depend on data.
            compiled(new JsonObject());
        }
        catch (HandlebarsRuntimeException ex) when (ex.Message.Contains("cannot be resolved", StringComparison.Ordinal))
        {
            error = $"{ex.Message}; the helpers are the normalizers ({string.Join(", ", NormalizerCatalog.Names)}), coalesce, eq and Handlebars' own (if, unless, each, with, lookup)";
            return false;
        }
        catch (Exception ex) when (ex is HandlebarsException or TemplateFailedException)
        {
            // Data-dependent failures show up per record.
        }

        template = new CompiledTemplate(text, compiled);
        return true;
    }
}
