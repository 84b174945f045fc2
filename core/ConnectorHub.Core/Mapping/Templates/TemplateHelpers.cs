using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Normalizers;
using ConnectorHub.Core.Mapping.Values;
using HandlebarsDotNet;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>
/// Registers every built-in normalizer as a Handlebars helper (<c>{{email properties.email}}</c>,
/// <c>{{phone mobile "GB"}}</c>, <c>{{datetime when zone="Europe/Paris"}}</c>), plus <c>coalesce</c> and <c>eq</c>.
/// Without an argument, a helper named like a field (<c>{{name}}</c>, <c>{{email}}</c>) reads that field.
/// </summary>
internal static class TemplateHelpers
{
    public static void Register(IHandlebars handlebars, NormalizerDefaults defaults)
    {
        foreach (var name in NormalizerCatalog.Names)
        {
            var helper = new NormalizerHelper(name, defaults);
            handlebars.RegisterHelper(name, (in HelperOptions _, in Context context, in Arguments arguments) => helper.Invoke(context.Value, arguments));
        }

        handlebars.RegisterHelper("coalesce", (in HelperOptions _, in Context _, in Arguments arguments) =>
        {
            foreach (var argument in arguments.AsEnumerable())
            {
                if (argument is not (null or UndefinedBindingResult or IDictionary<string, object>) && !(argument is string s && string.IsNullOrWhiteSpace(s)))
                {
                    return argument;
                }
            }

            return null;
        });
        handlebars.RegisterHelper("eq", (in HelperOptions _, in Context _, in Arguments arguments) =>
            arguments.Length == 2 && string.Equals(Text(arguments[0]), Text(arguments[1]), StringComparison.Ordinal));
    }

    private static string? Text(object? value) => value switch
    {
        null or UndefinedBindingResult => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed class NormalizerHelper(string name, NormalizerDefaults defaults)
    {
        private readonly INormalizer _default = NormalizerCatalog.Create(name, new Dictionary<string, string>(), defaults);
        private readonly ConcurrentDictionary<string, INormalizer> _withArguments = new(StringComparer.Ordinal);

        public object? Invoke(object? context, Arguments arguments)
        {
            if (arguments.Length == 0)
            {
                // {{name}} with no argument means the field called "name" (helpers win over fields in Handlebars).
                return context is JsonObject record ? JsonScalar.Unwrap(record[name]) : null;
            }

            var value = ToJson(arguments[0]);
            if (JsonScalar.IsMissing(value))
            {
                return null;
            }

            var result = Normalizer(arguments).Normalize(value!);
            return result.Failed ? throw new TemplateFailedException(result.Error!) : JsonScalar.Unwrap(result.Value);
        }

        private INormalizer Normalizer(Arguments arguments)
        {
            if (arguments.Length == 1)
            {
                return _default;
            }

            var named = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 1; i < arguments.Length; i++)
            {
                if (arguments[i] is IDictionary<string, object> hash)
                {
                    foreach (var (key, value) in hash)
                    {
                        named[key] = Text(value) ?? string.Empty;
                    }
                }
                else if (Text(arguments[i]) is { } main)
                {
                    named[string.Empty] = main;
                }
            }

            var cacheKey = string.Join('\u001f', named.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
            try
            {
                return _withArguments.GetOrAdd(cacheKey, _ => NormalizerCatalog.Create(name, named, defaults));
            }
            catch (ArgumentException ex)
            {
                throw new TemplateFailedException(ex.Message);
            }
        }

        private static JsonNode? ToJson(object? value) => value switch
        {
            null or UndefinedBindingResult => null,
            JsonNode node => node,
            string s => JsonValue.Create(s),
            bool b => JsonValue.Create(b),
            decimal d => JsonValue.Create(d),
            double d => JsonValue.Create(d),
            int i => JsonValue.Create(i),
            long l => JsonValue.Create(l),
            _ => JsonValue.Create(Text(value)),
        };
    }
}
