using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Mapping.Normalizers;
using ConnectorHub.Core.Mapping.Normalizers.Countries;
using ConnectorHub.Core.Mapping.Normalizers.Currencies;
using ConnectorHub.Core.Mapping.Reading;
using ConnectorHub.Core.Mapping.Rules;
using ConnectorHub.Core.Mapping.Templates;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.Mapping;

/// <summary>
/// Compiles a <see cref="MappingDefinition"/> once (paths parsed, templates compiled, normalizers built, output paths
/// checked against the canonical schema) into a <see cref="CompiledMapping"/> that maps records with no re-parsing.
/// </summary>
public sealed partial class MappingCompiler
{
    private readonly List<MappingDefinitionError> _errors = [];
    private readonly MappingDefinition _definition;
    private readonly TemplateLimits _limits;
    private NormalizerDefaults _defaults = NormalizerDefaults.Utc;
    private TemplateEngine _templates = null!;
    private SchemaFieldCheck? _schema;

    private MappingCompiler(MappingDefinition definition, TemplateLimits limits)
    {
        _definition = definition;
        _limits = limits;
    }

    /// <summary>Compiles the mapping.</summary>
    /// <exception cref="MappingDefinitionException">Every problem found, each naming its file, line and key.</exception>
    public static CompiledMapping Compile(MappingDefinition definition) => Compile(definition, TemplateLimits.Default);

    /// <summary>Compiles the mapping with other template limits (tests of the sandbox).</summary>
    internal static CompiledMapping Compile(MappingDefinition definition, TemplateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new MappingCompiler(definition, limits).Run();
    }

    /// <summary>Reads and compiles mapping text (YAML or JSON; see <see cref="MappingReader.Parse"/>).</summary>
    public static CompiledMapping Compile(string text, string sourceName) => Compile(MappingReader.Parse(text, sourceName));

    private CompiledMapping Run()
    {
        if (!EntityNames.TryParse(_definition.Entity, out var type))
        {
            Error(_definition.Location, $"unknown entity '{_definition.Entity}'; use one of {string.Join(", ", EntityNames.All)}");
        }
        else
        {
            _schema = new SchemaFieldCheck(type);
        }

        _defaults = Defaults(_definition.Settings, _definition.Location with { Key = "settings" });
        _templates = new TemplateEngine(_defaults, _limits);
        var index = new RuleIndex();
        var fields = Fields(_definition.Fields, [], index);
        var when = _definition.When is null ? null : Condition(_definition.When);
        if (_errors.Count > 0)
        {
            throw new MappingDefinitionException(_errors);
        }

        return new CompiledMapping(_definition, type, when, fields, index);
    }

    private NormalizerDefaults Defaults(MappingSettings settings, SourceLocation location)
    {
        Country? region = null;
        if (settings.DefaultRegion is { } code && (region = CountryTable.ByAlpha2(code) ?? CountryTable.Find(code)) is null)
        {
            Error(location with { Key = "settings.default_region" }, $"'{code}' is not an ISO 3166-1 region (such as US or GB)");
        }

        var zone = TimeZoneInfo.Utc;
        if (settings.TimeZone is { } id && !NormalizerDefaults.TryFindZone(id, out zone, out var zoneError))
        {
            Error(location with { Key = "settings.time_zone" }, zoneError);
        }

        string? currency = null;
        if (settings.DefaultCurrency is { } currencyCode && !CurrencyTable.IsCode(currency = currencyCode.Trim().ToUpperInvariant()))
        {
            Error(location with { Key = "settings.default_currency" }, $"'{currencyCode}' is not an ISO 4217 currency code (such as USD or EUR)");
        }

        var order = NormalizerDefaults.OrderFor(region);
        if (settings.DateOrder is { } orderText && !NormalizerDefaults.TryParseOrder(orderText, out order))
        {
            Error(location with { Key = "settings.date_order" }, $"'{orderText}' is not a date order: use mdy or dmy");
        }

        return new NormalizerDefaults(region, zone, currency, order);
    }

    private void Error(SourceLocation location, string message) => _errors.Add(new MappingDefinitionError(location, message));

    private static string RuleName(SourceLocation location) =>
        location.Key.StartsWith("fields.", StringComparison.Ordinal) ? location.Key["fields.".Length..] : location.Key;
}
