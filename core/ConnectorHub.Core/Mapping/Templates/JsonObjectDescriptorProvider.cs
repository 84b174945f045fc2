using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping.Values;
using HandlebarsDotNet.Iterators;
using HandlebarsDotNet.MemberAccessors;
using HandlebarsDotNet.ObjectDescriptors;
using HandlebarsDotNet.PathStructure;

namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>
/// Lets templates read <see cref="JsonObject"/> records directly, with JSON scalars handed over as CLR values, so
/// <c>{{#if flag}}</c> sees a real false and helpers get strings and numbers, with no per-record conversion.
/// </summary>
internal sealed class JsonObjectDescriptorProvider : IObjectDescriptorProvider
{
    private readonly ObjectDescriptor _descriptor = new(
        typeof(JsonObject),
        new Accessor(),
        static (_, instance) => ((JsonObject)instance).Select(p => (object)p.Key),
        static descriptor => new ObjectIterator(descriptor));

    public bool TryGetDescriptor(Type type, out ObjectDescriptor value)
    {
        if (type == typeof(JsonObject))
        {
            value = _descriptor;
            return true;
        }

        value = ObjectDescriptor.Empty;
        return false;
    }

    private sealed class Accessor : IMemberAccessor
    {
        public bool TryGetValue(object instance, ChainSegment memberName, out object? value)
        {
            if (((JsonObject)instance).TryGetPropertyValue(memberName.TrimmedValue, out var node))
            {
                value = JsonScalar.Unwrap(node);
                return true;
            }

            value = null;
            return false;
        }
    }
}
