using System.Reflection;
using ConnectorHub.Sdk;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Manifests;
using ConnectorHub.Sdk.Schemas;
using ConnectorHub.Sdk.Sources;
using Microsoft.Extensions.Logging;
using AssemblyLoader = McMaster.NETCore.Plugins.PluginLoader;

namespace ConnectorHub.Core.Plugins;

/// <summary>
/// Loads every plugin folder under a directory, each into its own collectible load context (McMaster.NETCore.Plugins,
/// with the <see cref="SharedContracts"/> shared from the host). A plugin that cannot be loaded is refused with a
/// reason that names it and says how to fix it; the others load regardless.
/// </summary>
public sealed class PluginLoader(ILogger<PluginLoader> logger)
{
    private const string SdkAssemblyName = "ConnectorHub.Sdk";

    /// <summary>Loads all plugin folders (immediate subfolders) of <paramref name="pluginsDirectory"/>.</summary>
    public PluginCatalog LoadAll(string pluginsDirectory)
    {
        if (!Directory.Exists(pluginsDirectory))
        {
            logger.LogWarning("The plugins directory {Directory} does not exist; no connectors are available.", pluginsDirectory);
        }

        var scan = PluginDirectoryScan.Run(this, pluginsDirectory, []);
        foreach (var refusal in scan.Refusals)
        {
            logger.LogError("Plugin refused: {Reason}", refusal.Reason);
        }

        foreach (var plugin in scan.Plugins)
        {
            logger.LogInformation("Loaded {Kind} plugin {Id} {Version} from {Directory}.", plugin.Manifest.Kind, plugin.Id, plugin.Version, plugin.Directory);
        }

        return new PluginCatalog(scan.Plugins, scan.Refusals);
    }

    /// <summary>Loads one plugin folder; throws <see cref="PluginLoadException"/> with the reason when refused.</summary>
    public LoadedPlugin Load(string directory)
    {
        logger.LogDebug("Loading the plugin in {Directory}.", directory);
        var fingerprint = PluginFolderFingerprint.Of(directory);
        var manifest = PluginManifestReader.Read(directory);
        var name = $"Plugin '{manifest.Id}' ({directory})";
        CheckSdkVersion(Version.Parse(manifest.SdkVersion), name, "its plugin.json declares");

        if (manifest.IsManifestOnly)
        {
            return LoadManifestOnly(manifest, directory, fingerprint, name);
        }

        if (File.Exists(Path.Combine(directory, SdkAssemblyName + ".dll")))
        {
            throw new PluginLoadException(
                $"{name} contains its own copy of {SdkAssemblyName}.dll, so its contract types would not be the host's. " +
                "Reference the SDK with Private=\"false\" and ExcludeAssets=\"runtime\" and delete the copy from the plugin folder.");
        }

        var assemblyPath = Path.GetFullPath(Path.Combine(directory, manifest.Assembly!));
        if (!File.Exists(assemblyPath))
        {
            throw new PluginLoadException($"{name}: the assembly '{manifest.Assembly}' named in plugin.json is not in the folder. Build the plugin, or fix 'assembly' in plugin.json.");
        }

        var assemblies = CreateAssemblyLoader(assemblyPath, name);
        try
        {
            var assembly = LoadAssembly(assemblies, assemblyPath, name);
            var sdkReference = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == SdkAssemblyName);
            if (sdkReference?.Version is { } built)
            {
                CheckSdkVersion(built, name, "it was compiled against");
            }

            var connector = CreateConnector(assembly, manifest, name);
            var spec = ReadSpec(connector, name);
            return new LoadedPlugin(manifest, directory, fingerprint, assemblies, connector, spec);
        }
        catch
        {
            assemblies.Dispose();
            throw;
        }
    }

    /// <summary>A source described by the folder's connector.yaml alone: run by the SDK, no load context of its own.</summary>
    private static LoadedPlugin LoadManifestOnly(PluginManifest manifest, string directory, PluginFolderFingerprint fingerprint, string name)
    {
        ManifestSource source;
        try
        {
            source = ManifestSource.FromFolder(directory);
        }
        catch (ManifestException ex)
        {
            throw new PluginLoadException($"{name}: its manifest is refused: {ex.Message}", ex);
        }

        return new LoadedPlugin(manifest, directory, fingerprint, assemblies: null, source, ReadSpec(source, name));
    }

    /// <summary>
    /// A collectible load context for the plugin. Assemblies are read into memory rather than mapped from their files,
    /// so a new version copied over the folder never changes the bytes under a version that is still running.
    /// </summary>
    private static AssemblyLoader CreateAssemblyLoader(string assemblyPath, string name)
    {
        try
        {
            return AssemblyLoader.CreateFromAssemblyFile(assemblyPath, isUnloadable: true, SharedContracts.Types, config => config.LoadInMemory = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new PluginLoadException($"{name}: its dependency manifest ({Path.GetFileNameWithoutExtension(assemblyPath)}.deps.json) could not be read: {ex.Message} Rebuild the plugin and copy the whole output folder again.", ex);
        }
    }

    private static Assembly LoadAssembly(AssemblyLoader assemblies, string assemblyPath, string name)
    {
        try
        {
            return assemblies.LoadDefaultAssembly();
        }
        catch (BadImageFormatException ex)
        {
            throw new PluginLoadException($"{name}: '{Path.GetFileName(assemblyPath)}' is not a valid .NET assembly (corrupt or built for another platform). Rebuild the plugin and copy it again.", ex);
        }
        catch (IOException ex)
        {
            throw new PluginLoadException($"{name}: '{Path.GetFileName(assemblyPath)}' could not be loaded: {ex.Message}", ex);
        }
    }

    private static IConnector CreateConnector(Assembly assembly, PluginManifest manifest, string name)
    {
        Type? type;
        try
        {
            type = assembly.GetType(manifest.EntryType!, throwOnError: false);
        }
        catch (Exception ex) when (ex is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new PluginLoadException($"{name}: the entry type '{manifest.EntryType}' could not be loaded: {ex.Message}. Ship every dependency in the plugin folder.", ex);
        }

        if (type is null)
        {
            throw new PluginLoadException(
                $"{name}: the entry type '{manifest.EntryType}' is not in {manifest.Assembly}. Set 'entryType' in plugin.json to the full name (namespace and class) of the class that implements the connector.");
        }

        var contract = manifest.Kind == PluginKind.Source ? typeof(ISourceConnector) : typeof(IDestinationConnector);
        if (!contract.IsAssignableFrom(type))
        {
            throw new PluginLoadException(WrongEntryType(type, contract, manifest, name));
        }

        if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new PluginLoadException($"{name}: the entry type '{type.FullName}' must be a concrete class with a public parameterless constructor.");
        }

        try
        {
            return (IConnector)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException ex)
        {
            throw new PluginLoadException($"{name}: the constructor of '{type.FullName}' threw {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}", ex);
        }
    }

    private static string WrongEntryType(Type type, Type contract, PluginManifest manifest, string name)
    {
        var interfaces = type.GetInterfaces();
        if (interfaces.Any(i => i.FullName == contract.FullName))
        {
            return $"{name}: '{type.FullName}' implements {contract.Name} from another copy of the SDK, not the host's. " +
                "Reference ConnectorHub.Sdk with Private=\"false\" and ExcludeAssets=\"runtime\" so the host's copy is used.";
        }

        var other = manifest.Kind == PluginKind.Source ? typeof(IDestinationConnector) : typeof(ISourceConnector);
        return other.IsAssignableFrom(type)
            ? $"{name}: plugin.json says kind '{manifest.Kind.ToString().ToLowerInvariant()}' but '{type.FullName}' implements {other.Name}. Fix 'kind' in plugin.json."
            : $"{name}: the entry type '{type.FullName}' does not implement {contract.FullName}. Point 'entryType' at the class that does.";
    }

    private static ConnectorSpec ReadSpec(IConnector connector, string name)
    {
        ConnectorSpec spec;
        try
        {
            spec = connector.GetSpec();
        }
        catch (Exception ex)
        {
            throw new PluginLoadException($"{name}: GetSpec() threw {ex.GetType().Name}: {ex.Message}", ex);
        }

        try
        {
            JsonSchemaValidator.FromJson(spec.ConfigSchema);
        }
        catch (ArgumentException ex)
        {
            throw new PluginLoadException($"{name}: its config spec is not a valid JSON Schema: {ex.Message}", ex);
        }

        return spec;
    }

    private static void CheckSdkVersion(Version version, string name, string how)
    {
        if (!SdkInfo.Supports(version))
        {
            var upgrade = version.Major < SdkInfo.OldestSupportedMajorVersion
                ? $"Upgrade the plugin: reference ConnectorHub.Sdk {SdkInfo.MajorVersion}.x, set sdkVersion to {SdkInfo.MajorVersion}.0.0 in plugin.json and rebuild (docs/writing-a-connector.md)."
                : $"Rebuild the plugin against ConnectorHub.Sdk {SdkInfo.MajorVersion}.x, or install a version of the plugin made for it.";
            throw new PluginLoadException(
                $"{name}: {how} SDK {version.ToString(3)}, but this hub supports SDK {SdkInfo.OldestSupportedMajorVersion}.x to {SdkInfo.MajorVersion}.x. {upgrade}");
        }
    }
}
