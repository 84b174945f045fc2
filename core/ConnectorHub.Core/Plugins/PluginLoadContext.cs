using System.Reflection;
using System.Runtime.Loader;

namespace ConnectorHub.Core.Plugins;

/// <summary>
/// A collectible load context for one plugin. Contract assemblies (the SDK, Microsoft.Extensions abstractions)
/// come from the host so their types are identical on both sides; everything else the plugin brings stays private
/// to it, resolved through its <c>.deps.json</c> and then its folder.
/// </summary>
internal sealed class PluginLoadContext(string mainAssemblyPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: true)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);
    private readonly string _directory = Path.GetDirectoryName(mainAssemblyPath)!;

    /// <summary>Whether the host shares <paramref name="name"/> with plugins instead of letting them load their own.</summary>
    public static bool IsShared(AssemblyName name)
    {
        var simpleName = name.Name ?? string.Empty;
        return simpleName == "ConnectorHub.Sdk"
            || (simpleName.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && simpleName.EndsWith(".Abstractions", StringComparison.Ordinal));
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
        {
            return null; // falls back to the host's (default) context
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName) ?? InFolder(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private string? InFolder(AssemblyName assemblyName)
    {
        var candidate = Path.Combine(_directory, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? candidate : null;
    }
}
